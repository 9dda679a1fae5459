// The results model: what a run measured and judged. Results JSON (results_json.hpp) is
// its serialised form and the source of truth: every report is rendered from it, and
// shard files merge into one (merge.hpp).
//
// Plain data. Secrets are redacted before values enter this model (see redact.hpp), so
// writers can print everything they find here.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "reports/model/histogram.hpp"
#include "reports/model/service_levels.hpp"
#include "suites/model/value.hpp"

namespace glassbox::reports {

inline constexpr int kSchemaVersion = 1;

enum class Outcome { Passed, Failed, Error, Skipped };
std::string_view to_string(Outcome o);                 // "passed", "failed", "error", "skipped"
std::optional<Outcome> outcome_from_string(std::string_view s);

using Headers = std::vector<std::pair<std::string, std::string>>;

// One judged expectation: "status", "json /kind equals", "header content-type matches", "latency".
struct Check {
  std::string name;
  bool passed = false;
  std::string expected;   // what the suite asked for, readable: "200", "\"scalene\"", "<= 500 ms"
  std::string actual;     // what came back, readable
};

// One attempt of a request on the wire (retries add attempts). span_id is the parent id
// sent in that attempt's traceparent.
struct Attempt {
  std::string span_id;
  int status = 0;          // 0 when no response
  std::string error;       // "" when a response arrived; else e.g. "timeout after 2000 ms"
  double latency_ms = 0;
};

// The request as sent and the response as received (bodies capped, secrets redacted).
struct Exchange {
  std::string method;
  std::string url;
  Headers request_headers;
  std::string request_body;
  int status = 0;
  Headers response_headers;
  std::string response_body;
  bool response_body_truncated = false;
  double latency_ms = 0;   // of the final attempt
};

// One span of a case's trace, as reports show it: a waterfall row.
struct TraceSpan {
  std::string span_id;
  std::string parent_span_id;
  std::string name;
  std::string service;
  std::string kind;             // "server", "internal", ... (suites/model/span.hpp to_string)
  std::string status;           // "unset", "ok", "error"
  std::string status_message;
  double start_ms = 0;          // from the start of the trace's earliest span
  double duration_ms = 0;
  int depth = 0;                // 0 for a top-level span
  std::string place;            // "root", "probe_child", "child" or "orphan" (its parent never arrived)
  Value attributes = Value::object();
};

// One request of a multi-step case (state transitions), as it went. The case's exchange,
// checks and message are those of the last step sent; its attempts are every step's.
struct StepResult {
  std::string request;          // request name
  std::string label;            // "pay: created -> paid"
  Outcome outcome = Outcome::Skipped;  // skipped: not sent, an earlier step failed
  std::string message;          // first failure or error; "" when passed
  std::string method;
  std::string url;
  int status = 0;
  double latency_ms = 0;
};

struct CaseResult {
  std::string id;               // stable case id (suite::make_case_id)
  std::string suite;            // suite name (shards and multi-suite runs)
  std::string request;
  std::string target;           // the target's name in the suite (SLO scopes, golden signals per target)
  std::string technique;
  std::string form;
  std::string label;
  std::string expected_outcome;
  Value inputs = Value::object();            // input name -> value
  std::map<std::string, std::string> classes;  // input name -> class (and boundary) it stands for
  Outcome outcome = Outcome::Skipped;
  std::string message;          // first failure or the error, readable; "" when passed
  std::vector<Check> checks;
  std::string trace_id;         // 32 hex
  std::vector<Attempt> attempts;
  Exchange exchange;
  double start_offset_ms = 0;   // from the start of the run
  std::vector<TraceSpan> spans; // the case's trace, in tree order (parents before children)
  std::vector<StepResult> steps;  // multi-step cases only
  std::vector<std::string> covers;  // the technique's items it exercises ("rule:R1", "transition:...")
  std::vector<LogLineRef> log_lines;  // log lines with the case's trace id (error lines first), capped at 50
};

// What the run heard from the services' telemetry. `collected` is false when no spans were
// asked for (no receiver, no trace source): reports then say nothing about spans.
struct Telemetry {
  bool collected = false;
  std::string source;                   // e.g. "OTLP receiver on http://127.0.0.1:4318"
  std::uint64_t received = 0;           // spans received, duplicates included
  std::uint64_t matched = 0;            // spans of a case's trace
  std::uint64_t unmatched = 0;          // spans of no case of this run
  std::uint64_t duplicates = 0;         // the same span again (exporter retries)
  std::uint64_t orphans = 0;            // spans whose parent never arrived
  std::map<std::string, std::uint64_t> unmatched_by_service;
};

struct Totals {
  int cases = 0, passed = 0, failed = 0, errors = 0, skipped = 0;
};

// One white-box coverage item of a service: an operation, a branch value, a condition
// combination or a path shape. Items keep the ids of the cases that covered them, so a report
// can say which case covers a branch and which branch no case reaches.
//   operations: "validate"                 branches:   "classify.branch=scalene"
//   conditions: "decide{member=true,coupon=false}"
//   paths:      "POST /triangle: POST /triangle(classify(inequality),parse_body,validate)"
// Non-string values appear as their JSON text (branch=true, code=3).
struct CoverageItem {
  std::string suite;
  std::string service;
  std::string kind;                  // "operations", "branches", "conditions", "paths"
  std::string item;
  bool declared = true;              // false: seen in spans, not in the suite's model
  std::vector<std::string> cases;    // covering case ids, in run order; empty = not covered
};

// Declared items of one kind for one service of one suite, judged against its goal.
struct CoverageTotal {
  std::string suite;
  std::string service;
  std::string kind;
  int covered = 0;                   // declared items covered by at least one case
  int declared = 0;
  std::optional<double> goal;        // percent; unset = reported, not judged

  double percent() const { return declared == 0 ? 100.0 : 100.0 * covered / declared; }
  bool passed() const { return !goal || percent() + 1e-9 >= *goal; }
};

struct RunResults {
  int schema_version = kSchemaVersion;
  std::string tool_version;
  std::vector<std::string> suites;     // suite names
  std::vector<std::string> suite_files;
  std::string environment;             // "" when none was chosen
  std::uint64_t seed = 0;
  std::string started_at;              // RFC 3339 UTC
  double duration_ms = 0;
  bool interrupted = false;            // Ctrl-C: cases not run are Skipped
  std::string shard;                   // "I/N" or ""
  std::string hostname;                // the machine that ran the cases (JUnit's testsuite hostname)
  std::vector<CaseResult> cases;
  Histogram latency;                   // every final attempt
  std::map<std::string, Histogram> latency_by_request;  // "suite/request" -> histogram
  Telemetry telemetry;
  std::vector<CoverageItem> coverage;          // declared items first, per suite/service/kind
  std::vector<CoverageTotal> coverage_totals;
  std::vector<LoadResult> load;                // one per suite with a load phase
  std::vector<GoldenSignals> golden_signals;   // per target
  std::vector<SloResult> slos;
  std::vector<ErrorBudgetResult> error_budgets;
  std::optional<Comparison> comparison;        // when run or rendered with a baseline
  std::vector<LogResult> logs;

  Totals totals() const;
  // Exit status semantics: true when no case failed or errored, every coverage goal held
  // (goals are not judged on one shard's partial results, only once shards are merged), no
  // SLO or burn-rate verdict failed, no required log had findings and nothing regressed
  // against the baseline.
  bool passed() const;
};

}  // namespace glassbox::reports
