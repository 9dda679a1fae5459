#include "probes/logs/log_checks.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "probes/logs/log_timestamp.hpp"

namespace glassbox::probes::logs {
namespace {

using nlohmann::json;

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// "a number", "an array", "null" ... for "<field> is a number, expected ...".
std::string a_type(const json& value) {
  if (value.is_null()) return "null";
  std::string_view name = value.type_name();
  bool vowel = !name.empty() && std::string_view("aeiou").find(name[0]) != std::string_view::npos;
  return fmt::format("{} {}", vowel ? "an" : "a", name);
}

class EntryChecker final {
 public:
  EntryChecker(const LogEntry& entry, const LogSchema& schema) : entry_(entry), schema_(schema) {}

  std::vector<LogFinding> run() {
    check_timestamp();
    check_level();
    bool null_trace = check_trace_id();
    check_span_id(null_trace);
    check_source();
    return std::move(findings_);
  }

 private:
  void add(LogRule rule, std::string message) {
    findings_.push_back(LogFinding{entry_.line, rule, std::move(message)});
  }

  const json* field(const std::string& name) const {
    auto found = entry_.fields.find(name);
    return found == entry_.fields.end() ? nullptr : &*found;
  }

  // The field's string value; adds "no 'x' field" or "x is a number, expected <what>" if none.
  std::optional<std::string_view> string_field(LogRule rule, const std::string& name,
                                               std::string_view what) {
    const json* value = field(name);
    if (value == nullptr) {
      add(rule, fmt::format("no '{}' field", name));
      return std::nullopt;
    }
    if (!value->is_string()) {
      add(rule, fmt::format("{} is {}, expected {}", name, a_type(*value), what));
      return std::nullopt;
    }
    return std::string_view(value->get_ref<const std::string&>());
  }

  void check_timestamp() {
    const std::string& name = schema_.timestamp_field;
    auto text = string_field(LogRule::timestamp, name, "an RFC 3339 string");
    if (!text) return;
    if (auto problem = timestamp_problem(name, *text, schema_.timestamp_precision)) {
      add(LogRule::timestamp, *problem);
    }
  }

  void check_level() {
    const std::string& name = schema_.level_field;
    auto text = string_field(LogRule::level, name, "a string");
    if (!text) return;
    std::string level = lowercase(*text);
    for (const auto& known : schema_.levels) {
      if (lowercase(known) == level) return;
    }
    add(LogRule::level, fmt::format("{} '{}' is not one of {}", name, shorten(*text),
                                    fmt::join(schema_.levels, ", ")));
  }

  // Checks a W3C id: `hex_digits` lowercase hex, not all zeros.
  void check_id(LogRule rule, const std::string& name, std::string_view id, std::size_t hex_digits) {
    bool hex = id.size() == hex_digits &&
               std::all_of(id.begin(), id.end(), [](char c) {
                 return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
               });
    if (!hex) {
      add(rule, fmt::format("{} '{}' is not {} lowercase hex digits", name, shorten(id), hex_digits));
    } else if (id.find_first_not_of('0') == std::string_view::npos) {
      add(rule, fmt::format("{} is all zeros, which W3C trace context reserves as invalid", name));
    }
  }

  // Returns true when the trace id is null: the line is untraced, so a null span id is
  // expected (and the null trace id is the one finding when the schema rejects it).
  bool check_trace_id() {
    const std::string& name = schema_.trace_id_field;
    const json* value = field(name);
    if (value != nullptr && value->is_null()) {
      if (schema_.untraced == UntracedLines::rejected) {
        add(LogRule::trace_id, fmt::format("{} is null (untraced lines are not allowed)", name));
      }
      return true;
    }
    if (auto id = string_field(LogRule::trace_id, name, "32 lowercase hex digits")) {
      check_id(LogRule::trace_id, name, *id, 32);
    }
    return false;
  }

  void check_span_id(bool null_trace) {
    const std::string& name = schema_.span_id_field;
    const json* value = field(name);
    if (value != nullptr && value->is_null()) {
      if (!null_trace) add(LogRule::span_id, fmt::format("{} is null on a traced line", name));
      return;
    }
    if (auto id = string_field(LogRule::span_id, name, "16 lowercase hex digits")) {
      check_id(LogRule::span_id, name, *id, 16);
    }
  }

  void check_source() {
    const std::string& name = schema_.source_field;
    if (field(name) == nullptr && schema_.source == SourceRequirement::optional) return;
    auto text = string_field(LogRule::source, name, "a string");
    if (text && text->empty()) add(LogRule::source, fmt::format("{} is empty", name));
  }

  const LogEntry& entry_;
  const LogSchema& schema_;
  std::vector<LogFinding> findings_;
};

void count_line(LogCheckTotals& totals, const std::vector<LogFinding>& line_findings) {
  ++totals.lines;
  if (line_findings.empty()) {
    ++totals.valid;
    return;
  }
  ++totals.invalid;
  std::vector<LogRule> rules;
  for (const auto& finding : line_findings) {
    if (std::find(rules.begin(), rules.end(), finding.rule) == rules.end()) {
      rules.push_back(finding.rule);
      ++totals.invalid_by_rule[finding.rule];
    }
  }
}

}  // namespace

std::vector<LogFinding> check_entry(const LogEntry& entry, const LogSchema& schema) {
  return EntryChecker(entry, schema).run();
}

LogCheckReport check_entries(const std::vector<LogEntry>& entries, const LogSchema& schema) {
  LogCheckReport report;
  for (const auto& entry : entries) {
    auto line_findings = check_entry(entry, schema);
    count_line(report.totals, line_findings);
    report.findings.insert(report.findings.end(), line_findings.begin(), line_findings.end());
  }
  return report;
}

LogCheckReport check_log(const LogRead& read, const LogSchema& schema) {
  LogCheckReport report = check_entries(read.entries, schema);
  for (const auto& finding : read.findings) {
    // "log cut" names a line that was never read, so it is not a line to count.
    if (!read.truncated || &finding != &read.findings.back()) count_line(report.totals, {finding});
  }
  report.findings.insert(report.findings.end(), read.findings.begin(), read.findings.end());
  std::stable_sort(report.findings.begin(), report.findings.end(),
                   [](const LogFinding& a, const LogFinding& b) { return a.line < b.line; });
  return report;
}

}  // namespace glassbox::probes::logs
