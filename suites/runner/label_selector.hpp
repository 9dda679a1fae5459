// PromQL label matchers as a suite writes them for a metric SLI, without braces:
//   route="/orders", code=~"5..", method!="GET"
// parsed into prometheus::LabelMatcher values. Values are double- or single-quoted with
// PromQL's escapes (\\, \", \', \n, \t); a trailing comma is allowed; "" is no matcher.
//
// Pure functions; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "probes/prometheus/promql_math.hpp"
#include "suites/model/expected.hpp"

namespace glassbox::runner {

// Errors name the text and the 1-based column:
//   "label matchers 'code=5..': column 6: expected a quoted value"
Expected<std::vector<prometheus::LabelMatcher>> parse_label_matchers(std::string_view text);

}  // namespace glassbox::runner
