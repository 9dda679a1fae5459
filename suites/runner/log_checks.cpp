#include "suites/runner/log_checks.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "probes/logs/log_checks.hpp"
#include "probes/logs/log_correlation.hpp"
#include "probes/logs/log_reader.hpp"

namespace glassbox::runner {

namespace {

namespace logs = probes::logs;

constexpr std::size_t kMaxFindings = 100;      // per log, in the results
constexpr std::size_t kMaxLinesPerCase = 50;
constexpr std::size_t kMaxLineBytes = 2048;

logs::LogSchema schema_of(const suite::LogSource& source) {
  logs::LogSchema schema;
  schema.timestamp_field = source.timestamp_field;
  schema.level_field = source.level_field;
  schema.trace_id_field = source.trace_id_field;
  schema.span_id_field = source.span_id_field;
  schema.source_field = source.source_field;
  schema.timestamp_precision = source.timestamp_microseconds ? logs::TimestampPrecision::microseconds
                                                             : logs::TimestampPrecision::at_least_milliseconds;
  if (!source.levels.empty()) schema.levels = source.levels;
  schema.untraced = source.allow_untraced ? logs::UntracedLines::allowed : logs::UntracedLines::rejected;
  schema.source = source.source_required ? logs::SourceRequirement::required : logs::SourceRequirement::optional;
  return schema;
}

std::string level_of(const logs::LogEntry& entry, const std::string& field) {
  auto it = entry.fields.find(field);
  if (it == entry.fields.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

reports::LogLineRef line_ref(const logs::LogEntry& entry, const suite::LogSource& source,
                             const reports::Redactor& redactor) {
  reports::LogLineRef ref;
  ref.line = entry.line;
  ref.level = level_of(entry, source.level_field);
  ref.text = redactor.text(logs::shorten(entry.fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                                         kMaxLineBytes));
  return ref;
}

// The log's text: the file, or the command's output. Error: why it could not be read.
Expected<logs::LogRead> read_source(const suite::LogSource& source, std::string& origin) {
  logs::ReadLimits limits;
  if (!source.command.empty()) {
    origin = "command: " + source.command;
    limits.command_timeout = std::chrono::milliseconds(source.command_timeout_ms);
    auto read = logs::read_log_command(source.command, limits);
    if (!read) return read.error();
    if (read->output.end == logs::CommandEnd::timed_out || read->output.end == logs::CommandEnd::signalled)
      return Error(fmt::format("log command {}", read->output.describe(limits)));
    return std::move(read->read);
  }
  origin = source.file;
  return logs::read_log_file(source.file, limits);
}

}  // namespace

void check_logs(const std::string& suite_name, const std::vector<suite::LogSource>& sources,
                reports::RunResults& results, const reports::Redactor& redactor) {
  std::vector<logs::CaseTrace> traces;
  std::vector<std::size_t> positions;
  for (std::size_t i = 0; i < results.cases.size(); ++i) {
    const reports::CaseResult& c = results.cases[i];
    if (c.suite != suite_name || c.trace_id.empty()) continue;
    traces.push_back({c.id, c.trace_id});
    positions.push_back(i);
  }
  for (const suite::LogSource& source : sources) {
    reports::LogResult result;
    result.suite = suite_name;
    result.name = source.name;
    result.required = source.required;
    auto read = read_source(source, result.origin);
    result.origin = redactor.text(result.origin);
    if (!read) {
      result.error = redactor.text(read.error().message);
      results.logs.push_back(std::move(result));
      continue;
    }
    const logs::LogCheckReport report = logs::check_log(read.value(), schema_of(source));
    result.lines = report.totals.lines;
    result.valid = report.totals.valid;
    result.invalid = report.totals.invalid;
    for (const logs::LogFinding& f : report.findings) {
      if (result.findings.size() == kMaxFindings) {
        result.findings.push_back(fmt::format("... and {} more findings", report.findings.size() - kMaxFindings));
        break;
      }
      result.findings.push_back(redactor.text(f.to_string()));
    }

    logs::CorrelationOptions options;
    options.trace_id_field = source.trace_id_field;
    options.level_field = source.level_field;
    if (!source.error_levels.empty()) options.error_levels = source.error_levels;
    const logs::LogCorrelation correlation = logs::correlate_by_trace(read->entries, traces, options);
    result.uncorrelated = correlation.uncorrelated;
    result.correlated = static_cast<int>(read->entries.size()) - correlation.uncorrelated;
    for (std::size_t k = 0; k < correlation.cases.size(); ++k) {
      const logs::CaseLogs& case_logs = correlation.cases[k];
      reports::CaseResult& c = results.cases[positions[k]];
      // Error lines first: they are what a reader looks for next to a failing case.
      for (const logs::LogEntry& e : case_logs.errors)
        if (c.log_lines.size() < kMaxLinesPerCase) c.log_lines.push_back(line_ref(e, source, redactor));
      for (const logs::LogEntry& e : case_logs.entries) {
        if (c.log_lines.size() >= kMaxLinesPerCase) break;
        bool is_error = std::any_of(case_logs.errors.begin(), case_logs.errors.end(),
                                    [&](const logs::LogEntry& x) { return x.line == e.line; });
        if (!is_error) c.log_lines.push_back(line_ref(e, source, redactor));
      }
    }
    results.logs.push_back(std::move(result));
  }
}

}  // namespace glassbox::runner
