#include <algorithm>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "probes/logs/log_checks.hpp"
#include "probes/logs/log_reader.hpp"

namespace glassbox::probes::logs {
namespace {

bool is_blank(const std::string& line) {
  return line.find_first_not_of(" \t\r") == std::string::npos;
}

// Every non-blank line becomes exactly one entry or one finding, with its own line number,
// whatever its bytes are (invalid UTF-8, NULs, unbalanced brackets).
RC_GTEST_PROP(LogProperties, EveryNonBlankLineGivesOneEntryOrOneFinding,
              (std::vector<std::string> lines)) {
  std::string text;
  std::vector<int> expected_lines;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    std::replace(line.begin(), line.end(), '\n', ' ');
    text += line + "\n";
    std::string without_cr = line;
    if (!without_cr.empty() && without_cr.back() == '\r') without_cr.pop_back();
    if (!is_blank(without_cr)) expected_lines.push_back(static_cast<int>(i) + 1);
  }
  ReadLimits limits;
  limits.max_line_bytes = 200;
  limits.max_nesting = 8;
  auto read = parse_log_lines(text, limits);
  std::vector<int> seen;
  for (const auto& entry : read.entries) {
    RC_ASSERT(entry.fields.is_object());
    seen.push_back(entry.line);
  }
  for (const auto& finding : read.findings) seen.push_back(finding.line);
  std::sort(seen.begin(), seen.end());
  RC_ASSERT(seen == expected_lines);
  RC_ASSERT(read.lines == static_cast<int>(expected_lines.size()));

  // The checks never throw on what the reader accepted, and count every line once.
  auto report = check_log(read, LogSchema{});
  RC_ASSERT(report.totals.lines == read.lines);
  RC_ASSERT(report.totals.valid + report.totals.invalid == report.totals.lines);
}

// Lines built from JSON-ish pieces reach the parser and the checks more often than raw bytes.
RC_GTEST_PROP(LogProperties, JsonLikeLinesNeverCrashTheChecks, ()) {
  auto piece = rc::gen::element<std::string>(
      "{", "}", "[", "]", "\"", ",", ":", "\"timestamp\"", "\"level\"", "\"trace_id\"",
      "\"span_id\"", "\"source\"", "null", "1", "\"2026-11-25T11:54:25.900707Z\"", "\"info\"",
      "\"4bf92f3577b34da6a3ce929d0e0e4736\"", "\"\xff\"", "\\u0000");
  auto pieces = *rc::gen::container<std::vector<std::string>>(piece);
  std::string line;
  for (const auto& p : pieces) line += p;
  auto read = parse_log_lines(line);
  RC_ASSERT(read.entries.size() + read.findings.size() == (is_blank(line) ? 0u : 1u));
  for (const auto& finding : check_log(read, LogSchema{}).findings) {
    RC_ASSERT(finding.line == 1);
    RC_ASSERT(!finding.message.empty());
  }
}

}  // namespace
}  // namespace glassbox::probes::logs
