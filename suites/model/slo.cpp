#include "suites/model/slo.hpp"

#include <fmt/format.h>

namespace glassbox::suite {

std::string Objective::name() const {
  switch (kind) {
    case ObjectiveKind::Latency:
      if (quantile >= 1.0) return "max latency";
      return fmt::format("p{} latency", fmt::format("{:g}", quantile * 100));
    case ObjectiveKind::ErrorRate: return "error rate";
    case ObjectiveKind::Availability: return "availability";
    case ObjectiveKind::Throughput: return "throughput";
  }
  return "objective";
}

std::vector<BurnRule> default_burn_rules() {
  using std::chrono::hours;
  using std::chrono::minutes;
  using std::chrono::seconds;
  return {
      {seconds(hours(1)), seconds(minutes(5)), 14.4},
      {seconds(hours(6)), seconds(minutes(30)), 6.0},
      {seconds(hours(72)), seconds(hours(6)), 1.0},
  };
}

}  // namespace glassbox::suite
