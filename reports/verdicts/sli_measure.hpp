// The run's own service-level measurements of one scope, as SLO verdicts, golden signals and
// the error budget read them:
//   probe:  the load phase of the suite when one ran (histograms from the intended send
//           time), else the final attempts of its cases (each sent step of a multi-step
//           case counts as one request). An error is a transport error (no response) or a
//           5xx answer. Throughput divides by the load phase's length, or by the run's.
//   spans:  the spans of the suite's cases with a given service and operation (span name);
//           an error is status "error".
//
// A case's target is CaseResult::target, or the origin of its URL ("http://host:port") when
// the runner left it empty. A load-phase request is tied to a target through the cases of
// the same request; requests no case ran cannot be tied to one.
//
// Pure functions; thread-safe as long as no other thread changes the RunResults.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "reports/model/results.hpp"

namespace glassbox::reports {

struct SliMeasure {
  std::string source;               // "probe (load)", "probe (cases)" or "spans"
  std::string scope;                // "target demo, request classify", "operation classify", "all requests"
  std::uint64_t requests = 0;       // requests or spans measured
  std::uint64_t errors = 0;
  double seconds = 0;               // the window throughput divides by; 0 = unknown
  Histogram latency;                // load phase: latency from the intended send time
  std::vector<double> latencies_ms; // cases and spans: every value, exact percentiles

  // The latency at quantile q (1 = max) in ms: nearest rank over exact values, the
  // histogram's bucket edge for a load phase. 0 without samples.
  double latency_ms(double q) const;
  double error_rate() const;                 // errors / requests; 0 without requests
  std::optional<double> throughput() const;  // requests / seconds; unset without a window
};

// The probe measurements of `suite` ("" = every suite) limited to `target` and `request`
// ("" = all).
SliMeasure measure_probe(const RunResults& results, const std::string& suite, const std::string& target,
                         const std::string& request);

// The same from one phase: every load phase of `suite` (empty when none ran), or the cases
// alone even when a load phase ran.
SliMeasure measure_load(const RunResults& results, const std::string& suite, const std::string& target,
                        const std::string& request);
SliMeasure measure_cases(const RunResults& results, const std::string& suite, const std::string& target,
                         const std::string& request);

// Spans of the cases of `suite` ("" = every suite) named `operation` from `service` ("" = any).
SliMeasure measure_spans(const RunResults& results, const std::string& suite, const std::string& service,
                         const std::string& operation);

// The target a case was sent to: CaseResult::target, else its URL's origin, else "".
std::string case_target(const CaseResult& c);

// The load phase of `suite`, or nullptr.
const LoadResult* find_load(const RunResults& results, const std::string& suite);

// The target of a load-phase request ("suite/request" key), found through the cases of that
// request; "" when no case of it names one.
std::string load_request_target(const RunResults& results, const std::string& key);

}  // namespace glassbox::reports
