// The verdict of one SLO objective from its measured value: pass, warn (passes with thin
// room), fail, or not measured, with the margin and a message that names value, threshold
// and how far apart they are:
//   "p99 latency 312 ms > 200 ms (56% over)"
//   "availability 99.95% >= 99.9% (margin 0.05 points)"
//   "error rate 0.95% <= 1% (margin 0.05 points; warns above 0.9%)"
//   "throughput not measured: no requests in scope (all requests)"
//
// When a passing value warns (warn_at in (0, 1); other values never warn):
//   latency, error rate (<=): measured > warn_at x threshold;
//   availability (>=):        the error share 1 - measured uses more than warn_at of the
//                             allowed 1 - threshold;
//   throughput (>=):          measured < threshold / warn_at.
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "reports/model/service_levels.hpp"
#include "suites/model/slo.hpp"

namespace glassbox::reports {

struct ObjectiveVerdict {
  Verdict verdict = Verdict::NotMeasured;
  std::optional<double> margin;   // threshold - measured (<=) or measured - threshold (>=)
  std::string unit;               // "ms", "%" (ratios, stored 0..1) or "/s"
  std::string comparison;         // "<=" or ">="
  std::string message;
};

// `measured` is in the objective's unit (ms, ratio 0..1, per second). Unset or NaN gives
// NotMeasured with "<objective> not measured: <not_measured_reason>".
ObjectiveVerdict judge_objective(const suite::Objective& objective, std::optional<double> measured, double warn_at,
                                 std::string_view not_measured_reason);

// True for objectives whose measured value must stay at or below the threshold.
bool is_upper_bound(suite::ObjectiveKind kind);

}  // namespace glassbox::reports
