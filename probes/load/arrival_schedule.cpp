#include "probes/load/arrival_schedule.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace glassbox::probes::detail {
namespace {

double seconds(std::chrono::nanoseconds d) { return std::chrono::duration<double>(d).count(); }

// Arrivals a segment holds: the area under its rate line.
double area(const ArrivalSchedule::Segment& segment) {
  return std::max(0.0, (segment.from_rate + segment.to_rate) / 2 * seconds(segment.duration));
}

}  // namespace

ArrivalSchedule::ArrivalSchedule(std::vector<Segment> segments) : segments_(std::move(segments)) {}

ArrivalSchedule ArrivalSchedule::of_stages(const suite::LoadProfile& profile) {
  std::vector<Segment> segments;
  double from = profile.start_rate;
  for (const suite::LoadStage& stage : profile.stages) {
    segments.push_back(Segment{from, stage.rate, stage.duration});
    from = stage.rate;
  }
  return ArrivalSchedule(std::move(segments));
}

std::optional<std::chrono::nanoseconds> ArrivalSchedule::next() {
  while (segment_ < segments_.size()) {
    const Segment& segment = segments_[segment_];
    const double length = seconds(segment.duration);
    const double wanted = static_cast<double>(next_arrival_) - arrivals_before_;   // within this segment
    const double held = area(segment);
    if (length <= 0 || wanted >= held) {
      segment_start_s_ += std::max(0.0, length);
      arrivals_before_ += held;
      ++segment_;
      continue;
    }
    // Solve r0*s + k*s^2 = wanted with k = (r1 - r0) / (2 * length). This form of the root
    // is exact for k == 0 and does not cancel when k is small; wanted < held keeps the
    // discriminant positive up to rounding.
    const double r0 = std::max(0.0, segment.from_rate);
    const double k = (std::max(0.0, segment.to_rate) - r0) / (2 * length);
    const double root = std::sqrt(std::max(0.0, r0 * r0 + 4 * k * wanted));
    const double s = wanted <= 0 ? 0.0 : 2 * wanted / (r0 + root);
    ++next_arrival_;
    const double offset = segment_start_s_ + std::min(s, length);
    return std::chrono::round<std::chrono::nanoseconds>(std::chrono::duration<double>(offset));
  }
  return std::nullopt;
}

std::uint64_t ArrivalSchedule::total() const {
  double sum = 0;
  for (const Segment& segment : segments_) sum += area(segment);
  return static_cast<std::uint64_t>(std::ceil(sum));
}

}  // namespace glassbox::probes::detail
