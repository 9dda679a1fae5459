// Tying log entries to test cases by trace id: each case sent its requests with a trace id
// of its own (traceparent), so the lines carrying that id are the case's lines. The error
// lines among them are what a report shows with the case.
//
// Pure function, thread-safe.
#pragma once

#include <string>
#include <vector>

#include "probes/logs/log_reader.hpp"

namespace glassbox::probes::logs {

struct CaseTrace {
  std::string case_name;
  std::string trace_id;  // 32 hex digits; compared case-insensitively
};

struct CorrelationOptions {
  std::string trace_id_field = "trace_id";
  std::string level_field = "level";
  std::vector<std::string> error_levels = {"error", "fatal"};  // compared case-insensitively
};

struct CaseLogs {
  std::string case_name;
  std::string trace_id;
  std::vector<LogEntry> entries;  // in log order
  std::vector<LogEntry> errors;   // the entries whose level is an error level, in log order
};

struct LogCorrelation {
  std::vector<CaseLogs> cases;  // one per CaseTrace, in the order given
  int uncorrelated = 0;         // entries of no case (no trace id, null, or an unknown one)
};

// An entry belongs to every case with its trace id (two cases sharing an id share lines).
LogCorrelation correlate_by_trace(const std::vector<LogEntry>& entries,
                                  const std::vector<CaseTrace>& cases,
                                  const CorrelationOptions& options = {});

}  // namespace glassbox::probes::logs
