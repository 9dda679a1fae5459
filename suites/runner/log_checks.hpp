// The suite's structured logs, read once the run's cases are done (after the settle window,
// so lines written while the last responses went out are there): each log is checked
// against the fields the suite requires, and its lines are tied to the cases by trace id.
// A case's lines (error lines first) go into its result; the log's totals and findings into
// RunResults::logs.
//
// Threading: runs on the calling thread; a log command runs as a child process bounded in
// time and output.
#pragma once

#include <vector>

#include "reports/model/redact.hpp"
#include "reports/model/results.hpp"
#include "suites/model/log_source.hpp"

namespace glassbox::runner {

// Checks `logs` of suite `suite_name` and attaches lines to that suite's cases in `results`.
void check_logs(const std::string& suite_name, const std::vector<suite::LogSource>& logs,
                reports::RunResults& results, const reports::Redactor& redactor);

}  // namespace glassbox::runner
