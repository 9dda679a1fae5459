// The --json/--junit/--junit-flaky/--html/--markdown options shared by `run` and `report`, and
// writing the chosen reports through the writer registry.
#pragma once

#include <string>
#include <vector>

#include "reports/model/results.hpp"

namespace CLI {
class App;
}

namespace glassbox::cli {

struct ReportPaths {
  std::string json, junit, html, markdown;
  bool junit_flaky = false;   // --junit-flaky: Surefire's flakyFailure/rerunFailure for retried cases
};

void add_report_options(CLI::App& command, ReportPaths& paths);

// Writes every requested report; returns the paths written. Errors are printed to stderr
// and make `ok` false, but the other reports are still written.
std::vector<std::string> write_reports(const reports::RunResults& results, const ReportPaths& paths, bool& ok);

}  // namespace glassbox::cli
