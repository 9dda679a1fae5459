// One fixed, fake run shared by the reports tests: a few passed, failed, errored and
// skipped cases over two suites, carrying hostile strings (markup, "]]>", control
// characters, invalid UTF-8, quotes, pipes, backticks) in every place a service or a
// suite author can put text. Golden files are rendered from it, so change it only
// together with the approved files (scripts/accept-golden.sh).
#pragma once

#include <vector>

#include "reports/model/results.hpp"

namespace glassbox::reports::testing {

// The cases of the fake run, in run order.
std::vector<CaseResult> fake_cases();

// A run holding `cases`, with latency histograms computed from them, as the runner
// would record them.
RunResults run_of(std::vector<CaseResult> cases);

// run_of(fake_cases()).
RunResults fake_results();

}  // namespace glassbox::reports::testing
