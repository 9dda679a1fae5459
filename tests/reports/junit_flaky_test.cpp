// JUnit with --junit-flaky (RetriedCases::Surefire): retried cases carry Maven Surefire's
// flakyFailure / rerunFailure / rerunError elements as the Jenkins JUnit plugin (1380+) reads
// them: message and type attributes, a nested <system-out>, placed after the outcome element
// and before the testcase's own <system-out>. jenkins-junit.xsd does not allow them, so this
// output is checked for well-formedness and its elements, and the plain output stays valid.
#include <gtest/gtest.h>

#include <cstdlib>

#include "reports/writers/writer.hpp"
#include "tests/reports/fake_results.hpp"
#include "tests/reports/test_files.hpp"

namespace glassbox::reports {
namespace {

using testing::run_of;
using testing::TempDir;

const std::filesystem::path kSchema = GLASSBOX_SOURCE_DIR "/../shared/schemas/jenkins-junit.xsd";

CaseResult retried_case(std::string id, Outcome outcome, std::vector<Attempt> attempts) {
  CaseResult c;
  c.id = id;
  c.suite = "shop";
  c.request = "orders";
  c.technique = "partitions";
  c.label = id;
  c.outcome = outcome;
  c.trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
  c.attempts = std::move(attempts);
  c.exchange.method = "GET";
  c.exchange.url = "http://127.0.0.1:8080/orders";
  c.exchange.status = c.attempts.back().status;
  if (outcome == Outcome::Failed) {
    c.message = "status: expected 200, got 503";
    c.checks = {{"status", false, "200", "503"}};
  }
  if (outcome == Outcome::Error) c.message = "timeout after 2000 ms";
  return c;
}

RunResults retried_run() {
  return run_of({
      retried_case("flaky", Outcome::Passed,
                   {{"00f067aa0ba902b7", 503, "", 4.0}, {"00f067aa0ba902b8", 0, "connection reset <by peer>", 1.0},
                    {"00f067aa0ba902b9", 200, "", 3.0}}),
      retried_case("always-503", Outcome::Failed,
                   {{"10f067aa0ba902b7", 503, "", 4.0}, {"10f067aa0ba902b8", 503, "", 4.0}}),
      retried_case("always-timeout", Outcome::Error,
                   {{"20f067aa0ba902b7", 0, "timeout after 2000 ms", 2000.0}, {"20f067aa0ba902b8", 0, "timeout after 2000 ms", 2000.0}}),
      retried_case("once", Outcome::Passed, {{"30f067aa0ba902b7", 200, "", 3.0}}),
  });
}

std::string junit_of(const RunResults& results, RetriedCases retried, const TempDir& dir) {
  const Status s = junit_writer(retried).write(results, dir / "junit.xml");
  EXPECT_TRUE(s.ok()) << s.error().message;
  return testing::read_file(dir / "junit.xml");
}

// The <testcase> element named `name`, whole.
std::string testcase(const std::string& xml, const std::string& name) {
  const auto start = xml.find("<testcase name=\"" + name + "\"");
  if (start == std::string::npos) return "";
  return xml.substr(start, xml.find("</testcase>", start) + 11 - start);
}

std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

TEST(JunitFlaky, APassedCaseGetsAFlakyFailurePerFailedAttempt) {
  const TempDir dir;
  const std::string flaky = testcase(junit_of(retried_run(), RetriedCases::Surefire, dir), "flaky");
  EXPECT_NE(flaky.find("<flakyFailure message=\"attempt 1 of 3: status 503\" type=\"status 503\">\n"
                       "        <system-out>trace_id: 4bf92f3577b34da6a3ce929d0e0e4736\nspan_id: 00f067aa0ba902b7\n"
                       "latency: 4.000 ms\n</system-out>\n      </flakyFailure>"),
            std::string::npos)
      << flaky;
  EXPECT_NE(flaky.find("<flakyFailure message=\"attempt 2 of 3: connection reset &lt;by peer&gt;\" type=\"transport error\">"),
            std::string::npos);
  EXPECT_EQ(count_of(flaky, "<flakyFailure "), 2u);
  EXPECT_EQ(flaky.find("<failure"), std::string::npos);
  // Surefire's order: the retries before the testcase's own output.
  EXPECT_LT(flaky.rfind("</flakyFailure>"), flaky.rfind("<system-out>"));
}

TEST(JunitFlaky, ACaseThatFailedEveryAttemptGetsFailureAndRerunFailures) {
  const TempDir dir;
  const std::string xml = junit_of(retried_run(), RetriedCases::Surefire, dir);
  const std::string failed = testcase(xml, "always-503");
  EXPECT_NE(failed.find("<failure message=\"status: expected 200, got 503\" type=\"status\">"), std::string::npos);
  EXPECT_EQ(count_of(failed, "<rerunFailure message=\"attempt 1 of 2: status 503\" type=\"status 503\">\n        <system-out>"), 1u);
  EXPECT_LT(failed.find("</failure>"), failed.find("<rerunFailure"));
  const std::string error = testcase(xml, "always-timeout");
  EXPECT_NE(error.find("<error message=\"timeout after 2000 ms\" type=\"error\">"), std::string::npos);
  EXPECT_EQ(count_of(error, "<rerunError message=\"attempt 1 of 2: timeout after 2000 ms\" type=\"transport error\">"), 1u);
}

TEST(JunitFlaky, ACaseSentOnceGetsNoRetryElements) {
  const TempDir dir;
  const std::string once = testcase(junit_of(retried_run(), RetriedCases::Surefire, dir), "once");
  ASSERT_FALSE(once.empty());
  EXPECT_EQ(once.find("flaky"), std::string::npos);
  EXPECT_EQ(once.find("rerun"), std::string::npos);
}

TEST(JunitFlaky, IsWellFormedXml) {
  const TempDir dir;
  junit_of(retried_run(), RetriedCases::Surefire, dir);
  const std::string command = "xmllint --noout '" + (dir / "junit.xml").string() + "' 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0);
}

TEST(JunitFlaky, WithoutTheOptionTheOutputHasNoRetryElementsAndIsValid) {
  const TempDir dir;
  const std::string xml = junit_of(retried_run(), RetriedCases::Plain, dir);
  EXPECT_EQ(xml.find("flakyFailure"), std::string::npos);
  EXPECT_EQ(xml.find("rerun"), std::string::npos);
  EXPECT_EQ(&junit_writer(RetriedCases::Plain), &junit_writer());
  if (!std::filesystem::exists(kSchema)) GTEST_SKIP() << kSchema << " is not beside the clone";
  const std::string command =
      "xmllint --noout --schema '" + kSchema.string() + "' '" + (dir / "junit.xml").string() + "' 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0);
}

TEST(JunitFlaky, TheSchemaRejectsTheRetryElementsWhichIsWhyTheyAreAnOption) {
  if (!std::filesystem::exists(kSchema)) GTEST_SKIP() << kSchema << " is not beside the clone";
  const TempDir dir;
  junit_of(retried_run(), RetriedCases::Surefire, dir);
  const std::string command = "xmllint --noout --schema '" + kSchema.string() + "' '" + (dir / "junit.xml").string() +
                              "' >/dev/null 2>&1";
  EXPECT_NE(std::system(command.c_str()), 0);
}

}  // namespace
}  // namespace glassbox::reports
