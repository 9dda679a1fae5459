// The service levels in the HTML report: the first screen (verdict, SLO tiles, coverage
// tiles, golden signals, comparison), the SLO section with its SVG charts, log checks and a
// case's log lines; everything from a service escaped, nothing the Jenkins CSP would block.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "reports/writers/html_builder.hpp"
#include "reports/writers/writer.hpp"
#include "tests/reports/service_levels_fixture.hpp"

namespace glassbox::reports {
namespace {

namespace fs = std::filesystem;
using html::escape_html;
using testing::service_level_run;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t occurrences(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

class ServiceLevelsHtml : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           fs::path("glassbox-slo-html-" + std::to_string(::getpid()) + "-" +
                    ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string render(const RunResults& results) {
    const Status status = html_writer().write(results, dir_);
    EXPECT_TRUE(status.ok()) << (status.ok() ? "" : status.error().message);
    return read(dir_ / "index.html");
  }

  fs::path dir_;
};

RunResults with_coverage(RunResults run) {
  run.coverage_totals = {CoverageTotal{"checkout", "shop", "branches", 9, 10, 90.0},
                         CoverageTotal{"checkout", "shop", "operations", 2, 4, 100.0}};
  return run;
}

TEST_F(ServiceLevelsHtml, TheFirstScreenGoesVerdictSlosCoverageGoldenSignalsComparison) {
  const std::string page = render(with_coverage(service_level_run()));
  const auto verdict = page.find("<section id=\"summary\" class=\"verdict verdict-failed\">");
  const auto slos = page.find("<div class=\"slo-tiles\">");
  const auto coverage = page.find("<h2>Coverage</h2>");
  const auto golden = page.find("<section id=\"golden-signals\" class=\"panel\">");
  const auto comparison = page.find("<section id=\"comparison\" class=\"panel\">");
  const auto latency = page.find("<section id=\"latency\"");
  ASSERT_NE(verdict, std::string::npos);
  ASSERT_NE(slos, std::string::npos);
  ASSERT_NE(coverage, std::string::npos);
  ASSERT_NE(golden, std::string::npos);
  ASSERT_NE(comparison, std::string::npos);
  EXPECT_LT(verdict, slos);
  EXPECT_LT(slos, coverage);
  EXPECT_LT(coverage, golden);
  EXPECT_LT(golden, comparison);
  EXPECT_LT(comparison, latency);
}

TEST_F(ServiceLevelsHtml, OneTilePerObjectiveAndBudgetWithItsVerdict) {
  const std::string page = render(service_level_run());
  EXPECT_EQ(occurrences(page, "class=\"slo-tile "), 6u);
  EXPECT_NE(page.find("<a class=\"slo-tile slo-tile-fail\" href=\"#slo-1\"><span class=\"slo-tile-verdict\">FAIL</span>"
                      "<span class=\"slo-tile-name\">fast-orders · p99 latency</span><span class=\"slo-tile-value\">310 ms</span>"
                      "<span class=\"slo-tile-detail\">objective &lt;= 200 ms · margin -110 ms</span></a>"),
            std::string::npos);
  EXPECT_NE(page.find("<a class=\"slo-tile slo-tile-warn\" href=\"#slo-3\">"), std::string::npos);
  EXPECT_NE(page.find("<a class=\"slo-tile slo-tile-none\" href=\"#slo-5\"><span class=\"slo-tile-verdict\">NOT MEASURED</span>"),
            std::string::npos);
  EXPECT_NE(page.find("<a class=\"slo-tile slo-tile-fail\" href=\"#budget-1\"><span class=\"slo-tile-verdict\">FAIL</span>"
                      "<span class=\"slo-tile-name\">error budget</span><span class=\"slo-tile-value\">60.0% used</span>"),
            std::string::npos);
  EXPECT_NE(page.find("<tr id=\"slo-1\" class=\"slo-row slo-row-fail\">"), std::string::npos);
  EXPECT_NE(page.find("<div id=\"budget-1\" class=\"panel budget-panel\">"), std::string::npos);
}

TEST_F(ServiceLevelsHtml, CoverageTilesJudgeEachTotalAgainstItsGoal) {
  const std::string page = render(with_coverage(service_level_run()));
  EXPECT_NE(page.find("<a class=\"slo-tile slo-tile-pass\" href=\"#coverage\"><span class=\"slo-tile-verdict\">PASS</span>"
                      "<span class=\"slo-tile-name\">shop · branches</span><span class=\"slo-tile-value\">90.0 %</span>"),
            std::string::npos);
  EXPECT_NE(page.find("<a class=\"slo-tile slo-tile-fail\" href=\"#coverage\"><span class=\"slo-tile-verdict\">FAIL</span>"
                      "<span class=\"slo-tile-name\">shop · operations</span>"),
            std::string::npos);
}

TEST_F(ServiceLevelsHtml, ShowsGoldenSignalsAndRegressionsFirst) {
  const std::string page = render(service_level_run());
  EXPECT_NE(page.find("<td class=\"name\">shop<span class=\"form\">load · 6000 requests</span></td><td>199.8/s</td>"
                      "<td>2.1 ms</td><td>4.0 ms</td><td>310 ms</td><td class=\"n-failed\">0.3%</td>"
                      "<td title=\"process_cpu_seconds_total rate\">0.42</td>"),
            std::string::npos);
  EXPECT_NE(page.find("<span class=\"count count-bad\">2 regressed</span>"), std::string::npos);
  const auto regressed = page.find("<span class=\"badge badge-slo-fail\">REGRESSED</span>");
  const auto held = page.find("<span class=\"badge badge-slo-pass\">HELD</span>");
  ASSERT_NE(regressed, std::string::npos);
  EXPECT_LT(regressed, held);
  EXPECT_NE(page.find("<td class=\"mono\">3.2 ms</td><td class=\"mono\">4.0 ms</td><td>+25% (allowed +10%)</td>"),
            std::string::npos);
}

TEST_F(ServiceLevelsHtml, DrawsTheLoadLatencyHistogramWithPercentilesAndTheThreshold) {
  const std::string page = render(service_level_run());
  const auto section = page.find("<section id=\"slos\" class=\"block\">");
  ASSERT_NE(section, std::string::npos);
  const std::string slos = page.substr(section, page.find("</section>", section) - section);
  for (const char* marker : {"<g class=\"marker marker-p50\">", "<g class=\"marker marker-p95\">", "<g class=\"marker marker-p99\">"})
    EXPECT_NE(slos.find(marker), std::string::npos) << marker;
  EXPECT_GE(occurrences(slos, ">p99 SLO 200 ms</text>"), 2u);   // histogram and timeline
  EXPECT_NE(slos.find(">p95 SLO 50.0 ms</text>"), std::string::npos);
  EXPECT_NE(slos.find("<rect class=\"bar"), std::string::npos);
}

TEST_F(ServiceLevelsHtml, DrawsPercentilesOverTimeFromTheTimeline) {
  const std::string page = render(service_level_run());
  EXPECT_NE(page.find("<svg class=\"chart timeline-chart\" viewBox=\"0 0 620 230\""), std::string::npos);
  EXPECT_EQ(occurrences(page, "<polyline class=\"series series-p50\""), 1u);
  EXPECT_EQ(occurrences(page, "<polyline class=\"series series-p99\""), 1u);
  EXPECT_EQ(occurrences(page, "<circle class=\"point\""), 30u);
  EXPECT_EQ(occurrences(page, "<rect class=\"error-mark\""), 2u);   // seconds 13 and 20 had errors
  EXPECT_NE(page.find("<title>13 s: 200 requests, 15 errors, p50 "), std::string::npos);
}

TEST_F(ServiceLevelsHtml, DrawsTheErrorBudgetAndItsBurnWindows) {
  const std::string page = render(service_level_run());
  EXPECT_NE(page.find("<rect class=\"budget-consumed\" x=\"0\" y=\"0\" width=\"600.0\" height=\"16\"><title>60.0% consumed</title>"),
            std::string::npos);
  EXPECT_NE(page.find("<rect class=\"budget-remaining\" x=\"600.0\""), std::string::npos);
  EXPECT_NE(page.find("<td class=\"name\">3d / 6h</td><td class=\"num\">1x</td><td class=\"num\">1.40x</td>"
                      "<td class=\"num\">1.20x (query)</td>"),
            std::string::npos);
  EXPECT_NE(page.find("<td class=\"name\">1h / 5m</td><td class=\"num\">14.4x</td><td class=\"num\">not measured</td>"),
            std::string::npos);
}

TEST_F(ServiceLevelsHtml, ABudgetSpentPastItsEndFillsTheBar) {
  RunResults run = service_level_run();
  run.error_budgets[0].consumed = 3.5;
  const std::string page = render(run);
  EXPECT_NE(page.find("<rect class=\"budget-over\" x=\"0\" y=\"0\" width=\"1000\" height=\"16\"><title>350.0% of the budget consumed"),
            std::string::npos);
}

TEST_F(ServiceLevelsHtml, ACaseShowsItsLogLinesEscaped) {
  const std::string page = render(service_level_run());
  EXPECT_NE(page.find("<h4>Log lines (2)</h4>"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"num\">57</td><td><span class=\"level level-error\">ERROR</span></td><td class=\"mono\">" +
                      escape_html(testing::kHostileLogText) + "</td>"),
            std::string::npos);
  EXPECT_NE(page.find("<span class=\"level level-warn\">WARN</span>"), std::string::npos);
  EXPECT_EQ(page.find(testing::kHostileLogText), std::string::npos);
}

TEST_F(ServiceLevelsHtml, LogFindingsAndSloMessagesAreInert) {
  const std::string page = render(service_level_run());
  EXPECT_NE(page.find("<li class=\"mono\">" + escape_html(testing::kHostileFinding) + "</li>"), std::string::npos);
  EXPECT_NE(page.find(escape_html(testing::kHostileSloMessage)), std::string::npos);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(page.find("<b>"), std::string::npos);
  EXPECT_EQ(occurrences(page, "<script"), 0u);
}

TEST_F(ServiceLevelsHtml, HasNoStyleAttributeScriptOrDataUri) {
  std::string page = render(with_coverage(service_level_run()));
  std::transform(page.begin(), page.end(), page.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  EXPECT_EQ(occurrences(page, "style="), 0u);
  EXPECT_EQ(occurrences(page, "<script"), 0u);
  EXPECT_EQ(occurrences(page, "<style"), 0u);
  EXPECT_EQ(occurrences(page, "data:"), 0u);
  EXPECT_EQ(occurrences(page, " src=\""), 0u);   // the finding's "<img src=x" is text, not an attribute
  EXPECT_EQ(occurrences(page, "<img"), 0u);
}

TEST_F(ServiceLevelsHtml, EveryClassTheSectionsUseIsInTheStylesheet) {
  render(service_level_run());
  const std::string css = read(dir_ / "report.css");
  for (const char* rule : {".slo-tile-fail", ".slo-tile-warn", ".badge-slo-none", ".series-p99", ".threshold line",
                           ".budget-consumed", ".budget-remaining", ".budget-over", ".error-mark", ".level-error",
                           ".marker-p95", ".chart-pair"})
    EXPECT_NE(css.find(rule), std::string::npos) << rule;
}

TEST_F(ServiceLevelsHtml, ARunWithoutServiceLevelsHasNoOverviewOrSloSection) {
  RunResults run = service_level_run();
  run.load.clear();
  run.slos.clear();
  run.error_budgets.clear();
  run.comparison.reset();
  run.golden_signals.clear();
  run.logs.clear();
  const std::string page = render(run);
  EXPECT_EQ(page.find("id=\"overview\""), std::string::npos);
  EXPECT_EQ(page.find("id=\"slos\""), std::string::npos);
  EXPECT_EQ(page.find("href=\"#overview\""), std::string::npos);
}

}  // namespace
}  // namespace glassbox::reports
