// Judges a response against an Expectation: one Check per assertion, each with what the
// suite asked for and what came back, readable enough for a JUnit failure message.
// Pure function; thread-safe.
#pragma once

#include <vector>

#include "reports/model/results.hpp"
#include "suites/model/expectation.hpp"
#include "suites/model/template.hpp"

namespace glassbox::reports {

// `inputs` renders `{{input}}` templates in equals operands. The exchange must hold a
// response (status != 0); transport errors are judged by the runner, not here.
std::vector<Check> evaluate_expectation(const suite::Expectation& expect, const Exchange& exchange,
                                        const suite::Lookup& inputs);

// The first failed check as one line: "status: expected 200, got 400", or "" if none failed.
std::string first_failure(const std::vector<Check>& checks);

}  // namespace glassbox::reports
