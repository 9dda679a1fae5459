#include "probes/logs/log_correlation.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace glassbox::probes::logs {
namespace {

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string string_field(const LogEntry& entry, const std::string& name) {
  auto found = entry.fields.find(name);
  if (found == entry.fields.end() || !found->is_string()) return {};
  return found->get<std::string>();
}

bool is_error(const LogEntry& entry, const CorrelationOptions& options) {
  std::string level = lowercase(string_field(entry, options.level_field));
  if (level.empty()) return false;
  return std::any_of(options.error_levels.begin(), options.error_levels.end(),
                     [&](const std::string& error) { return lowercase(error) == level; });
}

}  // namespace

LogCorrelation correlate_by_trace(const std::vector<LogEntry>& entries,
                                  const std::vector<CaseTrace>& cases,
                                  const CorrelationOptions& options) {
  LogCorrelation out;
  std::unordered_map<std::string, std::vector<std::size_t>> cases_by_trace;
  for (const auto& trace : cases) {
    cases_by_trace[lowercase(trace.trace_id)].push_back(out.cases.size());
    out.cases.push_back(CaseLogs{trace.case_name, trace.trace_id, {}, {}});
  }
  for (const auto& entry : entries) {
    std::string trace_id = lowercase(string_field(entry, options.trace_id_field));
    auto found = trace_id.empty() ? cases_by_trace.end() : cases_by_trace.find(trace_id);
    if (found == cases_by_trace.end()) {
      ++out.uncorrelated;
      continue;
    }
    bool error = is_error(entry, options);
    for (std::size_t index : found->second) {
      out.cases[index].entries.push_back(entry);
      if (error) out.cases[index].errors.push_back(entry);
    }
  }
  return out;
}

}  // namespace glassbox::probes::logs
