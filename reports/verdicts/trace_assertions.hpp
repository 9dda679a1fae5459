// Judges a case's trace against its span expectations (suites/model/span_expectation.hpp):
// one Check for the count of each selector, and one per assertion (status, duration,
// attributes) over the spans it selected. When a selector finds too few spans, the check's
// `actual` names the closest spans that did exist and how they differ, so a failure reads
// "expected at least 1, got 0; closest of the trace's 3 spans: classify [demo]
// branch=isosceles (differs in attributes.branch); ...".
// Pure function; thread-safe.
#pragma once

#include <vector>

#include "reports/model/results.hpp"
#include "suites/model/span_expectation.hpp"
#include "suites/model/template.hpp"

namespace glassbox::reports {

// `spans` is the case's trace (CaseResult::spans); `inputs` renders {{input}} templates in
// attribute equals operands.
std::vector<Check> evaluate_span_expectations(const std::vector<suite::SpanExpectation>& expectations,
                                              const std::vector<TraceSpan>& spans, const suite::Lookup& inputs);

// Whether one span of the trace matches a selector (parent/child looked up in `spans`).
bool selector_matches(const suite::SpanSelector& selector, const TraceSpan& span, const std::vector<TraceSpan>& spans,
                      const suite::Lookup& inputs);

}  // namespace glassbox::reports
