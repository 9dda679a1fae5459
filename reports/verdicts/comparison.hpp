// A run compared with a baseline run (a beta run against an alpha one, or against an earlier
// beta): what regressed beyond the suite's thresholds.
//   latency     p50/p95/... of the load phases when both runs have one, else of every
//               final attempt (RunResults::latency); relative growth against the allowance;
//   error rate  the probe's error share (load phase, else cases), growth in points;
//   throughput  the load phases' completed requests per second, relative drop (load only);
//   cases       a case id that passed in the baseline and failed or errored now;
//   coverage    a declared item some case covered in the baseline that no case covers now
//               (items the current run no longer declares are not compared).
// Measures that held are listed after the regressions, so a report shows what was compared.
//
// Pure functions; thread-safe as long as no other thread changes the runs.
#pragma once

#include <string>

#include "reports/model/results.hpp"
#include "suites/model/slo.hpp"

namespace glassbox::reports {

Comparison compare_runs(const RunResults& baseline, const RunResults& current,
                        const suite::CompareThresholds& thresholds,
                        std::string baseline_file);

// The comparison `glassbox report --baseline` draws without a suite: default thresholds
// (p50/p95/p99 may grow 10%, error rate 1 point, throughput may drop 10%, no new failures,
// no coverage lost).
Comparison compare_with_defaults(const RunResults& baseline, const RunResults& current, std::string baseline_file);

}  // namespace glassbox::reports
