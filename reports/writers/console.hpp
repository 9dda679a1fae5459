// The console reporter: streams progress while a run goes and prints the summary at the
// end. Colour and the progress bar only when asked (the CLI asks on a TTY without
// NO_COLOR/CI); otherwise plain lines that read well in a Jenkins log.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "reports/model/results.hpp"

namespace glassbox::reports {

enum class Verbosity { Quiet, Normal, Verbose };

struct ConsoleOptions {
  bool color = false;
  bool progress_bar = false;   // redraws one line with \r; only on a TTY
  Verbosity verbosity = Verbosity::Normal;
};

class ConsoleReporter {
 public:
  ConsoleReporter(std::ostream& out, ConsoleOptions options);
  void on_start(const std::vector<std::string>& suites, std::size_t total_cases);
  void on_case(const CaseResult& result, std::size_t done, std::size_t total);
  // Totals, failures with expected vs actual, where the reports went.
  void on_finish(const RunResults& results, const std::vector<std::string>& written_reports);

 private:
  std::ostream& out_;
  ConsoleOptions options_;
  bool bar_shown_ = false;
  long failures_ = 0;          // failed or errored so far, for the bar
};

}  // namespace glassbox::reports
