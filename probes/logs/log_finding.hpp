// What the structured-log probe reports about a line it could not accept: the 1-based line
// number, the rule it breaks and a readable message. Findings are results (data), never
// Errors: a log with bad lines is something to show, not something that stops glassbox.
//
// Plain values, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace glassbox::probes::logs {

// The rule a finding is about. `json` is the reader's: the line is not a JSON object, is too
// long, or the log was cut short.
enum class LogRule { json, timestamp, level, trace_id, span_id, source };

// "json", "timestamp", "level", "trace_id", "span_id", "source" (stable names for reports).
std::string_view rule_name(LogRule rule);

struct LogFinding {
  int line = 0;          // 1-based line in the log (blank lines count)
  LogRule rule = LogRule::json;
  std::string message;   // without the line number, e.g. "level 'notice' is not one of ..."

  // "line 7: <message>".
  std::string to_string() const;
};

// `text` for a message: at most `max_bytes` bytes, cut at a UTF-8 character boundary and
// followed by "..." when cut, so a 64 KiB value does not become a 64 KiB finding.
std::string shorten(std::string_view text, std::size_t max_bytes = 64);

}  // namespace glassbox::probes::logs
