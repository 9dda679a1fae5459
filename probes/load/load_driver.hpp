// The load engine: drives one load profile (suites/model/load_profile.hpp) against the
// targets through the probe's HTTP client and measures it in constant memory
// (reports/model/service_levels.hpp, LoadResult).
//
//   closed: `workers` requests in flight; each worker sends its next request when the
//           previous one completed, until the duration has passed or `count` measured
//           requests were sent. Latency is measured from the actual send.
//   open:   requests are due at the arrival rate of the profile's stages (the integral of
//           the rate, so a constant rate is evenly spaced and a ramp speeds up linearly)
//           and are sent when due, whether or not earlier ones answered. Latency counts
//           from the intended send time, so a stall delays every request that was due
//           during it (coordinated omission corrected); `service_time` keeps the naive
//           measure, from the moment a connection took the request (a wait for a free
//           connection is not in it), and `late` counts requests that went on the wire
//           more than 1 ms after their intended time.
//           At most max_in_flight requests are outstanding; beyond that sends wait.
//
// Requests are mixed by smooth weighted round robin (deterministic). Each carries a fresh
// trace id with the sampled flag off, so services sampling by their parent's decision do
// not record load traffic as traces. Retries are off. Errors are transport errors and 5xx.
// The warmup is sent but not measured. Nothing is kept per request after it completed.
//
// Threading: run_load blocks the calling thread, which drives the client's I/O and calls
// on_progress. `interrupted` may be set from any thread (a signal handler's flag): sending
// stops, outstanding requests are cancelled (not counted), and the result so far returns
// with `interrupted` set.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "probes/http/http_client.hpp"
#include "reports/model/service_levels.hpp"
#include "suites/model/load_profile.hpp"

namespace glassbox::probes {

struct LoadRequest {
  std::string key;               // "suite/request", the key of the per-request results
  HttpRequest request;           // trace_id is ignored: every send gets a fresh one
  double weight = 1;             // relative share of the mix; <= 0 never sent
};

struct LoadProgress {
  double elapsed_s = 0;          // since the start, warmup included
  double planned_s = 0;          // warmup + planned duration; 0 when bounded only by count
  std::uint64_t sent = 0, completed = 0, errors = 0;   // measured requests
  double current_rate = 0;       // completions per second since the previous report
  std::uint64_t p99_us = 0;      // of `latency` so far
};

struct LoadPlan {
  std::string suite;
  suite::LoadProfile profile;
  std::vector<LoadRequest> requests;
  // max_connections_per_host is replaced by the profile's workers (closed) or connections (open).
  ClientOptions client;
  const std::atomic<bool>* interrupted = nullptr;
  std::function<void(const LoadProgress&)> on_progress;   // ~4 times a second, and once at the end
  std::chrono::milliseconds interval{1000};               // the timeline's resolution
};

// Runs the profile to its end (or the interrupt) and returns what was measured. With no
// request of positive weight, or a closed profile with neither duration nor count, nothing
// is sent and the result is empty but for its description.
reports::LoadResult run_load(const LoadPlan& plan);

}  // namespace glassbox::probes
