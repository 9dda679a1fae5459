// The service-level part of the results model: the load phase's measurements, the golden
// signals per target, SLO verdicts, the error budget with its burn rates, the comparison
// with a baseline run, and the structured-log checks. Plain data, like results.hpp.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "reports/model/histogram.hpp"

namespace glassbox::reports {

// A verdict with a middle ground: Warn passes the run but says the margin is thin.
// NotMeasured: the SLI had no data (no requests in scope, no metric series, no query API);
// it passes the run and says so.
enum class Verdict { Pass, Warn, Fail, NotMeasured };
std::string_view to_string(Verdict v);   // "pass", "warn", "fail", "not_measured"
std::optional<Verdict> verdict_from_string(std::string_view s);

// One interval of the load phase (one second by default): what was sent, what failed, and the
// latency histogram of the requests *intended* in it, for percentiles over time.
struct LoadInterval {
  double start_s = 0;            // from the start of the measured part
  std::uint64_t requests = 0;    // completed (answered or failed) in the interval
  std::uint64_t errors = 0;      // transport errors and 5xx
  Histogram latency;             // from intended send time
};

// The load phase of one suite (one profile), in constant memory: histograms and counters, never
// per-request records.
struct LoadResult {
  std::string suite;
  std::string profile;           // LoadProfile::describe(), e.g. "open: 200/s for 30 s"
  std::string model;             // "closed" or "open"
  double planned_rate = 0;       // open: the peak intended rate per second; closed: 0
  double duration_s = 0;         // measured part, first intended send to last completion
  std::uint64_t sent = 0;        // measured requests sent
  std::uint64_t completed = 0;   // answered (any status) or failed
  std::uint64_t errors = 0;      // transport errors + 5xx
  std::uint64_t transport_errors = 0;
  std::uint64_t late = 0;        // open: sent more than 1 ms after their intended time
  std::map<int, std::uint64_t> statuses;   // HTTP status -> count (0 = no response)
  std::map<std::string, std::uint64_t> error_kinds;   // "timeout", "connect", ... -> count
  Histogram latency;             // from intended send time (coordinated omission corrected)
  Histogram service_time;        // from the actual send (what a naive tool reports)
  std::map<std::string, Histogram> latency_by_request;   // "suite/request" -> from intended
  std::map<std::string, std::uint64_t> errors_by_request;
  std::map<std::string, std::uint64_t> requests_by_request;
  std::vector<LoadInterval> timeline;
  bool interrupted = false;

  double throughput() const { return duration_s > 0 ? static_cast<double>(completed) / duration_s : 0; }
  double error_rate() const { return completed ? static_cast<double>(errors) / static_cast<double>(completed) : 0; }
};

// The four golden signals of one target (SRE book, chapter 6), from the probe's measurements.
struct GoldenSignals {
  std::string target;            // target name (or "suite/target" in multi-suite runs)
  std::string source;            // "load" or "cases"
  std::uint64_t requests = 0;
  double p50_ms = 0, p95_ms = 0, p99_ms = 0, max_ms = 0;   // latency
  double error_rate = 0;                                   // errors
  double throughput = 0;                                   // traffic, requests per second
  std::optional<double> saturation;   // from metrics when the suite names a gauge; else unset
  std::string saturation_source;      // e.g. "process_cpu_seconds_total rate"
};

// One SLO objective's verdict.
struct SloResult {
  std::string suite;
  std::string slo;               // the SLO's name
  std::string objective;         // "p99 latency", "error rate", "availability", "throughput"
  std::string source;            // "probe (load)", "probe (cases)", "spans", "metrics (scrape)", "metrics (query)"
  std::string scope;             // "target demo, request classify", "operation classify", "http_requests_total{...}"
  Verdict verdict = Verdict::NotMeasured;
  std::optional<double> measured;
  double threshold = 0;
  std::string unit;              // "ms", "%", "/s" (ratios are stored as 0..1, shown as %)
  std::string comparison;        // "<=" or ">="
  // Room left, in the unit (threshold - measured for <=, measured - threshold for >=);
  // negative when the objective failed.
  std::optional<double> margin;
  std::uint64_t samples = 0;     // requests or spans it was measured on
  std::string message;           // "p99 latency 312 ms > 200 ms (56% over)"
};

// One burn-rate rule evaluated: both windows must burn faster than factor to fire.
struct BurnWindow {
  std::string long_window;       // "1h"
  std::string short_window;      // "5m"
  double factor = 0;
  std::optional<double> long_burn;    // unset: not measured (no query API named)
  std::optional<double> short_burn;
  std::string short_source;      // "run" (the run's own measurements) or "query"
  Verdict verdict = Verdict::NotMeasured;   // Fail when it fires
  std::string message;
};

struct ErrorBudgetResult {
  std::string suite;
  double availability = 0;       // objective, e.g. 0.999
  double budget = 0;             // 1 - availability
  std::string period;            // "30d"
  std::uint64_t requests = 0;    // the run's requests in scope
  std::uint64_t errors = 0;
  double error_rate = 0;         // errors / requests
  double burn_rate = 0;          // error_rate / budget over the run
  double consumed = 0;           // share of the period's budget this run's errors would use
                                 // if the run's error rate held for the whole period (= burn_rate)
  std::vector<BurnWindow> windows;
  Verdict verdict = Verdict::NotMeasured;
  std::string message;
};

// One compared measure of a run against its baseline.
struct Regression {
  std::string kind;              // "latency", "error_rate", "throughput", "case", "coverage"
  std::string subject;           // "p95 latency (load)", "classify/valid/scalene", "branches classify.branch=isosceles"
  std::string baseline;          // readable values
  std::string current;
  std::string change;            // "+23%", "+1.5 points", "passed -> failed"
  std::string allowed;           // "+10%"
  bool regressed = false;
};

struct Comparison {
  std::string baseline_file;
  std::string baseline_environment;
  std::string baseline_started_at;
  std::vector<Regression> items;   // regressions first, then measures that held

  bool regressed() const;
};

// One log the suite checks.
struct LogLineRef {
  int line = 0;                  // 1-based line in the log
  std::string level;
  std::string text;              // the line, capped at 2 KiB, secrets redacted
};
struct LogResult {
  std::string suite;
  std::string name;
  std::string origin;            // file path or "command: ..."
  bool required = true;
  int lines = 0, valid = 0, invalid = 0;
  int correlated = 0;            // lines tied to a case by trace id
  int uncorrelated = 0;
  std::vector<std::string> findings;   // "line 7: timestamp ...", capped at 100
  std::string error;             // the log could not be read: why
  bool passed() const { return error.empty() && (!required || invalid == 0); }
};

}  // namespace glassbox::reports
