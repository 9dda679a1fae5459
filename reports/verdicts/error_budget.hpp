// The error budget of an availability target and the multi-window, multi-burn-rate rule of
// the SRE workbook (chapter 5). budget = 1 - availability; the run's error rate over the
// spec's scope (probe: load phase, else cases) burns it at error_rate / budget.
//
// Each burn rule gives one window pair:
//   - with a query API (query_url, errors_query and total_query all set, and a query
//     function given): both windows come from it, errors_query / total_query with
//     `{{window}}` replaced by the window ("1h", "5m"); short_source "query";
//   - without one: the short window is the run's own burn rate (short_source "run") and the
//     long window is not measured.
// A rule fires (Fail) when both windows are measured and both burn faster than its factor.
// Only one window measured and burning faster: Warn, saying which window is missing. A window
// under its factor: Pass (the rule cannot fire). Nothing measured: NotMeasured. The budget's
// verdict is the worst window's (fail > warn > not measured > pass).
//
// Pure function apart from the query calls; thread-safe if the query function is.
#pragma once

#include <functional>
#include <string>

#include "reports/model/results.hpp"
#include "suites/model/expected.hpp"
#include "suites/model/slo.hpp"

namespace glassbox::reports {

// Evaluates one PromQL expression to a single number (the runner wraps
// prometheus::query_instant; tests pass a fake).
using PromQueryFunction = std::function<Expected<double>(const std::string& promql)>;

// `query` may be empty: the query API is then treated as not named.
ErrorBudgetResult evaluate_error_budget(const std::string& suite, const suite::ErrorBudgetSpec& spec,
                                        const RunResults& results, const PromQueryFunction& query);

// `text` with every "{{window}}" replaced by `window`.
std::string with_window(std::string text, const std::string& window);

}  // namespace glassbox::reports
