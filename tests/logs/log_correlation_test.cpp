#include "probes/logs/log_correlation.hpp"

#include <gtest/gtest.h>

namespace glassbox::probes::logs {
namespace {

const std::string kFixture = std::string(GLASSBOX_TEST_DATA) + "/fixtures/logs.jsonl";

std::vector<int> lines_of(const std::vector<LogEntry>& entries) {
  std::vector<int> out;
  for (const auto& entry : entries) out.push_back(entry.line);
  return out;
}

LogEntry entry(int line, const std::string& json_text) {
  return LogEntry{line, nlohmann::json::parse(json_text)};
}

TEST(LogCorrelation, TiesFixtureLinesToCasesByTraceId) {
  auto read = read_log_file(kFixture);
  ASSERT_TRUE(read.ok()) << read.error().message;
  std::vector<CaseTrace> cases = {
      {"triangle equilateral", "4bf92f3577b34da6a3ce929d0e0e4736"},     // line 2, info
      {"triangle invalid side", "D2E609375B98B1C5FC5BF4EA74CE59A6"},    // line 7, warn
      {"triangle overload", "84bf59a62c3db5f38fa8cc4ebb2b5a31"},        // line 41, error
      {"never logged", "0123456789abcdef0123456789abcdef"},
  };
  auto correlation = correlate_by_trace(read->entries, cases);
  ASSERT_EQ(correlation.cases.size(), 4u);
  EXPECT_EQ(correlation.cases[0].case_name, "triangle equilateral");
  EXPECT_EQ(lines_of(correlation.cases[0].entries), std::vector<int>{2});
  EXPECT_TRUE(correlation.cases[0].errors.empty());
  EXPECT_EQ(lines_of(correlation.cases[1].entries), std::vector<int>{7});
  EXPECT_TRUE(correlation.cases[1].errors.empty());
  EXPECT_EQ(lines_of(correlation.cases[2].entries), std::vector<int>{41});
  EXPECT_EQ(lines_of(correlation.cases[2].errors), std::vector<int>{41});
  EXPECT_EQ(correlation.cases[2].errors[0].fields["status"], 500);
  EXPECT_TRUE(correlation.cases[3].entries.empty());
  EXPECT_EQ(correlation.uncorrelated, 46);  // 49 lines, 3 of them tied to a case
}

TEST(LogCorrelation, KeepsLogOrderAndPicksConfiguredErrorLevels) {
  std::vector<LogEntry> entries = {
      entry(1, R"({"trace":"aa","severity":"INFO"})"),
      entry(2, R"({"trace":"bb","severity":"ERROR"})"),
      entry(3, R"({"trace":"aa","severity":"CRITICAL"})"),
      entry(4, R"({"trace":"aa","severity":"error"})"),
      entry(5, R"({"trace":null,"severity":"error"})"),
      entry(6, R"({"severity":"error"})"),
      entry(7, R"({"trace":"AA"})"),
  };
  CorrelationOptions options;
  options.trace_id_field = "trace";
  options.level_field = "severity";
  options.error_levels = {"critical", "error"};
  auto correlation = correlate_by_trace(entries, {{"a", "aa"}, {"b", "bb"}}, options);
  EXPECT_EQ(lines_of(correlation.cases[0].entries), (std::vector<int>{1, 3, 4, 7}));
  EXPECT_EQ(lines_of(correlation.cases[0].errors), (std::vector<int>{3, 4}));
  EXPECT_EQ(lines_of(correlation.cases[1].errors), std::vector<int>{2});
  EXPECT_EQ(correlation.uncorrelated, 2);
}

TEST(LogCorrelation, DefaultErrorLevelsAreErrorAndFatal) {
  std::vector<LogEntry> entries = {
      entry(1, R"({"trace_id":"aa","level":"warn"})"),
      entry(2, R"({"trace_id":"aa","level":"Fatal"})"),
      entry(3, R"({"trace_id":"aa","level":"error"})"),
  };
  auto correlation = correlate_by_trace(entries, {{"a", "aa"}});
  EXPECT_EQ(lines_of(correlation.cases[0].errors), (std::vector<int>{2, 3}));
}

TEST(LogCorrelation, CasesSharingATraceIdShareItsLines) {
  std::vector<LogEntry> entries = {entry(1, R"({"trace_id":"aa","level":"error"})")};
  auto correlation = correlate_by_trace(entries, {{"first", "aa"}, {"second", "aa"}});
  EXPECT_EQ(lines_of(correlation.cases[0].errors), std::vector<int>{1});
  EXPECT_EQ(lines_of(correlation.cases[1].errors), std::vector<int>{1});
  EXPECT_EQ(correlation.uncorrelated, 0);
}

}  // namespace
}  // namespace glassbox::probes::logs
