// A large, deterministic, realistic run for the HTML report's scale tests and its benchmark
// (bench/html): N cases over several techniques of uneven size, ~5% failures and ~1% errors,
// retries on some, a span waterfall on every tenth case, coverage items covered by thousands
// of cases, and a load phase with SLOs. Built in memory; nothing random.
#pragma once

#include <cstddef>

#include "reports/model/results.hpp"

namespace glassbox::reports::testing {

// The techniques' shares of the cases, largest first: pairwise gets 40% of them.
inline constexpr const char* kLargeRunTechniques[] = {"pairwise", "partitions", "boundaries", "decision_table",
                                                      "state_transitions", "error_guessing", "property"};

RunResults large_run(std::size_t cases);

}  // namespace glassbox::reports::testing
