// Pieces the console reporter's files share (private to reports/writers): ANSI colours, a
// painter that applies them only when colour is on, and printable(), which turns control
// characters from a service into visible escapes so a response cannot move the cursor or
// recolour the terminal.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "reports/model/results.hpp"
#include "reports/writers/console.hpp"

namespace glassbox::reports::console {

inline constexpr std::string_view kGreen = "\033[32m";
inline constexpr std::string_view kRed = "\033[31m";
inline constexpr std::string_view kYellow = "\033[33m";
inline constexpr std::string_view kDim = "\033[2m";
inline constexpr std::string_view kBold = "\033[1m";
inline constexpr std::string_view kReset = "\033[0m";

std::string printable(std::string_view text);

// Wraps text in an ANSI colour when colour is on; plain text otherwise.
class Painter final {
 public:
  explicit Painter(bool color) : color_(color) {}
  std::string operator()(std::string_view text, std::string_view code) const;

 private:
  bool color_;
};

// console_service_levels.cpp: the load line, golden signals, SLOs, error budgets, the
// comparison and the log checks, each line ending in '\n'; "" when the run has none.
// Quiet: only what failed (SLOs and burn windows that failed, regressions, failed logs).
std::string service_level_lines(const RunResults& results, const Painter& paint, Verbosity verbosity);

}  // namespace glassbox::reports::console
