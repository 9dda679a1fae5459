// White-box coverage from spans: a suite's coverage model (suites/model/coverage.hpp)
// judged against the spans its cases' traces carried. Each declared item keeps the ids of
// the cases that covered it; values seen in spans but not declared are listed too, so a
// report shows both what no case reaches and what the model forgot.
//
// Pure functions; thread-safe as long as no other thread touches the same RunResults.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "reports/model/results.hpp"
#include "suites/model/coverage.hpp"

namespace glassbox::reports {

// Canonical shape of the subtree under rows[index]: "name(child,child(grandchild))",
// children's shapes sorted as text and joined by ','; a leaf is just its name. Children are
// the rows whose parent_span_id is rows[index].span_id.
std::string path_shape(const std::vector<TraceSpan>& rows, std::size_t index);

// Coverage of `model` (of suite `suite_name`) over the cases of that suite in `results`
// (CaseResult::suite == suite_name), appended to results.coverage and
// results.coverage_totals: per service and kind, declared items in model order then
// undeclared ones sorted; one total per kind that declares items, goal = the service's
// goal or else the model's. Kinds a service declares nothing of are not measured at all
// (no total, no undeclared items).
void evaluate_coverage(const std::string& suite_name, const suite::CoverageModel& model, RunResults& results);

}  // namespace glassbox::reports
