// Structured logs a suite checks: where the JSON-lines log comes from and which fields each
// line must carry. Lines are tied to cases by trace id; a case's error lines show with it.
// Plain data; see docs/suite-format.md, section "logs".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "suites/model/expected.hpp"

namespace glassbox::suite {

struct LogSource {
  std::string name;             // e.g. the service writing it
  std::string file;             // a JSON-lines file, read after the run's settle window
  std::string command;          // or: a command whose standard output is the log (sh -c)
  int command_timeout_ms = 10000;
  // Field names and rules (probes/logs LogSchema).
  std::string timestamp_field = "timestamp";
  std::string level_field = "level";
  std::string trace_id_field = "trace_id";
  std::string span_id_field = "span_id";
  std::string source_field = "source";
  bool timestamp_microseconds = true;      // false: at least milliseconds
  std::vector<std::string> levels;         // empty = trace, debug, info, warn, warning, error, fatal
  std::vector<std::string> error_levels;   // empty = error, fatal
  bool allow_untraced = false;             // lines with a null trace id (health checks)
  bool source_required = true;
  // A finding on any line fails the run (one JUnit testcase per log); false = reported only.
  bool required = true;
  SourceLocation where;
};

}  // namespace glassbox::suite
