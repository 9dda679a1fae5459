// SLO verdicts: every objective of every SLO of a suite judged against its indicator,
// measured from the probe (load phase, else cases), the cases' spans, or the service's
// metrics (measured by the runner and passed in). See sli_measure.hpp for what the probe
// and span sources count and objective_verdict.hpp for pass/warn/fail and the messages.
//
// Pure functions; thread-safe as long as no other thread changes the arguments.
#pragma once

#include <string>
#include <vector>

#include "reports/model/results.hpp"
#include "reports/verdicts/metric_measurement.hpp"
#include "suites/model/slo.hpp"

namespace glassbox::reports {

// One SloResult per objective, in SLO then objective order. Objectives without data (no
// requests or spans in scope, no metric value, a failed scrape or query) are NotMeasured and
// say why, e.g. "p99 latency not measured: no requests in scope (target demo)".
std::vector<SloResult> evaluate_slos(const std::string& suite, const std::vector<suite::Slo>& slos,
                                     const RunResults& results, const MetricMeasurements& metrics);

}  // namespace glassbox::reports
