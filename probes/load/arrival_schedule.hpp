// Intended send times of an open load profile. The n-th arrival (from 0) is due when the
// integral of the arrival rate from the schedule's start reaches n, so a constant rate r
// gives sends every 1/r seconds and a linear ramp gives sends closer and closer together;
// over a schedule the count is the integral, rounded up. Pure; not thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "suites/model/load_profile.hpp"

namespace glassbox::probes::detail {

class ArrivalSchedule final {
 public:
  // The rate goes linearly from from_rate to to_rate over duration (requests per second).
  struct Segment {
    double from_rate = 0;
    double to_rate = 0;
    std::chrono::nanoseconds duration{0};
  };

  explicit ArrivalSchedule(std::vector<Segment> segments);
  // The measured part of an open profile: its stages from start_rate on.
  static ArrivalSchedule of_stages(const suite::LoadProfile& profile);

  // The next arrival's offset from the schedule's start, or nullopt after the last one.
  std::optional<std::chrono::nanoseconds> next();
  // Arrivals the whole schedule holds (the integral of the rate, rounded up).
  std::uint64_t total() const;

 private:
  std::vector<Segment> segments_;
  std::size_t segment_ = 0;
  double segment_start_s_ = 0;   // offset of the current segment
  double arrivals_before_ = 0;   // the integral up to the current segment
  std::uint64_t next_arrival_ = 0;
};

}  // namespace glassbox::probes::detail
