// The service levels in JUnit and Markdown: every SLO, budget, burn window, regression and
// log shows, verdicts map to failure/skipped/passed, text from services stays inert.
#include <gtest/gtest.h>

#include <cstdlib>

#include "reports/writers/slo_format.hpp"
#include "reports/writers/writer.hpp"
#include "tests/reports/service_levels_fixture.hpp"
#include "tests/reports/test_files.hpp"

namespace glassbox::reports {
namespace {

using testing::service_level_run;
using testing::TempDir;

const std::filesystem::path kSchema = GLASSBOX_SOURCE_DIR "/../shared/schemas/jenkins-junit.xsd";

std::string render(const ReportWriter& writer, const RunResults& results) {
  const TempDir dir;
  const Status s = writer.write(results, dir / "out");
  EXPECT_TRUE(s.ok()) << s.error().message;
  return testing::read_file(dir / "out");
}

std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// The text between `from` and the next `to`, for looking at one testcase.
std::string slice(const std::string& text, const std::string& from, const std::string& to) {
  const auto start = text.find(from);
  if (start == std::string::npos) return "";
  return text.substr(start, text.find(to, start) - start);
}

TEST(SloFormat, ShowsFiguresInTheirUnits) {
  EXPECT_EQ(slo_ms(2.1), "2.1 ms");
  EXPECT_EQ(slo_ms(310), "310 ms");
  EXPECT_EQ(slo_ms(1250), "1.25 s");
  EXPECT_EQ(slo_percent(0.003), "0.3%");
  EXPECT_EQ(slo_percent(0.9995), "99.95%");
  EXPECT_EQ(slo_percent(0.00001), "0.001%");
  EXPECT_EQ(slo_percent(1), "100%");
  EXPECT_EQ(slo_margin(-110.0, "ms"), "-110 ms");
  EXPECT_EQ(slo_margin(0.002, "%"), "+0.20 points");
  EXPECT_EQ(slo_margin(std::nullopt, "ms"), "–");
  EXPECT_EQ(slo_value(std::nullopt, "ms"), "not measured");
  EXPECT_EQ(slo_value(199.8, "/s"), "199.8/s");
}

TEST(SloFormat, SummarisesTheLoadPhaseInOneLine) {
  EXPECT_EQ(load_summary(service_level_run().load[0]),
            "open 200/s for 30 s — 6000 sent, 199.8/s, p50 2.9 ms p95 4.2 ms p99 289 ms max 398 ms, 0.3% errors");
}

TEST(ServiceLevelsJunit, IsValidAgainstTheJenkinsSchema) {
  if (!std::filesystem::exists(kSchema)) GTEST_SKIP() << kSchema << " is not beside the clone";
  const TempDir dir;
  ASSERT_TRUE(junit_writer().write(service_level_run(), dir / "junit.xml").ok());
  const std::string command = "xmllint --noout --schema '" + kSchema.string() + "' '" + (dir / "junit.xml").string() + "' 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0);
}

TEST(ServiceLevelsJunit, OneTestcasePerObjectiveBudgetAndBurnWindowInASlosSuite) {
  const std::string xml = render(junit_writer(), service_level_run());
  // 5 objectives, 1 budget, 3 windows; 2 failed (p99, 3d/6h window) + the budget; 3 not measured.
  EXPECT_NE(xml.find("<testsuite name=\"slos\" tests=\"9\" failures=\"3\" errors=\"0\" skipped=\"3\""), std::string::npos);
  const std::string p99 = slice(xml, "name=\"fast-orders: p99 latency &lt;= 200 ms\"", "</testcase>");
  EXPECT_NE(p99.find("classname=\"checkout.slos\""), std::string::npos);
  EXPECT_NE(p99.find("<failure message=\"p99 latency 310 ms &gt; 200 ms (55% over)\" type=\"slo\">measured: 310 ms"),
            std::string::npos);
  const std::string warn = slice(xml, "name=\"reliable: error rate &lt;= 0.5%\"", "</testcase>");
  EXPECT_EQ(warn.find("<failure"), std::string::npos);
  EXPECT_NE(warn.find("<system-out>WARN: error rate 0.3%"), std::string::npos);
  const std::string unmeasured = slice(xml, "name=\"busy: throughput &gt;= 150.0/s\"", "</testcase>");
  EXPECT_NE(unmeasured.find("<skipped>no samples for &lt;b&gt;throughput&lt;/b&gt; &amp; \"scope\"</skipped>"),
            std::string::npos);
  const std::string window = slice(xml, "name=\"burn rate 3d/6h above 1x\"", "</testcase>");
  EXPECT_NE(window.find("<failure message=\"burning 1.4x over 3d"), std::string::npos);
  EXPECT_NE(slice(xml, "name=\"burn rate 1h/5m above 14.4x\"", "</testcase>").find("<skipped>1h window not measured"),
            std::string::npos);
  EXPECT_NE(xml.find("name=\"error budget: availability 99.5% over 30d\" classname=\"checkout.error_budget\""),
            std::string::npos);
}

TEST(ServiceLevelsJunit, OneTestcasePerComparedItemInARegressionsSuite) {
  const std::string xml = render(junit_writer(), service_level_run());
  EXPECT_NE(xml.find("<testsuite name=\"regressions\" tests=\"4\" failures=\"2\" errors=\"0\" skipped=\"0\""),
            std::string::npos);
  const std::string p95 = slice(xml, "name=\"p95 latency (load)\"", "</testcase>");
  EXPECT_NE(p95.find("classname=\"regressions.latency\""), std::string::npos);
  EXPECT_NE(p95.find("<failure message=\"p95 latency (load): 3.2 ms -&gt; 4.0 ms (+25%, allowed +10%)\" type=\"regression\">"),
            std::string::npos);
  EXPECT_EQ(slice(xml, "name=\"error rate (load)\"", "</testcase>").find("<failure"), std::string::npos);
}

TEST(ServiceLevelsJunit, OneTestcasePerLogInALogsSuite) {
  const std::string xml = render(junit_writer(), service_level_run());
  EXPECT_NE(xml.find("<testsuite name=\"logs\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\""), std::string::npos);
  const std::string app = slice(xml, "name=\"app\" classname=\"checkout.logs\"", "</testcase>");
  EXPECT_NE(app.find("<failure message=\"2 of 120 lines do not have the required fields\" type=\"log\">"), std::string::npos);
  EXPECT_NE(app.find("line 42: &lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_EQ(slice(xml, "name=\"worker\"", "</testcase>").find("<failure"), std::string::npos);
}

TEST(ServiceLevelsJunit, TotalsCountTheServiceLevelTestcases) {
  const std::string xml = render(junit_writer(), service_level_run());
  // 2 cases + 9 SLO testcases + 4 regressions + 2 logs; 1 failed case + 3 + 2 + 1.
  EXPECT_NE(xml.find("<testsuites name=\"glassbox\" tests=\"17\" failures=\"7\" errors=\"0\""), std::string::npos);
  EXPECT_EQ(count_of(xml, "<testcase "), 17u);
}

TEST(ServiceLevelsJunit, ACaseShowsItsLogLinesEscaped) {
  const std::string xml = render(junit_writer(), service_level_run());
  EXPECT_NE(xml.find("log lines:\n  line 57 [ERROR] &lt;script&gt;alert('log')&lt;/script&gt; &amp; \"quoted\""),
            std::string::npos);
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
  EXPECT_NE(xml.find("retrying \\x1B[31mpayment"), std::string::npos);
}

TEST(ServiceLevelsMarkdown, ShowsTheLoadLineSloTableBudgetAndRegressions) {
  const std::string md = render(markdown_writer(), service_level_run());
  EXPECT_NE(md.find("**Load**: open 200/s for 30 s — 6000 sent, 199.8/s, p50 2.9 ms p95 4.2 ms p99 289 ms max 398 ms, "
                    "0.3% errors\n"),
            std::string::npos);
  EXPECT_NE(md.find("## SLOs\n\n| verdict | SLO | objective | measured | margin | source | message |\n"), std::string::npos);
  EXPECT_NE(md.find("| FAIL | fast-orders: p99 latency | &lt;= 200 ms | 310 ms | -110 ms | probe (load) | p99 latency 310 ms "
                    "&gt; 200 ms (55% over) |\n"),
            std::string::npos);
  EXPECT_NE(md.find("| NOT MEASURED | busy: throughput | &gt;= 150.0/s | not measured | – | metrics (query) | no samples for "
                    "&lt;b&gt;throughput&lt;/b&gt; &amp; \"scope\" |\n"),
            std::string::npos);
  EXPECT_NE(md.find("**Error budget**: FAIL (99.5% over 30d): 18 errors in 6000 requests (0.3%), burn rate 0.60x, 60.0% of the "
                    "budget consumed. the 3d/6h burn-rate rule fires\n"),
            std::string::npos);
  EXPECT_NE(md.find("| 3d / 6h | 1x | 1.40x | 1.20x (query) | FAIL |\n"), std::string::npos);
  EXPECT_NE(md.find("## Compared with alpha/results.json (alpha)\n\n- REGRESSED p95 latency (load): 3.2 ms -> 4.0 ms (+25%, "
                    "allowed +10%)\n"),
            std::string::npos);
  EXPECT_NE(md.find("- held error rate (load): 0.2% -> 0.3%\n"), std::string::npos);
}

TEST(ServiceLevelsMarkdown, ShowsGoldenSignalsAndLogsWithFindingsEscaped) {
  const std::string md = render(markdown_writer(), service_level_run());
  EXPECT_NE(md.find("| shop | load | 6000 | 199.8/s | 2.1 ms | 4.0 ms | 310 ms | 402 ms | 0.3% | 0.42 |\n"), std::string::npos);
  EXPECT_NE(md.find("| app | logs/app.jsonl | 120 | 118 | 2 | 100 | FAILED |"), std::string::npos);
  EXPECT_NE(md.find("line 42: &lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_EQ(md.find("<img"), std::string::npos);
  EXPECT_EQ(md.find("<b>"), std::string::npos);
}

TEST(ServiceLevelsMarkdown, ARunWithoutServiceLevelsHasNoneOfTheirSections) {
  RunResults run = service_level_run();
  run.load.clear();
  run.slos.clear();
  run.error_budgets.clear();
  run.comparison.reset();
  run.golden_signals.clear();
  run.logs.clear();
  const std::string md = render(markdown_writer(), run);
  for (const char* heading : {"**Load**", "## SLOs", "**Error budget", "## Compared with", "## Golden signals", "## Logs"})
    EXPECT_EQ(md.find(heading), std::string::npos) << heading;
}

}  // namespace
}  // namespace glassbox::reports
