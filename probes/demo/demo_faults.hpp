// Injected faults of the built-in demo: added latency and failing answers on a chosen share of
// requests, so SLO and robustness tests have a misbehaving service to measure.
//
// Which requests are hit is deterministic, so a test can predict the counts. Requests the
// faults apply to are numbered n = 1, 2, 3, ... in the order the server reads them (one
// counter per service, shared by all connections). With a ratio r held as parts per million
// p = round(r * 1e6), request n is hit when floor(n * p / 1e6) > floor((n - 1) * p / 1e6):
// after N requests exactly floor(N * p / 1e6) have been hit, spread evenly (ratio 0.02 hits
// requests 50, 100, 150, ...; ratio 1 hits every request). Latency and errors use the same
// counter and rule, each with its own ratio, so one request may be both delayed and failed
// (it fails after the delay).
//
// An injected error is answered instead of the request: the API is not called (an order is
// not created), and the body is {"error":"injected fault"}. An injected delay holds the
// request before it reaches the API; the server keeps serving other requests meanwhile. The
// delay is seen by clients, not in the demo's own spans (they measure the API's work only).
//
// Thread-safety: DemoFaults and the free functions are plain values and pure functions.
// A FaultPlan counts requests and must be used from one thread (the demo's server thread).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "suites/model/expected.hpp"

namespace glassbox::probes {

struct DemoFaults {
  int latency_ms = 0;            // added delay; 0 = none
  double latency_ratio = 1.0;    // share of requests delayed, 0..1 (when latency_ms > 0)
  double error_ratio = 0.0;      // share of requests answered with error_status, 0..1
  int error_status = 500;        // 400..599
  // Path prefix the faults apply to, e.g. "/triangle". "" = every path except /healthz
  // (so a health check stays healthy); an explicit prefix applies to whatever it matches.
  std::string paths;

  bool any() const { return latency_ms > 0 || error_ratio > 0; }
};

inline constexpr int kMaxDemoLatencyMs = 60000;

// Parses "latency_ms=300&latency_ratio=0.02&error_ratio=0.01&error_status=503&paths=/triangle"
// (the query of a `builtin:demo?...` target; a leading '?' is accepted; "" = no faults).
// Keys may come in any order, each at most once. Errors name the key and value, e.g.
//   "unknown demo fault 'latency' (expected latency_ms, latency_ratio, error_ratio,
//    error_status or paths)"
//   "demo fault latency_ratio=1.5: not a ratio between 0 and 1"
// (the full list is in demo_faults.cpp and tested in tests/demo/demo_faults_test.cpp).
Expected<DemoFaults> parse_demo_faults(std::string_view query);

// Checks the ranges and combinations of faults set field by field (e.g. from command-line
// flags); parse_demo_faults() applies the same checks. Errors, e.g.
//   "demo fault latency_ms=-1: not a whole number of milliseconds between 0 and 60000"
//   "demo fault latency_ratio=0.5 needs latency_ms"
Status validate_demo_faults(const DemoFaults& faults);

// One line for logs and start-up notices, e.g.
// "latency 300 ms on 2% of requests, status 500 on 1% of requests (every path but /healthz)";
// "no faults" when none is set.
std::string describe_demo_faults(const DemoFaults& faults);

// What to do with one request.
struct FaultDecision {
  std::chrono::milliseconds delay{0};
  int error_status = 0;          // 0 = answer normally
};

class FaultPlan final {
 public:
  explicit FaultPlan(DemoFaults faults);

  // Counts the request when the faults apply to its target (origin-form, query included)
  // and says what to inject. Requests the faults do not apply to are not counted.
  FaultDecision decide(std::string_view target);

  // Requests counted so far.
  std::uint64_t counted() const { return counter_; }

 private:
  bool applies_to(std::string_view target) const;

  DemoFaults faults_;
  std::uint64_t latency_ppm_;
  std::uint64_t error_ppm_;
  std::uint64_t counter_ = 0;
};

// The ratio rule above, for tests and callers that predict counts: is request n (1-based)
// hit at `parts_per_million`?
bool is_hit(std::uint64_t n, std::uint64_t parts_per_million);
std::uint64_t to_parts_per_million(double ratio);

}  // namespace glassbox::probes
