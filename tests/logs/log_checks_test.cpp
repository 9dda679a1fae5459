#include "probes/logs/log_checks.hpp"

#include <gtest/gtest.h>

namespace glassbox::probes::logs {
namespace {

const std::string kFixture = std::string(GLASSBOX_TEST_DATA) + "/fixtures/logs.jsonl";

LogEntry entry(const std::string& json_text, int line = 7) {
  return LogEntry{line, nlohmann::json::parse(json_text)};
}

// A line that passes the default schema, for tests that break one field at a time.
nlohmann::json good_line() {
  return nlohmann::json::parse(R"({"timestamp":"2026-11-25T11:54:25.900707Z","level":"info",
    "trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","span_id":"46db5f9ad2e1571f","source":"api"})");
}

std::vector<std::string> findings_with(const std::string& field, const nlohmann::json& value,
                                       const LogSchema& schema = {}) {
  auto fields = good_line();
  if (value.is_discarded()) fields.erase(field);
  else fields[field] = value;
  std::vector<std::string> out;
  for (const auto& finding : check_entry(LogEntry{7, fields}, schema)) out.push_back(finding.to_string());
  return out;
}

using Texts = std::vector<std::string>;
const nlohmann::json kMissing = nlohmann::json(nlohmann::json::value_t::discarded);

LogRead fixture() {
  auto read = read_log_file(kFixture);
  EXPECT_TRUE(read.ok());
  return read.ok() ? *read : LogRead{};
}

TEST(LogChecks, FixtureUnderTheDefaultSchemaLacksSourceAndHasFourUntracedLines) {
  auto report = check_log(fixture(), LogSchema{});
  EXPECT_EQ(report.totals.lines, 49);
  EXPECT_EQ(report.totals.valid, 0);
  EXPECT_EQ(report.totals.invalid, 49);
  EXPECT_EQ(report.totals.invalid_by_rule,
            (std::map<LogRule, int>{{LogRule::trace_id, 4}, {LogRule::source, 49}}));
  ASSERT_EQ(report.findings.size(), 53u);
  EXPECT_EQ(report.findings[0].to_string(),
            "line 1: trace_id is null (untraced lines are not allowed)");
  EXPECT_EQ(report.findings[1].to_string(), "line 1: no 'source' field");
  EXPECT_EQ(report.findings[2].to_string(), "line 2: no 'source' field");
  std::vector<int> untraced;
  for (const auto& finding : report.findings) {
    if (finding.rule == LogRule::trace_id) untraced.push_back(finding.line);
  }
  EXPECT_EQ(untraced, (std::vector<int>{1, 39, 40, 49}));
}

TEST(LogChecks, FixtureIsValidWhenUntracedLinesAreAllowedAndSourceIsOptional) {
  LogSchema schema;
  schema.untraced = UntracedLines::allowed;
  schema.source = SourceRequirement::optional;
  auto report = check_log(fixture(), schema);
  EXPECT_TRUE(report.findings.empty());
  EXPECT_EQ(report.totals.valid, 49);
  EXPECT_EQ(report.totals.invalid, 0);
  EXPECT_TRUE(report.totals.invalid_by_rule.empty());
}

TEST(LogChecks, FixtureWithOptionalSourceStillRejectsUntracedLinesByDefault) {
  LogSchema schema;
  schema.source = SourceRequirement::optional;
  auto report = check_log(fixture(), schema);
  EXPECT_EQ(report.totals.valid, 45);
  EXPECT_EQ(report.totals.invalid, 4);
  ASSERT_EQ(report.findings.size(), 4u);
  EXPECT_EQ(report.findings[3].to_string(),
            "line 49: trace_id is null (untraced lines are not allowed)");
}

TEST(LogChecks, AGoodLinePasses) { EXPECT_TRUE(check_entry(LogEntry{1, good_line()}, {}).empty()); }

TEST(LogChecks, TimestampFindings) {
  EXPECT_EQ(findings_with("timestamp", "2026-11-25T11:54:25.9Z"),
            Texts{"line 7: timestamp '2026-11-25T11:54:25.9Z' has 1 fractional digit, microseconds need 6"});
  EXPECT_EQ(findings_with("timestamp", kMissing), Texts{"line 7: no 'timestamp' field"});
  EXPECT_EQ(findings_with("timestamp", 1764071665),
            Texts{"line 7: timestamp is a number, expected an RFC 3339 string"});
  EXPECT_EQ(findings_with("timestamp", nullptr),
            Texts{"line 7: timestamp is null, expected an RFC 3339 string"});
}

TEST(LogChecks, LevelFindings) {
  EXPECT_TRUE(findings_with("level", "WARN").empty());
  EXPECT_EQ(findings_with("level", "notice"),
            Texts{"line 7: level 'notice' is not one of trace, debug, info, warn, warning, error, fatal"});
  EXPECT_EQ(findings_with("level", 30), Texts{"line 7: level is a number, expected a string"});
  EXPECT_EQ(findings_with("level", kMissing), Texts{"line 7: no 'level' field"});
}

TEST(LogChecks, ConfiguredLevelsReplaceTheDefaults) {
  LogSchema schema;
  schema.levels = {"INFO", "ERROR"};
  EXPECT_TRUE(findings_with("level", "info", schema).empty());
  EXPECT_EQ(findings_with("level", "debug", schema),
            Texts{"line 7: level 'debug' is not one of INFO, ERROR"});
}

TEST(LogChecks, TraceIdFindings) {
  EXPECT_EQ(findings_with("trace_id", "4BF92F3577B34DA6A3CE929D0E0E4736"),
            Texts{"line 7: trace_id '4BF92F3577B34DA6A3CE929D0E0E4736' is not 32 lowercase hex digits"});
  EXPECT_EQ(findings_with("trace_id", "4bf92f35"),
            Texts{"line 7: trace_id '4bf92f35' is not 32 lowercase hex digits"});
  EXPECT_EQ(findings_with("trace_id", std::string(32, '0')),
            Texts{"line 7: trace_id is all zeros, which W3C trace context reserves as invalid"});
  EXPECT_EQ(findings_with("trace_id", kMissing), Texts{"line 7: no 'trace_id' field"});
  EXPECT_EQ(findings_with("trace_id", 12),
            Texts{"line 7: trace_id is a number, expected 32 lowercase hex digits"});
  EXPECT_EQ(findings_with("trace_id", nullptr),
            Texts{"line 7: trace_id is null (untraced lines are not allowed)"});
}

TEST(LogChecks, NullTraceIdIsAcceptedOnlyWhenUntracedLinesAreAllowed) {
  LogSchema schema;
  schema.untraced = UntracedLines::allowed;
  auto fields = good_line();
  fields["trace_id"] = nullptr;
  fields["span_id"] = nullptr;
  EXPECT_TRUE(check_entry(LogEntry{1, fields}, schema).empty());
  // A missing field is not an untraced line: the field is still required.
  EXPECT_EQ(findings_with("trace_id", kMissing, schema), Texts{"line 7: no 'trace_id' field"});
}

TEST(LogChecks, SpanIdFindings) {
  EXPECT_EQ(findings_with("span_id", "46db5f9ad2e1571"),
            Texts{"line 7: span_id '46db5f9ad2e1571' is not 16 lowercase hex digits"});
  EXPECT_EQ(findings_with("span_id", std::string(16, '0')),
            Texts{"line 7: span_id is all zeros, which W3C trace context reserves as invalid"});
  EXPECT_EQ(findings_with("span_id", nullptr), Texts{"line 7: span_id is null on a traced line"});
  EXPECT_EQ(findings_with("span_id", kMissing), Texts{"line 7: no 'span_id' field"});
}

TEST(LogChecks, SourceFindings) {
  EXPECT_EQ(findings_with("source", kMissing), Texts{"line 7: no 'source' field"});
  EXPECT_EQ(findings_with("source", ""), Texts{"line 7: source is empty"});
  EXPECT_EQ(findings_with("source", nlohmann::json::object()),
            Texts{"line 7: source is an object, expected a string"});
  LogSchema optional;
  optional.source = SourceRequirement::optional;
  EXPECT_TRUE(findings_with("source", kMissing, optional).empty());
  EXPECT_EQ(findings_with("source", "", optional), Texts{"line 7: source is empty"});
}

TEST(LogChecks, RenamedFieldsAreCheckedAndNamedInFindings) {
  LogSchema schema;
  schema.timestamp_field = "ts";
  schema.level_field = "severity";
  schema.trace_id_field = "traceId";
  schema.span_id_field = "spanId";
  schema.source_field = "logger";
  auto ok = entry(R"({"ts":"2026-11-25T11:54:25.900707+00:00","severity":"ERROR","logger":"orders",
    "traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"46db5f9ad2e1571f"})");
  EXPECT_TRUE(check_entry(ok, schema).empty());
  auto bad = entry(R"({"timestamp":"2026-11-25T11:54:25.900707Z","severity":"loud","traceId":"x",
    "spanId":"46db5f9ad2e1571f","source":"api"})");
  std::vector<std::string> texts;
  for (const auto& finding : check_entry(bad, schema)) texts.push_back(finding.to_string());
  EXPECT_EQ(texts, (Texts{
                       "line 7: no 'ts' field",
                       "line 7: severity 'loud' is not one of trace, debug, info, warn, warning, error, fatal",
                       "line 7: traceId 'x' is not 32 lowercase hex digits",
                       "line 7: no 'logger' field",
                   }));
}

TEST(LogChecks, TotalsCountLinesPerRuleOnceAndIncludeUnreadableLines) {
  auto read = parse_log_lines(
      "{\"timestamp\":\"bad\",\"level\":\"bad\",\"trace_id\":\"bad\",\"span_id\":\"bad\",\"source\":\"a\"}\n"
      "not json\n"
      "{\"timestamp\":\"2026-11-25T11:54:25.900707Z\",\"level\":\"info\",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"span_id\":\"46db5f9ad2e1571f\",\"source\":\"a\"}\n");
  auto report = check_log(read, LogSchema{});
  EXPECT_EQ(report.totals.lines, 3);
  EXPECT_EQ(report.totals.valid, 1);
  EXPECT_EQ(report.totals.invalid, 2);
  EXPECT_EQ(report.totals.invalid_by_rule,
            (std::map<LogRule, int>{{LogRule::json, 1},
                                    {LogRule::timestamp, 1},
                                    {LogRule::level, 1},
                                    {LogRule::trace_id, 1},
                                    {LogRule::span_id, 1}}));
  ASSERT_EQ(report.findings.size(), 5u);
  EXPECT_EQ(report.findings[4].to_string(), "line 2: not valid JSON (error at column 2)");
  EXPECT_EQ(rule_name(report.findings[3].rule), "span_id");
}

TEST(LogChecks, LongValuesAreShortenedInFindings) {
  std::string level(100, 'x');
  EXPECT_EQ(findings_with("level", level),
            Texts{"line 7: level '" + std::string(64, 'x') +
                  "...' is not one of trace, debug, info, warn, warning, error, fatal"});
  EXPECT_EQ(shorten("\xC3\xA9\xC3\xA9", 3), "\xC3\xA9...");
}

}  // namespace
}  // namespace glassbox::probes::logs
