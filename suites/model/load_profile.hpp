// A load profile: how the load phase of a run drives the targets (DESIGN.md "SLOs per
// environment"). Closed: N workers, each sending its next request when the previous one
// answered, for a duration and/or a count. Open: requests are sent at an arrival rate that
// does not wait for answers (constant, or ramping through stages); latency is measured from
// each request's intended send time, so a stalled service cannot hide behind fewer sends.
//
// The load phase cycles through the valid cases of the named requests (their expected
// outcome is a success): the same requests, bodies and headers the functional cases send.
// Plain data; see docs/suite-format.md, section "load".
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "suites/model/expected.hpp"

namespace glassbox::suite {

enum class LoadModel { Closed, Open };

// One stage of an open profile: the arrival rate goes linearly from the rate at the end of
// the previous stage (the profile's start_rate for the first) to `rate` over `duration`.
// A constant rate is one stage with start_rate == rate.
struct LoadStage {
  double rate = 0;                        // requests per second at the end of the stage
  std::chrono::milliseconds duration{0};
};

struct LoadProfile {
  LoadModel model = LoadModel::Closed;

  // closed: `workers` requests in flight; stops at `duration` or after `count` requests,
  // whichever comes first (at least one of them is set).
  int workers = 8;
  std::optional<std::chrono::milliseconds> duration;
  std::optional<std::uint64_t> count;

  // open: the arrival-rate stages, and the connections (per target) that carry them.
  double start_rate = 0;                  // requests per second when the first stage begins
  std::vector<LoadStage> stages;
  int connections = 16;
  // At most this many requests outstanding; beyond it, sends wait (their latency still
  // counts from the intended time) so memory stays bounded when a service stalls.
  int max_in_flight = 10000;

  // Which requests' valid cases to send, with relative weights; empty = every request
  // that needs no captured value, weight 1.
  std::vector<std::pair<std::string, double>> requests;
  std::optional<int> timeout_ms;          // per request; unset = the suite's default
  std::chrono::milliseconds warmup{0};    // sent but not measured
  SourceLocation where;

  // The planned length of the measured part (closed: duration if set; open: the sum of the
  // stages). nullopt for a closed profile bounded only by count.
  std::optional<std::chrono::milliseconds> planned_duration() const;
  // Open profiles: the arrival rate `elapsed` after the start of the measured part.
  double rate_at(std::chrono::nanoseconds elapsed) const;
  // "closed: 16 workers for 30 s", "open: 200/s for 30 s", "open: 3 stages, 0 -> 500/s over 60 s"
  std::string describe() const;
};

}  // namespace glassbox::suite
