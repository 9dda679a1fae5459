// The `logs` section: where a JSON-lines log comes from and which fields its lines must carry.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "tests/loader/loader_test_support.hpp"

namespace glassbox::loader {
namespace {

using testing::load_error;
using testing::load_ok;
using testing::with_env;

// Lines 1-3; a test's own section starts at line 4.
const std::string kBase = R"(suite: s
targets: {demo: builtin:demo}
requests: {health: {path: /healthz}}
)";

TEST(LoaderLogs, EveryKeyIsRead) {
  suite::Suite s = load_ok(kBase + R"(logs:
  - name: orders
    command: "kubectl logs deploy/orders --since=5m"
    timeout: 20s
    fields: {timestamp: ts, level: severity, trace_id: traceId, span_id: spanId, source: logger}
    timestamp_precision: milliseconds
    levels: [DEBUG, INFO, WARN, ERROR, CRITICAL]
    error_levels: [error, critical]
    untraced: allowed
    source: optional
    required: false
)");
  ASSERT_EQ(s.logs.size(), 1u);
  const suite::LogSource& log = s.logs[0];
  EXPECT_EQ(log.name, "orders");
  EXPECT_EQ(log.command, "kubectl logs deploy/orders --since=5m");
  EXPECT_TRUE(log.file.empty());
  EXPECT_EQ(log.command_timeout_ms, 20000);
  EXPECT_EQ(log.timestamp_field, "ts");
  EXPECT_EQ(log.level_field, "severity");
  EXPECT_EQ(log.trace_id_field, "traceId");
  EXPECT_EQ(log.span_id_field, "spanId");
  EXPECT_EQ(log.source_field, "logger");
  EXPECT_FALSE(log.timestamp_microseconds);
  EXPECT_EQ(log.levels, (std::vector<std::string>{"DEBUG", "INFO", "WARN", "ERROR", "CRITICAL"}));
  EXPECT_EQ(log.error_levels, (std::vector<std::string>{"error", "critical"})) << "levels compare case-insensitively";
  EXPECT_TRUE(log.allow_untraced);
  EXPECT_FALSE(log.source_required);
  EXPECT_FALSE(log.required);
  EXPECT_EQ(log.where.line, 5);
}

TEST(LoaderLogs, DefaultsAreTheStrictSchema) {
  suite::Suite s = load_ok(kBase + "logs: [{name: app, file: /var/log/app.jsonl}]\n");
  ASSERT_EQ(s.logs.size(), 1u);
  const suite::LogSource& log = s.logs[0];
  EXPECT_EQ(log.file, "/var/log/app.jsonl");
  EXPECT_EQ(log.command_timeout_ms, 10000);
  EXPECT_EQ(log.timestamp_field, "timestamp");
  EXPECT_EQ(log.source_field, "source");
  EXPECT_TRUE(log.timestamp_microseconds);
  EXPECT_TRUE(log.levels.empty());
  EXPECT_TRUE(log.error_levels.empty());
  EXPECT_FALSE(log.allow_untraced);
  EXPECT_TRUE(log.source_required);
  EXPECT_TRUE(log.required);
}

TEST(LoaderLogs, RelativeFilesResolveAgainstTheSuiteFilesFolder) {
  auto loaded = load_suite_text(kBase + "logs: [{name: app, file: ../logs/app.jsonl}]\n", "/srv/suites/shop/suite.yaml",
                                with_env());
  ASSERT_TRUE(loaded) << loaded.error().to_string();
  EXPECT_EQ(loaded->logs[0].file, "/srv/suites/logs/app.jsonl");

  suite::Suite here = load_ok(kBase + "logs: [{name: app, file: app.jsonl}]\n");
  EXPECT_EQ(here.logs[0].file, (std::filesystem::current_path() / "app.jsonl").string())
      << "a suite named without a folder is in the working directory";
}

TEST(LoaderLogs, ErrorsTeachTheFix) {
  struct Case {
    std::string yaml;
    std::string error;
  };
  const Case cases[] = {
      {"logs: [{file: a.jsonl}]\n", "suite.yaml:4:8: a log needs 'name' (e.g. the service that writes it)"},
      {"logs: [{name: a}]\n",
       "suite.yaml:4:8: log 'a' needs 'file' (a JSON-lines file) or 'command' (a command whose output is the log)"},
      {"logs: [{name: a, file: a.jsonl, command: cat}]\n",
       "suite.yaml:4:33: log 'a' has both 'file' and 'command': pick one"},
      {"logs: [{name: a, file: a.jsonl, timeout: 5s}]\n",
       "suite.yaml:4:33: 'timeout' applies to a log read from 'command'"},
      {"logs: [{name: a, file: a.jsonl, fields: {trace: tid}}]\n",
       "suite.yaml:4:42: unknown key 'trace' in 'fields' of log 'a' (did you mean 'trace_id'?)"},
      {"logs: [{name: a, file: a.jsonl, timestamp_precision: nanoseconds}]\n",
       "suite.yaml:4:54: 'timestamp_precision' must be microseconds or milliseconds, got 'nanoseconds'"},
      {"logs: [{name: a, file: a.jsonl, untraced: yes}]\n",
       "suite.yaml:4:43: 'untraced' must be allowed or rejected, got 'yes'"},
      {"logs: [{name: a, file: a.jsonl, source: maybe}]\n",
       "suite.yaml:4:41: 'source' must be required or optional, got 'maybe'"},
      {"logs: [{name: a, file: a.jsonl, levels: []}]\n", "suite.yaml:4:41: 'levels' needs at least one level"},
      {"logs: [{name: a, file: a.jsonl, levels: [info, INFO]}]\n", "suite.yaml:4:48: 'levels' lists 'INFO' twice"},
      {"logs: [{name: a, file: a.jsonl, error_levels: [critical]}]\n",
       "suite.yaml:4:48: error level 'critical' is not one of the levels of log 'a' (trace, debug, info, warn, "
       "warning, "
       "error, fatal)"},
      {"logs: [{name: a, file: a.jsonl, levels: [info, error], error_levels: [fatal]}]\n",
       "suite.yaml:4:71: error level 'fatal' is not one of the levels of log 'a' (info, error)"},
      {"logs: [{name: a, file: a.jsonl, requird: true}]\n",
       "suite.yaml:4:33: unknown key 'requird' in log 'a' (did you mean 'required'?)"},
      {"logs: [{name: a, file: a.jsonl}, {name: a, command: cat}]\n",
       "suite.yaml:4:34: log 'a' is defined twice in 'logs' (first at line 4)"},
      {"logs: {name: a}\n", "suite.yaml:4:7: 'logs' must be a list, got a map"},
  };
  for (const Case& c : cases) EXPECT_EQ(load_error(kBase + c.yaml), c.error) << c.yaml;
}

}  // namespace
}  // namespace glassbox::loader
