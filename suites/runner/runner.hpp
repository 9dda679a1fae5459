// The runner: loads suites, generates their cases, probes the targets and judges every
// response, producing RunResults. It owns the order of things (DESIGN.md data flow) and
// nothing else: techniques, HTTP and judging live in generators/, probes/ and reports/.
//
// Not thread-safe; one run at a time. `RunOptions::interrupted` may be set from a signal
// handler: the run stops sending, marks unfinished cases skipped and returns what it has.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "reports/model/results.hpp"
#include "suites/model/case.hpp"
#include "suites/model/expected.hpp"
#include "suites/model/suite.hpp"

namespace glassbox::runner {

struct Shard {
  int index = 1;   // 1-based
  int count = 1;
};
// "2/3" -> {2, 3}; errors say what is wrong.
Expected<Shard> parse_shard(std::string_view text);

struct RunOptions {
  std::vector<std::filesystem::path> suite_files;
  std::string environment;           // "" = no overlay
  std::uint64_t seed = 1;
  std::string filter;                // glob over case ids; "" = all
  std::optional<Shard> shard;
  int concurrency = 0;               // 0 = the suite's default
  int repeat = 1;                    // send every selected case this many times (ids get "#2", "#3", ...)
  bool insecure = false;             // skip TLS verification for every target
  std::string listen;                // "ADDR:PORT": run the span receiver there ("" = no spans)
  std::string listen_grpc;           // "ADDR:PORT": also receive OTLP/gRPC there, into the same spans ("" = no gRPC)
  std::chrono::milliseconds settle{500};  // after the last probe: quiet period to wait for late spans
  std::string traces_from;           // "jaeger:URL" or "tempo:URL": fetch each case's trace there
  std::filesystem::path paths_from;  // a baseline results file whose path shapes count as declared
  std::string otlp_export;           // OTLP/HTTP base URL: send the run as a trace there ("" = no)
  std::filesystem::path baseline;    // an earlier results file to compare with ("" = none)
  double rate = 0;                   // functional cases started per second at most (0 = no limit)
  const std::atomic<bool>* interrupted = nullptr;
};

struct LoadedSuite {
  suite::Suite suite;
  std::vector<suite::Case> cases;
};

// Loads and generates every suite (no traffic): what `generate` and `validate` show.
Expected<std::vector<LoadedSuite>> load_and_generate(const std::vector<std::filesystem::path>& files,
                                                    std::uint64_t seed);

// The 1-based shard of a case among `count`: a hash of its stable id, so every agent agrees
// on who runs what, and a case keeps its shard when unrelated cases are added or removed.
int shard_of(std::string_view case_id, int count);

// The positions of the case ids the filter and shard select.
std::vector<std::size_t> select_cases(const std::vector<std::string>& case_ids, const std::string& filter,
                                      const std::optional<Shard>& shard);

struct RunObserver {
  std::function<void(const std::vector<std::string>& suites, std::size_t total)> on_start;
  std::function<void(const reports::CaseResult&, std::size_t done, std::size_t total)> on_case;
  std::function<void(const std::string& line)> on_notice;   // e.g. "demo target listening on ..."
  // The load phase's progress, about four times a second (suite name, profile, figures).
  std::function<void(const std::string& suite, const std::string& profile, double elapsed_s, double planned_s,
                     std::uint64_t completed, double rate, std::uint64_t p99_us)>
      on_load_progress;
};

enum class FailureKind { None, Suite, Infrastructure };

struct RunOutcome {
  // With an Infrastructure failure at the pre-flight check, the planned cases, each an
  // error naming the unreachable target (for the reports); otherwise empty on failure.
  reports::RunResults results;
  FailureKind failure = FailureKind::None;
  Error error;                       // set when failure != None
};

RunOutcome run(const RunOptions& options, const RunObserver& observer);

}  // namespace glassbox::runner
