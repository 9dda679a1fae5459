// Reading JSON-lines logs: one JSON object per line, from text, a file, or the standard
// output of a command the suite names. Lines that are not JSON objects become findings
// (with their line number), never exceptions; blank lines are skipped; every source is
// bounded in bytes (and a command also in time) so a runaway log cannot stall a run.
//
// Free functions, thread-safe. run_log_command spawns a child process and waits for it.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "probes/logs/log_finding.hpp"
#include "suites/model/expected.hpp"

namespace glassbox::probes::logs {

struct ReadLimits {
  std::size_t max_line_bytes = 64 * 1024;          // longer lines are a finding, not parsed
  std::size_t max_total_bytes = 16 * 1024 * 1024;  // the rest of the log is not read
  std::chrono::milliseconds command_timeout{10'000};
  int max_nesting = 128;  // deeper JSON is a finding: bounds the parser's recursion
};

struct LogEntry {
  int line = 0;          // 1-based line in the log
  nlohmann::json fields; // always an object
};

struct LogRead {
  std::vector<LogEntry> entries;
  std::vector<LogFinding> findings;  // rule json, in line order
  int lines = 0;                     // non-blank lines seen (entries + unreadable lines)
  bool truncated = false;            // stopped at max_total_bytes
};

// Splits `text` into lines ("\n", with an optional "\r" before it) and parses each.
// Findings: "not valid JSON (error at column 5)", "is a JSON array, expected an object",
// "is 70000 bytes long, more than the limit of 65536", "nested deeper than 128 levels".
LogRead parse_log_lines(std::string_view text, const ReadLimits& limits = {});

// Reads a file. Error: "cannot open log file 'x': No such file or directory".
// A file larger than max_total_bytes is read up to the limit: truncated is set and a
// finding "log cut at 16777216 bytes" is added (its line is the first line not read whole).
Expected<LogRead> read_log_file(const std::string& path, const ReadLimits& limits = {});

enum class CommandEnd { exited, signalled, timed_out, output_limit };

struct CommandOutput {
  std::string standard_output;   // at most max_total_bytes
  std::string standard_error;    // the first 4 KiB, for messages
  CommandEnd end = CommandEnd::exited;
  int status = 0;  // exit code; the signal number when signalled; SIGKILL when glassbox stopped it

  // "exited with status 0", "killed by signal 9", "timed out after 200 ms",
  // "stopped after 16777216 bytes of output".
  std::string describe(const ReadLimits& limits) const;
  bool succeeded() const { return end == CommandEnd::exited && status == 0; }
};

// Runs `command` with /bin/sh -c (the suite author's text is the only shell input), stdin
// from /dev/null, in its own process group so a timeout kills the whole pipeline.
// Error only when the process cannot be started: "cannot run log command 'x': <reason>".
// A non-zero exit, a signal or a timeout are reported in CommandOutput.
Expected<CommandOutput> run_log_command(const std::string& command, const ReadLimits& limits = {});

struct CommandLog {
  LogRead read;          // what the command printed before it ended
  CommandOutput output;
};

// run_log_command + parse_log_lines. A command that was stopped at the byte limit sets
// read.truncated and the "log cut" finding, as for a file.
Expected<CommandLog> read_log_command(const std::string& command, const ReadLimits& limits = {});

}  // namespace glassbox::probes::logs
