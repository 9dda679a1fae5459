#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <vector>
#include <sstream>

#include <gtest/gtest.h>

#include "fake_run.hpp"
#include "reports/writers/html_builder.hpp"
#include "reports/writers/writer.hpp"

namespace glassbox::reports {
namespace {

namespace fs = std::filesystem;
using html::escape_html;
using testing::hostile_run;
using testing::passing_run;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::size_t occurrences(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

class HtmlWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fs::path("glassbox-html-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                                "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string render(const RunResults& results) {
    const Status status = html_writer().write(results, dir_);
    EXPECT_TRUE(status.ok()) << (status.ok() ? "" : status.error().message);
    return read(dir_ / "index.html");
  }

  // Every page of the report, in file-name order, one after the other: for what may sit on
  // any page (case entries live on the technique pages).
  std::string render_all(const RunResults& results) {
    render(results);
    std::vector<fs::path> pages;
    for (const auto& entry : fs::directory_iterator(dir_))
      if (entry.path().extension() == ".html") pages.push_back(entry.path());
    std::sort(pages.begin(), pages.end());
    std::string all;
    for (const fs::path& page : pages) all += read(page);
    return all;
  }

  std::set<std::string> files() const {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_)) names.insert(entry.path().filename().string());
    return names;
  }

  fs::path dir_;
};

TEST_F(HtmlWriterTest, WritesIndexAndStylesheetIntoANewFolder) {
  const std::string page = render(hostile_run());
  EXPECT_TRUE(fs::is_regular_file(dir_ / "report.css"));
  EXPECT_NE(read(dir_ / "report.css").find(".verdict"), std::string::npos);
  EXPECT_NE(page.find("<link rel=\"stylesheet\" href=\"report.css\">"), std::string::npos);
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
}

TEST_F(HtmlWriterTest, HasNoScriptStyleOrDataUriThatJenkinsCspWouldBlock) {
  const std::string page = lowercase(render_all(hostile_run()));
  EXPECT_EQ(occurrences(page, "<script"), 0u);
  EXPECT_EQ(occurrences(page, "<style"), 0u);
  EXPECT_EQ(occurrences(page, " style="), 0u);
  EXPECT_EQ(occurrences(page, "data:"), 0u);
  EXPECT_EQ(occurrences(page, "javascript:"), 0u);
  EXPECT_EQ(occurrences(page, "http-equiv"), 0u);
  // Nothing is fetched from elsewhere: the only URL-valued attributes are the stylesheet's
  // (once per page), anchors and relative links to the report's own pages.
  EXPECT_EQ(occurrences(page, " src="), 0u);
  EXPECT_EQ(occurrences(page, "href=\"report.css\""), occurrences(page, "<!doctype html>"));
  for (std::size_t at = page.find("href=\""); at != std::string::npos; at = page.find("href=\"", at + 1)) {
    const std::string href = page.substr(at + 6, page.find('"', at + 6) - at - 6);
    if (href.starts_with("#")) continue;
    const std::string file = href.substr(0, href.find('#'));
    EXPECT_EQ(file.find_first_of("/:"), std::string::npos) << href;
    EXPECT_TRUE(fs::is_regular_file(dir_ / file)) << href;
  }
}

TEST_F(HtmlWriterTest, HostileStringsFromTheServiceAppearOnlyEscaped) {
  const std::string page = render(hostile_run());
  EXPECT_EQ(page.find(testing::kScript), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(page.find(testing::kAttributeBreaker), std::string::npos);
  EXPECT_NE(page.find("&quot; onmouseover=x"), std::string::npos);
  EXPECT_EQ(page.find("onmouseover=x\""), std::string::npos);
  EXPECT_NE(page.find("&lt;/pre&gt;"), std::string::npos);
  EXPECT_EQ(occurrences(page, "</pre>"), occurrences(page, "<pre"));
  EXPECT_NE(page.find(testing::kUnicode), std::string::npos);
  EXPECT_NE(page.find("bad:\uFFFD\uFFFD &lt;STYLE&gt;"), std::string::npos);
}

TEST_F(HtmlWriterTest, BannerSaysFailedWhenACaseFailed) {
  const std::string page = render(hostile_run());
  EXPECT_NE(page.find("<div class=\"verdict-word\">FAILED</div>"), std::string::npos);
  EXPECT_NE(page.find("<section id=\"summary\" class=\"verdict verdict-failed\">"), std::string::npos);
  EXPECT_NE(page.find("<div class=\"verdict-headline\">1 failed, 1 error of 4 cases</div>"), std::string::npos);
}

TEST_F(HtmlWriterTest, BannerSaysPassedWhenEveryCasePassed) {
  const std::string page = render(passing_run());
  EXPECT_NE(page.find("<div class=\"verdict-word\">PASSED</div>"), std::string::npos);
  EXPECT_NE(page.find("<div class=\"verdict-headline\">All 2 cases passed</div>"), std::string::npos);
  EXPECT_EQ(page.find("FAILED"), std::string::npos);
  EXPECT_NE(page.find("<p class=\"all-good\">No case failed or errored.</p>"), std::string::npos);
}

TEST_F(HtmlWriterTest, BannerSaysInterruptedWhenTheRunWasStopped) {
  RunResults run = passing_run();
  run.interrupted = true;
  run.cases[1].outcome = Outcome::Skipped;
  const std::string page = render(run);
  EXPECT_NE(page.find("<div class=\"verdict-word\">INTERRUPTED</div>"), std::string::npos);
  EXPECT_NE(page.find("<div class=\"verdict-headline\">Stopped early: 1 of 2 cases did not run</div>"), std::string::npos);
}

TEST_F(HtmlWriterTest, RendersARunWithoutCasesOrLatency) {
  RunResults run;
  run.suites = {"empty"};
  const std::string page = render(run);
  EXPECT_NE(page.find("<div class=\"verdict-headline\">No cases ran</div>"), std::string::npos);
  EXPECT_NE(page.find("No latency was recorded: no request got a response."), std::string::npos);
  EXPECT_NE(page.find("<p class=\"muted\">No cases.</p>"), std::string::npos);
}

TEST_F(HtmlWriterTest, EveryCaseIdAppearsOnSomePage) {
  const RunResults run = hostile_run();
  const std::string page = render_all(run);
  for (const CaseResult& c : run.cases) EXPECT_NE(page.find(escape_html(c.id)), std::string::npos) << c.id;
  EXPECT_NE(page.find("id=\"case-4\""), std::string::npos);
}

TEST_F(HtmlWriterTest, FailuresComeFirstAndOpenWithExpectedAndActual) {
  const std::string page = render(hostile_run());
  const auto failures = page.find("<section id=\"failures\"");
  const auto cases = page.find("</main>");
  ASSERT_NE(failures, std::string::npos);
  ASSERT_LT(failures, cases);
  const std::string section = page.substr(failures, cases - failures);
  EXPECT_EQ(occurrences(section, "<details class=\"case case-failed\" open=\"\">"), 1u);
  EXPECT_EQ(occurrences(section, "<details class=\"case case-error\" open=\"\">"), 1u);
  EXPECT_NE(section.find("<td class=\"mono\">400</td><td class=\"mono actual\">500</td>"), std::string::npos);
  EXPECT_NE(section.find("0af7651916cd43dd8448eb211c80319c"), std::string::npos);
  EXPECT_NE(section.find("timeout after 2000 ms"), std::string::npos);
}

TEST_F(HtmlWriterTest, CutsPassedBodiesAt2KiBButShowsFailedBodiesInFull) {
  const std::string page = render_all(hostile_run());
  EXPECT_EQ(page.find(std::string(2100, 'p')), std::string::npos);
  EXPECT_NE(page.find(std::string(2000, 'p')), std::string::npos);
  EXPECT_NE(page.find("more bytes not shown: bodies of passed cases are cut at 2 KiB here."), std::string::npos);
  EXPECT_NE(page.find("END-OF-FAILED-BODY"), std::string::npos);
}

TEST_F(HtmlWriterTest, DrawsTheLatencyHistogramAsInlineSvgWithPercentiles) {
  const std::string page = render(hostile_run());
  EXPECT_NE(page.find("<svg class=\"chart\" viewBox=\"0 0 620 230\""), std::string::npos);
  EXPECT_NE(page.find("<rect class=\"bar"), std::string::npos);
  EXPECT_NE(page.find(">p99 "), std::string::npos);
  EXPECT_NE(page.find("<span class=\"stat-label\">max</span><span class=\"stat-value\">250 ms</span>"), std::string::npos);
}

TEST_F(HtmlWriterTest, ListsEveryTechniqueWithItsCounts) {
  const std::string page = render(hostile_run());
  EXPECT_NE(page.find("<td class=\"name\"><a href=\"technique-partitions.html\">partitions</a><span "
                      "class=\"form\">weak_normal</span></td><td>1</td>"),
            std::string::npos);
  EXPECT_NE(page.find("<td class=\"name\"><a href=\"technique-decision-table.html\">decision_table</a><span "
                      "class=\"form\">full</span></td>"),
            std::string::npos);
}

RunResults run_with_coverage() {
  RunResults r = passing_run();
  const std::string first = r.cases.front().id;
  r.coverage = {{"shop", "svc", "branches", "classify.branch=scalene", true, {first, "from-another-shard"}},
                {"shop", "svc", "branches", "classify.branch=equilateral", true, {}},
                {"shop", "svc", "branches", "classify.branch=" + testing::kScript, false, {first}},
                {"shop", "svc", "paths", "POST /t: POST /t(x)", true, {first}}};
  r.coverage_totals = {{"shop", "svc", "branches", 1, 2, 90.0}, {"shop", "svc", "paths", 1, 1, std::nullopt}};
  return r;
}

TEST_F(HtmlWriterTest, CoverageSectionFollowsTheTechniquesWithGoalsAndBadges) {
  const std::string page = render(run_with_coverage());
  const auto techniques = page.find("id=\"techniques\"");
  const auto coverage = page.find("<section id=\"coverage\" class=\"panel coverage\">");
  ASSERT_NE(coverage, std::string::npos);
  EXPECT_LT(techniques, coverage);
  EXPECT_LT(coverage, page.find("id=\"failures\""));
  EXPECT_NE(page.find("<a href=\"#coverage\">Coverage</a>"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"name\">branches</td><td>1</td><td>2</td><td>50.0 %</td><td>90 %</td><td><span "
                      "class=\"badge badge-failed\">FAIL</span></td>"),
            std::string::npos);
  EXPECT_NE(page.find("<td class=\"name\">paths</td><td>1</td><td>1</td><td>100.0 %</td><td>–</td><td><span "
                      "class=\"muted\">not judged</span></td>"),
            std::string::npos);
}

TEST_F(HtmlWriterTest, CoverageItemsLinkTheirCasesAndMarkTheUncoveredAndUndeclared) {
  const RunResults run = run_with_coverage();
  const std::string page = render(run);
  EXPECT_NE(page.find("<a href=\"technique-partitions.html#case-1\">" + run.cases.front().id +
                      "</a>, <code>from-another-shard</code>"),
            std::string::npos);
  EXPECT_NE(page.find("<li class=\"coverage-missed\"><code>classify.branch=equilateral</code> <span class=\"badge "
                      "badge-failed\">NOT COVERED</span></li>"),
            std::string::npos);
  const auto undeclared = page.find("<ul class=\"coverage-items coverage-undeclared muted\">");
  ASSERT_NE(undeclared, std::string::npos);
  EXPECT_NE(page.find("<code>classify.branch=&lt;script&gt;alert(1)&lt;/script&gt;</code>", undeclared),
            std::string::npos);
  EXPECT_EQ(page.find(testing::kScript), std::string::npos);
}

TEST_F(HtmlWriterTest, CoverageMapShowsOperationsWithTheirBranchValuesAsChips) {
  RunResults run = run_with_coverage();
  run.coverage.push_back({"shop", "svc", "operations", "classify", true, {run.cases.front().id}});
  run.coverage.push_back({"shop", "svc", "operations", "lookup", true, {}});
  const std::string page = render(run);
  const auto map = page.find("<div class=\"coverage-map\">");
  ASSERT_NE(map, std::string::npos);
  const auto classify = page.find("<div class=\"map-op map-hit\"><div class=\"map-op-head\"><span "
                                  "class=\"map-op-name\">classify</span><span class=\"map-count\">1 case</span></div>",
                                  map);
  ASSERT_NE(classify, std::string::npos);
  EXPECT_NE(page.find("<a class=\"map-chip map-hit\" href=\"technique-partitions.html#case-1\"", classify),
            std::string::npos);
  EXPECT_NE(page.find("<span class=\"map-chip map-miss\" title=\"no case reached this value\"><span "
                      "class=\"map-value\">branch=equilateral</span><span class=\"map-count\">no case</span></span>",
                      map),
            std::string::npos);
  EXPECT_NE(page.find("<div class=\"map-op map-miss\"><div class=\"map-op-head\"><span class=\"map-op-name\">lookup</span>",
                      map),
            std::string::npos);
  // The undeclared value from a service is a dashed chip, escaped.
  EXPECT_NE(page.find("map-chip map-extra", map), std::string::npos);
  EXPECT_EQ(page.find(testing::kScript), std::string::npos);
}

TEST_F(HtmlWriterTest, NoCoverageSectionWithoutCoverageTotals) {
  const std::string page = render(passing_run());
  EXPECT_EQ(page.find("id=\"coverage\""), std::string::npos);
  EXPECT_EQ(page.find("#coverage"), std::string::npos);
}

TEST_F(HtmlWriterTest, OverwritesAnOlderReportInTheSameFolderAndDropsItsStalePages) {
  render(hostile_run());
  EXPECT_TRUE(files().count("failures.html"));
  EXPECT_TRUE(files().count("technique-boundaries.html"));
  const std::string page = render(passing_run());
  EXPECT_NE(page.find("<div class=\"verdict-word\">PASSED</div>"), std::string::npos);
  // No temporaries left behind, and no page of the older run that nothing links to any more.
  EXPECT_EQ(files(), (std::set<std::string>{"index.html", "report.css", "technique-partitions.html"}));
}

TEST_F(HtmlWriterTest, RefusesADestinationThatIsAFile) {
  fs::create_directories(dir_);
  const fs::path file = dir_ / "report.html";
  std::ofstream(file) << "x";
  const Status status = html_writer().write(passing_run(), file);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message,
            "cannot write the HTML report to '" + file.string() + "': it exists and is not a folder");
}

TEST(HtmlWriter, IsRegisteredAsHtml) {
  EXPECT_EQ(find_writer("html"), &html_writer());
  EXPECT_EQ(html_writer().name(), "html");
}

}  // namespace
}  // namespace glassbox::reports

namespace glassbox::reports {
namespace {

class HtmlWaterfallTest : public HtmlWriterTest {};

RunResults run_with_trace() {
  RunResults r = testing::passing_run();
  r.cases.front().spans = {
      TraceSpan{"1a903d7eb0330f2a", "00f067aa0ba902b7", "POST /triangle", "eval-svc", "server", "unset", "", 0.0, 2.0,
                0, "probe_child", Value{{"http.route", "/triangle"}}},
      TraceSpan{"51e09af9a8835241", "1a903d7eb0330f2a", "classify", "eval-svc", "internal", "error",
                "<script>alert(1)</script>", 1.0, 0.5, 1, "child", Value{{"branch", "<b>scalene</b>"}}},
      TraceSpan{"9f3f0ecc8909057d", "ffffffffffffff01", "late", "eval-svc", "internal", "unset", "", 1.5, 0.5, 0,
                "orphan", Value::object()}};
  r.telemetry = Telemetry{true, "OTLP receiver on http://127.0.0.1:4318", 5, 3, 2, 0, 1, {{"billing", 2}}};
  return r;
}

TEST_F(HtmlWaterfallTest, DrawsOneBarPerSpanPlacedOnTheTracesTimeAxis) {
  const std::string page = render_all(run_with_trace());
  EXPECT_EQ(occurrences(page, "<svg class=\"waterfall\""), 1u);
  EXPECT_EQ(occurrences(page, "class=\"span-bar"), 3u);
  // 2 ms of trace over a 530-unit plot starting at x=300: classify starts at the middle.
  EXPECT_NE(page.find("<rect class=\"span-bar span-error\" x=\"565.0\""), std::string::npos);
  EXPECT_NE(page.find("late  (orphan)"), std::string::npos);
  EXPECT_EQ(page.find("<script>alert(1)"), std::string::npos);
  EXPECT_EQ(page.find("<b>scalene"), std::string::npos);
  EXPECT_NE(page.find("&lt;b&gt;scalene&lt;/b&gt;"), std::string::npos);
}

TEST_F(HtmlWaterfallTest, StatesSpanCountsOnlyWhenSpansWereCollected) {
  EXPECT_NE(render(run_with_trace()).find("Spans: 5 received, 3 matched to cases, 2 of no case, 1 orphans"),
            std::string::npos);
  EXPECT_EQ(render(testing::passing_run()).find("Spans:"), std::string::npos);
  EXPECT_EQ(render_all(testing::passing_run()).find("class=\"waterfall\""), std::string::npos);
}

}  // namespace
}  // namespace glassbox::reports
