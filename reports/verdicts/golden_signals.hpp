// The golden signals per target (SRE book, chapter 6) from the probe's own measurements:
// traffic (requests, throughput), latency (p50/p95/p99/max) and errors (transport errors and
// 5xx). The load phase of a suite when it ran one, else its cases; see sli_measure.hpp.
// Saturation needs a service-side gauge and is left unset here.
//
// Pure function; thread-safe as long as no other thread changes the RunResults.
#pragma once

#include <vector>

#include "reports/model/results.hpp"

namespace glassbox::reports {

// One entry per suite and target that saw requests, in suite order then the order targets
// first appear. Target names read "suite/target" when the run has more than one suite. A
// load phase whose requests no case ties to a target (load-only runs) gives one entry
// named "all targets".
std::vector<GoldenSignals> golden_signals(const RunResults& results);

}  // namespace glassbox::reports
