#include <gtest/gtest.h>

#include <cstdlib>

#include "reports/writers/writer.hpp"
#include "tests/reports/fake_results.hpp"
#include "tests/reports/test_files.hpp"

namespace glassbox::reports {
namespace {

using testing::fake_cases;
using testing::fake_results;
using testing::run_of;
using testing::TempDir;

const std::filesystem::path kSchema = GLASSBOX_SOURCE_DIR "/../shared/schemas/jenkins-junit.xsd";

std::string junit_of(const RunResults& results) {
  const TempDir dir;
  const Status s = junit_writer().write(results, dir / "junit.xml");
  EXPECT_TRUE(s.ok()) << s.error().message;
  return testing::read_file(dir / "junit.xml");
}

std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// xmllint's exit status for a file: 0 when well-formed and valid against the schema.
int xmllint(const std::filesystem::path& file) {
  const std::string command = "xmllint --noout --schema '" + kSchema.string() + "' '" + file.string() + "' 2>&1";
  return std::system(command.c_str());
}

TEST(JunitWriter, IsValidAgainstTheJenkinsSchema) {
  if (!std::filesystem::exists(kSchema)) GTEST_SKIP() << kSchema << " is not beside the clone";
  const TempDir dir;
  ASSERT_TRUE(junit_writer().write(fake_results(), dir / "junit.xml").ok());
  EXPECT_EQ(xmllint(dir / "junit.xml"), 0);
}

TEST(JunitWriter, IsValidForAnEmptyRun) {
  if (!std::filesystem::exists(kSchema)) GTEST_SKIP() << kSchema << " is not beside the clone";
  const TempDir dir;
  ASSERT_TRUE(junit_writer().write(run_of({}), dir / "junit.xml").ok());
  EXPECT_EQ(xmllint(dir / "junit.xml"), 0);
}

TEST(JunitWriter, StaysValidWithEveryByteValueInMessagesAndBodies) {
  if (!std::filesystem::exists(kSchema)) GTEST_SKIP() << kSchema << " is not beside the clone";
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte += static_cast<char>(b);
  auto cases = fake_cases();
  cases[1].label = every_byte;
  cases[1].checks[1].actual = every_byte;
  cases[1].exchange.response_body = every_byte;
  cases[2].message = every_byte;
  cases[3].message = every_byte;
  const TempDir dir;
  ASSERT_TRUE(junit_writer().write(run_of(cases), dir / "junit.xml").ok());
  EXPECT_EQ(xmllint(dir / "junit.xml"), 0);
}

TEST(JunitWriter, OneTestsuitePerSuiteAndTechnique) {
  const std::string xml = junit_of(fake_results());
  EXPECT_EQ(count_of(xml, "<testsuite "), 4u);  // and one for coverage
  EXPECT_NE(xml.find("<testsuite name=\"triangle.partitions\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"1\""),
            std::string::npos);
  EXPECT_NE(xml.find("<testsuite name=\"triangle.boundaries\" tests=\"2\" failures=\"1\" errors=\"1\" skipped=\"0\""),
            std::string::npos);
  EXPECT_NE(xml.find("<testsuite name=\"orders.pairwise\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\""),
            std::string::npos);
  EXPECT_EQ(count_of(xml, "<testcase "), 8u);  // six cases, two coverage goals
}

TEST(JunitWriter, CoverageGoalsAreTestcasesOfASuiteCoverageTestsuite) {
  const std::string xml = junit_of(fake_results());
  EXPECT_NE(xml.find("<testsuites name=\"glassbox\" tests=\"8\" failures=\"3\""), std::string::npos);
  EXPECT_NE(xml.find("<testsuite name=\"triangle.coverage\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\""),
            std::string::npos);
  EXPECT_NE(xml.find("<testcase name=\"eval-svc operations &gt;= 50%\" classname=\"triangle.coverage\""),
            std::string::npos);
  EXPECT_NE(xml.find("<testcase name=\"eval-svc branches &gt;= 90%\" classname=\"triangle.coverage\""),
            std::string::npos);
  EXPECT_EQ(xml.find("eval-svc paths"), std::string::npos);  // no goal, not a test
  EXPECT_NE(xml.find("<failure message=\"branches coverage 50.0% (1 of 2) is below the goal 90%\" type=\"coverage\">"
                     "not covered:\n  classify.branch=equilateral\n</failure>"),
            std::string::npos);
}

TEST(JunitWriter, FailureMessageFormatsAFractionalGoal) {
  RunResults r = run_of({});
  r.coverage_totals = {CoverageTotal{"s", "svc", "branches", 3, 4, 92.5}};
  EXPECT_NE(junit_of(r).find("message=\"branches coverage 75.0% (3 of 4) is below the goal 92.5%\""),
            std::string::npos);
}

TEST(JunitWriter, FailureNamesTheFirstFailedCheckAndListsAll) {
  const std::string xml = junit_of(fake_results());
  EXPECT_NE(xml.find("<failure message=\"status: expected 201, got 500\" type=\"status\">status: expected 201, got "
                     "500\njson /error absent: expected no field, got \"line one\\nline two\"&#13;\nsecond\tline\n"
                     "</failure>"),
            std::string::npos)
      << xml;
}

TEST(JunitWriter, EscapesMarkupInFailureMessage) {
  const std::string xml = junit_of(fake_results());
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
  EXPECT_NE(xml.find("message=\"json /kind equals: expected &quot;isosceles&quot;, got "
                     "&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;\""),
            std::string::npos);
  EXPECT_EQ(xml.find("]]>"), std::string::npos);
}

TEST(JunitWriter, EscapesControlCharactersInFailureMessage) {
  const std::string xml = junit_of(fake_results());
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  EXPECT_EQ(xml.find('\x07'), std::string::npos);
  EXPECT_NE(xml.find("got text/html; \\x01\\x02 charset=\"utf-8\"\n</failure>"), std::string::npos);
}

TEST(JunitWriter, SkippedCarriesItsMessageAsText) {
  const std::string xml = junit_of(fake_results());
  EXPECT_NE(xml.find("<skipped>not run: the run was interrupted</skipped>"), std::string::npos);
}

TEST(JunitWriter, CapsTheResponseBodyInSystemOut) {
  auto cases = fake_cases();
  cases[0].exchange.response_body = std::string(10240, 'x');
  const std::string xml = junit_of(run_of(cases));
  EXPECT_NE(xml.find(std::string(4096, 'x') + "\n[response body truncated: first 4096 of 10240 bytes shown]\n"),
            std::string::npos);
  EXPECT_EQ(xml.find(std::string(4097, 'x')), std::string::npos);
}

TEST(JunitWriter, CapNeverSplitsAUtf8Character) {
  auto cases = fake_cases();
  cases[0].exchange.response_body = std::string(4095, 'x') + "\xc3\xa9" + std::string(100, 'y');
  const std::string xml = junit_of(run_of(cases));
  EXPECT_NE(xml.find(std::string(4095, 'x') + "\n[response body truncated: first 4095 of 4197 bytes shown]"),
            std::string::npos);
  EXPECT_EQ(xml.find("\xef\xbf\xbd\n[response body truncated"), std::string::npos);
}

TEST(JunitWriter, ReportsAnUnwritableDestination) {
  const TempDir dir;
  std::filesystem::create_directories(dir / "junit.xml");
  const Status s = junit_writer().write(fake_results(), dir / "junit.xml");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "cannot write report '" + (dir / "junit.xml").string() + "': Is a directory");
}

}  // namespace
}  // namespace glassbox::reports

namespace glassbox::reports {
namespace {

TEST(JunitWriter, RepeatedTestcaseNamesGetTheCaseIdAppended) {
  RunResults results;
  for (const char* id : {"r/boundaries/normal/a=nominal", "r/boundaries/normal/b=nominal"}) {
    CaseResult c;
    c.id = id;
    c.suite = "s";
    c.request = "r";
    c.technique = "boundaries";
    c.form = "normal";
    c.label = "nominal";
    c.outcome = Outcome::Passed;
    results.cases.push_back(c);
  }
  const std::string xml = junit_of(results);
  EXPECT_NE(xml.find("<testcase name=\"normal: nominal\" classname=\"s.r\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<testcase name=\"normal: nominal (r/boundaries/normal/b=nominal)\" classname=\"s.r\""),
            std::string::npos) << xml;
}

}  // namespace
}  // namespace glassbox::reports
