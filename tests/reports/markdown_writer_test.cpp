#include <gtest/gtest.h>

#include "reports/writers/writer.hpp"
#include "tests/reports/fake_results.hpp"
#include "tests/reports/test_files.hpp"

namespace glassbox::reports {
namespace {

using testing::fake_cases;
using testing::fake_results;
using testing::run_of;
using testing::TempDir;

std::string markdown_of(const RunResults& results) {
  const TempDir dir;
  const Status s = markdown_writer().write(results, dir / "report.md");
  EXPECT_TRUE(s.ok()) << s.error().message;
  return testing::read_file(dir / "report.md");
}

TEST(MarkdownWriter, LeadsWithTheVerdict) {
  EXPECT_NE(markdown_of(fake_results()).find("**FAILED**: 2 of 6 cases passed (2 failed, 1 error, 1 skipped).\n"),
            std::string::npos);
  auto cases = fake_cases();
  const std::string passed = markdown_of(run_of({cases[0], cases[4]}));
  EXPECT_NE(passed.find("**PASSED**: 2 of 2 cases passed (0 failed, 0 errors, 0 skipped).\n"), std::string::npos);
}

TEST(MarkdownWriter, TabulatesCoverageWithTheUncoveredItems) {
  const std::string md = markdown_of(fake_results());
  EXPECT_NE(md.find("| triangle | eval-svc | branches | 1 | 2 | 50.0% | 90% | FAILED | classify.branch=equilateral |\n"),
            std::string::npos);
  EXPECT_NE(md.find("| triangle | eval-svc | paths | 1 | 1 | 100.0% | - | - | - |\n"), std::string::npos);
  EXPECT_EQ(markdown_of(run_of(fake_cases())).find("## Coverage"), std::string::npos);
}

TEST(MarkdownWriter, EscapesPipesNewlinesAndMarkupInTableCells) {
  auto cases = fake_cases();
  cases[0].id = "a|b\nc<d>&`e`";
  const std::string md = markdown_of(run_of(cases));
  EXPECT_NE(md.find("| a\\|b<br>c&lt;d&gt;&amp;\\`e\\` | passed | 200 | 12.5 ms |\n"), std::string::npos) << md;
}

TEST(MarkdownWriter, ShowsExpectedAgainstActualForFailedChecks) {
  const std::string md = markdown_of(fake_results());
  EXPECT_NE(md.find("- json /kind equals: expected \"isosceles\", got \"&lt;script&gt;alert(1)&lt;/script&gt;\"\n"),
            std::string::npos);
  EXPECT_NE(md.find("- json /error absent: expected no field, got \"line one\\\\nline two\"<br>second line\n"),
            std::string::npos);
  EXPECT_EQ(md.find("<script>"), std::string::npos);
}

TEST(MarkdownWriter, MakesControlCharactersVisible) {
  const std::string md = markdown_of(fake_results());
  EXPECT_EQ(md.find('\x01'), std::string::npos);
  EXPECT_NE(md.find("got text/html; \\\\x01\\\\x02 charset="), std::string::npos);
}

TEST(MarkdownWriter, EscapesLinkAndEmphasisSyntaxFromData) {
  auto cases = fake_cases();
  cases[1].checks[1].actual = "[click](javascript:alert(1)) *bold* _it_ ~~gone~~";
  const std::string md = markdown_of(run_of(cases));
  EXPECT_NE(md.find("got \\[click\\](javascript:alert(1)) \\*bold\\* \\_it\\_ \\~\\~gone\\~\\~\n"), std::string::npos);
}

}  // namespace
}  // namespace glassbox::reports
