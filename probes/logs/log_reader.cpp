#include "probes/logs/log_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

namespace glassbox::probes::logs {
namespace {

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// nlohmann's parser recurses once per nesting level; a 64 KiB line of '[' would overflow the
// stack, so depth is measured first with a scan that skips string contents.
int nesting_depth(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
    else if (c == ']' || c == '}') --depth;
  }
  return deepest;
}

void add_finding(LogRead& out, int line, std::string message) {
  out.findings.push_back(LogFinding{line, LogRule::json, std::move(message)});
}

void parse_line(LogRead& out, int line_number, std::string_view line, const ReadLimits& limits) {
  ++out.lines;
  if (line.size() > limits.max_line_bytes) {
    add_finding(out, line_number, fmt::format("is {} bytes long, more than the limit of {}",
                                              line.size(), limits.max_line_bytes));
    return;
  }
  if (nesting_depth(line) > limits.max_nesting) {
    add_finding(out, line_number, fmt::format("nested deeper than {} levels", limits.max_nesting));
    return;
  }
  nlohmann::json value;
  try {
    value = nlohmann::json::parse(line.begin(), line.end());
  } catch (const nlohmann::json::parse_error& e) {
    add_finding(out, line_number, fmt::format("not valid JSON (error at column {})", e.byte));
    return;
  } catch (const nlohmann::json::out_of_range&) {
    // A number beyond double's range (1e999) is well-formed JSON that nlohmann refuses
    // with out_of_range, not parse_error, and without a position.
    add_finding(out, line_number, "not valid JSON (a number is out of range)");
    return;
  }
  if (!value.is_object()) {
    add_finding(out, line_number,
                fmt::format("is a JSON {}, expected an object", value.type_name()));
    return;
  }
  out.entries.push_back(LogEntry{line_number, std::move(value)});
}

}  // namespace

LogRead parse_log_lines(std::string_view text, const ReadLimits& limits) {
  LogRead out;
  int line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!is_blank(line)) parse_line(out, line_number, line, limits);
    start = end + 1;
  }
  return out;
}

namespace {

// A log cut at the byte limit ends in a partial line: it is dropped and named in a finding,
// so a cut line is never judged as if it were whole.
LogRead parse_cut(std::string_view text, const ReadLimits& limits) {
  std::size_t last_newline = text.rfind('\n');
  std::string_view whole = last_newline == std::string_view::npos ? std::string_view{}
                                                                   : text.substr(0, last_newline + 1);
  LogRead out = parse_log_lines(whole, limits);
  out.truncated = true;
  int first_not_read = static_cast<int>(std::count(whole.begin(), whole.end(), '\n')) + 1;
  add_finding(out, first_not_read, fmt::format("log cut at {} bytes", limits.max_total_bytes));
  return out;
}

}  // namespace

Expected<LogRead> read_log_file(const std::string& path, const ReadLimits& limits) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error(fmt::format("cannot open log file '{}': {}", path, std::strerror(errno)));
  }
  std::string text(limits.max_total_bytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return Error(fmt::format("cannot read log file '{}'", path));
  if (text.size() <= limits.max_total_bytes) return parse_log_lines(text, limits);
  text.resize(limits.max_total_bytes);
  return parse_cut(text, limits);
}

Expected<CommandLog> read_log_command(const std::string& command, const ReadLimits& limits) {
  auto output = run_log_command(command, limits);
  if (!output) return output.error();
  CommandLog log;
  log.output = std::move(*output);
  if (log.output.end == CommandEnd::output_limit) {
    log.read = parse_cut(log.output.standard_output, limits);
  } else {
    log.read = parse_log_lines(log.output.standard_output, limits);
  }
  return log;
}

}  // namespace glassbox::probes::logs
