// The HTML report as a folder of pages: a page per technique (split into numbered pages past
// kCasesPerPage), index.html small however many cases ran, failures capped on index.html with
// a link to the full list, coverage lists cut on index.html and complete on a service page,
// every link pointing at a page that exists, and the same bytes for the same results.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "large_run.hpp"
#include "reports/writers/html_pages.hpp"
#include "reports/writers/writer.hpp"

namespace glassbox::reports {
namespace {

namespace fs = std::filesystem;
using html::kCasesPerPage;
using html::kInlineFailures;
using testing::large_run;

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

std::size_t problems(const RunResults& r) {
  std::size_t n = 0;
  for (const CaseResult& c : r.cases) n += c.outcome == Outcome::Failed || c.outcome == Outcome::Error;
  return n;
}

class HtmlPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           fs::path("glassbox-html-pages-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                    ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const RunResults& run) {
    const Status status = html_writer().write(run, dir_);
    ASSERT_TRUE(status.ok()) << status.error().to_string();
  }

  std::map<std::string, std::string> pages() const {
    std::map<std::string, std::string> out;
    for (const auto& entry : fs::directory_iterator(dir_)) out[entry.path().filename().string()] = read(entry.path());
    return out;
  }

  fs::path dir_;
};

TEST_F(HtmlPagesTest, EachTechniqueHasAPageLinkedFromIndex) {
  write(large_run(500));
  const std::string index = read(dir_ / "index.html");
  for (std::string technique : {"pairwise", "partitions", "boundaries", "decision-table", "state-transitions",
                                "error-guessing", "property"}) {
    const std::string file = "technique-" + technique + ".html";
    EXPECT_TRUE(fs::is_regular_file(dir_ / file)) << file;
    EXPECT_NE(index.find("<a href=\"" + file + "\">"), std::string::npos) << file;
  }
  // The cases are on their technique pages, not on index.html.
  EXPECT_EQ(occurrences(index, "<details class=\"case case-passed\""), 0u);
  EXPECT_EQ(occurrences(read(dir_ / "technique-property.html"), "<details class=\"case case-"), 15u);
}

TEST_F(HtmlPagesTest, ATechniqueOverThePageSizeContinuesOnNumberedPages) {
  // 6,000 cases: pairwise has 2,400, more than one page holds.
  write(large_run(6000));
  ASSERT_EQ(kCasesPerPage, 2000u);
  const std::string first = read(dir_ / "technique-pairwise.html");
  const std::string second = read(dir_ / "technique-pairwise-2.html");
  EXPECT_FALSE(fs::exists(dir_ / "technique-pairwise-3.html"));
  EXPECT_EQ(occurrences(first, "<details class=\"case case-"), 2000u);
  EXPECT_EQ(occurrences(second, "<details class=\"case case-"), 400u);
  EXPECT_NE(first.find("Cases 1–2000 of 2400. Pages: <span class=\"pager-current\">1</span><a "
                       "href=\"technique-pairwise-2.html\">2</a>"),
            std::string::npos);
  EXPECT_NE(second.find("<a href=\"technique-pairwise.html\">1</a><span class=\"pager-current\">2</span>"),
            std::string::npos);
  // partitions has 1,200 cases: one page.
  EXPECT_FALSE(fs::exists(dir_ / "technique-partitions-2.html"));
}

TEST_F(HtmlPagesTest, IndexStaysUnderOneMegabyteForTwentyThousandCases) {
  write(large_run(20000));
  const auto size = fs::file_size(dir_ / "index.html");
  EXPECT_LT(size, 1'000'000u);
  // No page holds more than one page's worth of cases.
  for (const auto& [name, text] : pages())
    EXPECT_LE(occurrences(text, "<details class=\"case case-"), kCasesPerPage) << name;
}

TEST_F(HtmlPagesTest, IndexShowsTheFirstFailuresAndLinksToTheFullList) {
  const RunResults run = large_run(20000);
  const std::size_t failing = problems(run);
  ASSERT_GT(failing, kInlineFailures);
  write(run);
  const std::string index = read(dir_ / "index.html");
  EXPECT_EQ(occurrences(index, "<details class=\"case case-failed\" open=\"\">") +
                occurrences(index, "<details class=\"case case-error\" open=\"\">"),
            kInlineFailures);
  EXPECT_NE(index.find(fmt::format("The first {} of {} failures are shown here. <a class=\"more\" "
                                   "href=\"failures.html\">All {} failures, one row each →</a>",
                                   kInlineFailures, failing, failing)),
            std::string::npos);
  const std::string list = read(dir_ / "failures.html");
  EXPECT_EQ(occurrences(list, "<span class=\"badge badge-failed\">FAIL</span>") +
                occurrences(list, "<span class=\"badge badge-error\">ERROR</span>"),
            failing);
}

TEST_F(HtmlPagesTest, EveryLinkOnEveryPageLeadsToAnExistingPageAndAnchor) {
  write(large_run(5000));
  const auto all = pages();
  std::size_t checked = 0;
  for (const auto& [name, text] : all) {
    if (!name.ends_with(".html")) continue;
    for (std::size_t at = text.find("href=\""); at != std::string::npos; at = text.find("href=\"", at + 1)) {
      const std::string href = text.substr(at + 6, text.find('"', at + 6) - at - 6);
      const std::string file = href.substr(0, href.find('#'));
      const std::string anchor = href.find('#') == std::string::npos ? "" : href.substr(href.find('#') + 1);
      const std::string& target = file.empty() ? text : all.count(file) ? all.at(file) : std::string();
      ASSERT_FALSE(target.empty()) << name << " links to missing " << href;
      // Anchors to case entries must land on the page that holds the case.
      if (anchor.starts_with("case-")) {
        EXPECT_NE(target.find("id=\"" + anchor + "\""), std::string::npos) << name << ": " << href;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 200u);
}

TEST_F(HtmlPagesTest, CoverageListsAreCutOnIndexAndCompleteOnTheServicePage) {
  write(large_run(3000));
  const std::string index = read(dir_ / "index.html");
  // step-0 is reached by every tenth case: 300, of which index.html lists 10.
  EXPECT_NE(index.find("<span class=\"muted\"> and 290 more</span>"), std::string::npos);
  EXPECT_NE(index.find("<a class=\"more\" href=\"coverage-shop--shop.html\">Every covering case of this service →</a>"),
            std::string::npos);
  const std::string page = read(dir_ / "coverage-shop--shop.html");
  EXPECT_EQ(page.find("and 290 more"), std::string::npos);
  EXPECT_NE(page.find("<a href=\"technique-pairwise.html#case-2931\">shop/pairwise/strong/c=2930</a>"), std::string::npos);
}

TEST_F(HtmlPagesTest, SameResultsGiveTheSameBytes) {
  const RunResults run = large_run(3000);
  write(run);
  const auto first = pages();
  fs::remove_all(dir_);
  write(run);
  EXPECT_EQ(pages(), first);
}

TEST(HtmlSlug, KeepsLowercaseLettersDigitsAndSingleDashes) {
  EXPECT_EQ(html::slug("Error guessing"), "error-guessing");
  EXPECT_EQ(html::slug("decision_table"), "decision-table");
  EXPECT_EQ(html::slug("../../etc/passwd"), "etc-passwd");
  EXPECT_EQ(html::slug("日本語"), "x");
  EXPECT_EQ(html::slug(std::string(300, 'a')), std::string(html::kSlugLength, 'a'));
}

TEST(HtmlPageLayout, TechniquesThatSlugAlikeGetDistinctPages) {
  RunResults r;
  for (std::string technique : {"pair wise", "pair-wise", "", "pair wise"}) {
    CaseResult c;
    c.technique = technique;
    r.cases.push_back(c);
  }
  const html::PageLayout layout(r);
  ASSERT_EQ(layout.techniques().size(), 3u);
  EXPECT_EQ(layout.technique_href("pair wise"), "technique-pair-wise.html");
  EXPECT_EQ(layout.technique_href("pair-wise"), "technique-pair-wise-2.html");
  EXPECT_EQ(layout.technique_href(""), "technique-none.html");
  EXPECT_EQ(layout.case_href(3), "technique-pair-wise.html#case-4");
}

}  // namespace
}  // namespace glassbox::reports
