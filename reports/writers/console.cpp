// The console reporter (console.hpp). Lines are written as whole strings so a Jenkins log
// never shows half a line; the progress bar is the only thing drawn with \r, and only
// when the options ask for it. Text that came from a service (ids, messages, checks) is
// passed through printable() so a response cannot move the cursor or recolour the
// terminal.
//
// Not thread-safe: the runner calls it from one thread.
#include "reports/writers/console.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "reports/writers/console_text.hpp"
#include "reports/writers/slo_format.hpp"

namespace glassbox::reports {

namespace console {

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto uc = static_cast<unsigned char>(c);
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += ' ';
    else if (uc < 0x20 || uc == 0x7F) out += fmt::format("\\x{:02x}", uc);
    else out += c;
  }
  return out;
}

std::string Painter::operator()(std::string_view text, std::string_view code) const {
  if (!color_) return std::string(text);
  return fmt::format("{}{}{}", code, text, kReset);
}

}  // namespace console

namespace {

using console::kBold;
using console::kDim;
using console::kGreen;
using console::kRed;
using console::kYellow;
using console::Painter;
using console::printable;

constexpr std::string_view kClearToEnd = "\033[K";
constexpr int kBarWidth = 20;

std::string latency(double ms) {
  if (ms < 10) return fmt::format("{:.2f} ms", ms);
  if (ms < 1000) return fmt::format("{:.1f} ms", ms);
  return fmt::format("{:.2f} s", ms / 1000);
}

std::string count(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

bool is_problem(Outcome o) { return o == Outcome::Failed || o == Outcome::Error; }

std::string_view outcome_word(Outcome o) {
  switch (o) {
    case Outcome::Passed: return "PASS";
    case Outcome::Failed: return "FAIL";
    case Outcome::Error: return "ERROR";
    case Outcome::Skipped: return "SKIP";
  }
  return "?";
}

std::string_view outcome_colour(Outcome o) {
  switch (o) {
    case Outcome::Passed: return kGreen;
    case Outcome::Failed: return kRed;
    case Outcome::Error: return kYellow;
    case Outcome::Skipped: return kDim;
  }
  return kDim;
}

std::string bar_text(std::size_t done, std::size_t total, long failures, const Painter& paint) {
  const std::size_t filled = total == 0 ? kBarWidth : std::min<std::size_t>(kBarWidth, done * kBarWidth / total);
  const std::string hashes(filled, '#');
  const std::string dots(kBarWidth - filled, '.');
  const std::string failed = fmt::format("{} failed", failures);
  return fmt::format("[{}{}] {}/{}  {}", paint(hashes, failures > 0 ? kRed : kGreen), dots, done, total,
                     failures > 0 ? paint(failed, kRed) : failed);
}

// Back to the start of the line with the bar gone: ANSI erase when colour is on, else
// spaces over it, which any terminal understands.
std::string clear_line(bool color, std::size_t width) {
  if (color) return fmt::format("\r{}", kClearToEnd);
  return fmt::format("\r{}\r", std::string(width, ' '));
}

std::string case_line(const CaseResult& c, const Painter& paint) {
  const std::string word = paint(outcome_word(c.outcome), outcome_colour(c.outcome));
  switch (c.outcome) {
    case Outcome::Passed: return fmt::format("{} {} ({})\n", word, printable(c.id), latency(c.exchange.latency_ms));
    case Outcome::Skipped: return fmt::format("{} {}\n", word, printable(c.id));
    case Outcome::Failed:
    case Outcome::Error:
      if (c.message.empty()) return fmt::format("{} {}\n", word, printable(c.id));
      return fmt::format("{} {}: {}\n", word, printable(c.id), printable(c.message));
  }
  return {};
}

// A failure in full: what was sent, every failed check, and the trace id to look it up by.
std::string failure_details(const CaseResult& c, const Painter& paint) {
  std::string out = fmt::format("{} {}\n", paint(outcome_word(c.outcome), fmt::format("{}{}", kBold, outcome_colour(c.outcome))),
                                printable(c.id));
  const Exchange& x = c.exchange;
  if (!x.method.empty() || !x.url.empty()) {
    const std::string status = x.status == 0 ? "no response" : fmt::format("{}", x.status);
    out += fmt::format("  {} {} -> {} in {}\n", printable(x.method), printable(x.url), status, latency(x.latency_ms));
  }
  bool any_failed_check = false;
  for (const Check& check : c.checks) {
    if (check.passed) continue;
    any_failed_check = true;
    out += fmt::format("  {} {}: expected {}, actual {}\n", paint("x", kRed), printable(check.name),
                       printable(check.expected), paint(printable(check.actual), kRed));
  }
  if (!any_failed_check && !c.message.empty()) out += fmt::format("  {}\n", printable(c.message));
  if (!c.trace_id.empty()) out += fmt::format("  trace {}\n", paint(printable(c.trace_id), kDim));
  return out;
}

}  // namespace

ConsoleReporter::ConsoleReporter(std::ostream& out, ConsoleOptions options) : out_(out), options_(options) {}

void ConsoleReporter::on_start(const std::vector<std::string>& suites, std::size_t total_cases) {
  failures_ = 0;
  if (options_.verbosity == Verbosity::Quiet) return;
  std::string line = fmt::format("glassbox: running {}", count(total_cases, "case", "cases"));
  if (!suites.empty()) line += fmt::format(" from {}", printable(fmt::format("{}", fmt::join(suites, ", "))));
  out_ << line << '\n';
}

void ConsoleReporter::on_case(const CaseResult& result, std::size_t done, std::size_t total) {
  long& failures = failures_;
  if (is_problem(result.outcome)) ++failures;
  if (options_.verbosity == Verbosity::Quiet) return;

  const Painter paint(options_.color);
  const bool print_line = options_.verbosity == Verbosity::Verbose || is_problem(result.outcome);
  if (!options_.progress_bar) {
    if (print_line) out_ << case_line(result, paint);
    return;
  }
  // With a bar, case lines go above it: clear the bar, print the line, redraw the bar.
  // Bars only grow (counts only go up), so each one covers the one before.
  std::string frame = "\r";
  if (print_line && bar_shown_) frame = clear_line(options_.color, bar_text(done, total, failures, Painter(false)).size());
  if (print_line) frame += case_line(result, paint);
  frame += bar_text(done, total, failures, paint);
  out_ << frame << std::flush;
  bar_shown_ = true;
}

namespace {

// One line per coverage total ("coverage <service> <kind>: 9/10 (90.0%) goal 90% ok"), and
// under a missed goal the declared items no case reached.
std::string coverage_lines(const RunResults& results, const Painter& paint) {
  std::string out;
  for (const CoverageTotal& t : results.coverage_totals) {
    std::string line = fmt::format("coverage {} {}: {}/{} ({:.1f}%)", printable(t.service), printable(t.kind),
                                   t.covered, t.declared, t.percent());
    const bool judged = results.shard.empty();   // a shard's coverage is partial
    if (t.goal && !judged) line += fmt::format(" goal {}% (judged when the shards are merged)", *t.goal);
    if (t.goal && judged)
      line += fmt::format(" goal {}% {}", *t.goal, t.passed() ? paint("ok", kGreen) : paint("FAILED", kRed));
    out += line + "\n";
    if (!judged || t.passed()) continue;
    for (const CoverageItem& item : results.coverage)
      if (item.declared && item.cases.empty() && item.suite == t.suite && item.service == t.service &&
          item.kind == t.kind)
        out += fmt::format("  not covered: {}\n", printable(item.item));
  }
  return out;
}

}  // namespace

void ConsoleReporter::on_finish(const RunResults& results, const std::vector<std::string>& written_reports) {
  const Painter paint(options_.color);
  if (bar_shown_) {
    // The last bar drawn is the widest; a full bar is at least as wide.
    const long failures = failures_;
    out_ << clear_line(options_.color, bar_text(results.cases.size(), results.cases.size(), failures, Painter(false)).size());
    bar_shown_ = false;
  }

  std::string failures;
  for (const CaseResult& c : results.cases)
    if (is_problem(c.outcome)) failures += "\n" + failure_details(c, paint);
  out_ << failures;

  const Totals t = results.totals();
  // A blank line sets the totals apart, except in a quiet run that printed nothing else.
  const bool separate = !failures.empty() || options_.verbosity != Verbosity::Quiet;
  // A load-only run did not "run 0 cases": its totals line is its SLOs'.
  std::string summary =
      is_load_only(results)
          ? fmt::format("{}no cases, load only: {} in {:.2f} s\n", separate ? "\n" : "", slo_outcome_line(results),
                        results.duration_ms / 1000.0)
          : fmt::format("{}{}: {} passed, {} failed, {}, {} skipped in {:.2f} s\n", separate ? "\n" : "",
                        count(static_cast<std::size_t>(t.cases), "case", "cases"), t.passed, t.failed,
                        count(static_cast<std::size_t>(t.errors), "error", "errors"), t.skipped,
                        results.duration_ms / 1000.0);
  summary += coverage_lines(results, paint);
  summary += console::service_level_lines(results, paint, options_.verbosity);
  if (results.interrupted) summary += fmt::format("result: {}\n", paint("INTERRUPTED", fmt::format("{}{}", kBold, kYellow)));
  else if (results.passed()) summary += fmt::format("result: {}\n", paint("PASSED", fmt::format("{}{}", kBold, kGreen)));
  else summary += fmt::format("result: {}\n", paint("FAILED", fmt::format("{}{}", kBold, kRed)));
  if (options_.verbosity != Verbosity::Quiet)
    for (const std::string& path : written_reports) summary += fmt::format("report: {}\n", printable(path));
  out_ << summary << std::flush;
}

}  // namespace glassbox::reports
