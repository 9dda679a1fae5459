// Checking structured-log entries against the fields a suite requires: a UTC timestamp with
// microseconds, a level from a known set, W3C trace and span ids, and a source. Field names
// and rules come from a LogSchema, so "ts"/"severity"/"logger" logs are checked the same way.
//
// Pure functions, thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "probes/logs/log_finding.hpp"
#include "probes/logs/log_reader.hpp"

namespace glassbox::probes::logs {

enum class TimestampPrecision {
  microseconds,           // exactly 6 fractional digits
  at_least_milliseconds,  // 3 or more
};

// Whether a line may carry a null trace id (health checks and other untraced requests).
// Either way a line with a null trace id may have a null span id: when rejected, the trace
// id is the line's one finding.
enum class UntracedLines { rejected, allowed };

enum class SourceRequirement { required, optional };

struct LogSchema {
  std::string timestamp_field = "timestamp";
  std::string level_field = "level";
  std::string trace_id_field = "trace_id";
  std::string span_id_field = "span_id";
  std::string source_field = "source";

  TimestampPrecision timestamp_precision = TimestampPrecision::microseconds;
  // Compared case-insensitively.
  std::vector<std::string> levels = {"trace", "debug", "info", "warn", "warning", "error", "fatal"};
  UntracedLines untraced = UntracedLines::rejected;
  // An optional source is still checked (a non-empty string) when present.
  SourceRequirement source = SourceRequirement::required;
};

struct LogCheckTotals {
  int lines = 0;    // entries checked, plus lines the reader could not parse
  int valid = 0;    // lines without findings
  int invalid = 0;  // lines with at least one finding
  std::map<LogRule, int> invalid_by_rule;  // lines breaking each rule (absent = none)
};

struct LogCheckReport {
  std::vector<LogFinding> findings;  // in line order; within a line, in rule order
  LogCheckTotals totals;
};

// The findings of one entry, in rule order (timestamp, level, trace_id, span_id, source).
// Messages name the schema's field, e.g.
//   "timestamp '2026-11-25T11:54:25.9Z' has 1 fractional digit, microseconds need 6"
//   "no 'source' field"
//   "trace_id is null (untraced lines are not allowed)"
std::vector<LogFinding> check_entry(const LogEntry& entry, const LogSchema& schema);

// Checks every entry.
LogCheckReport check_entries(const std::vector<LogEntry>& entries, const LogSchema& schema);

// check_entries on read.entries, with the reader's own findings (rule json) merged in line
// order and their lines counted as invalid.
LogCheckReport check_log(const LogRead& read, const LogSchema& schema);

}  // namespace glassbox::probes::logs
