// The console's service-level summary, printed after the cases and coverage: the load line,
// golden signals per target, the SLO table, error budgets with their burn windows, the
// comparison with a baseline, and the log checks. Quiet runs print only what failed.
#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "reports/writers/console_text.hpp"
#include "reports/writers/slo_format.hpp"

namespace glassbox::reports::console {
namespace {

constexpr std::size_t kFindingsShown = 5;

std::string_view verdict_colour(Verdict v) {
  switch (v) {
    case Verdict::Pass: return kGreen;
    case Verdict::Warn: return kYellow;
    case Verdict::Fail: return kRed;
    case Verdict::NotMeasured: return kDim;
  }
  return kDim;
}

// Pads before painting, so colour codes do not upset the columns.
std::string padded(std::string_view text, std::size_t width) {
  std::string out(text);
  if (out.size() < width) out.append(width - out.size(), ' ');
  return out;
}

std::string load_lines(const RunResults& r, Verbosity verbosity) {
  if (verbosity == Verbosity::Quiet) return "";
  std::string out;
  for (const LoadResult& l : r.load) {
    const std::string who = r.load.size() > 1 ? fmt::format("load {}", printable(l.suite)) : "load";
    out += fmt::format("{}: {}\n", who, printable(load_summary(l)));
    // The naive figure beside the corrected one: what coordinated omission would have hidden.
    if (l.late > 0 || verbosity == Verbosity::Verbose)
      out += fmt::format("  service time p99 {} (from the actual send); {} sent late\n",
                         slo_ms(static_cast<double>(l.service_time.quantile(0.99)) / 1000.0), l.late);
  }
  return out;
}

std::string golden_lines(const RunResults& r, Verbosity verbosity) {
  if (verbosity == Verbosity::Quiet || r.golden_signals.empty()) return "";
  std::string out = "golden signals:\n";
  for (const GoldenSignals& g : r.golden_signals) {
    out += fmt::format("  {} ({}): {} requests, {:.1f}/s, p50 {} p95 {} p99 {} max {}, {} errors", printable(g.target),
                       printable(g.source), g.requests, g.throughput, slo_ms(g.p50_ms), slo_ms(g.p95_ms),
                       slo_ms(g.p99_ms), slo_ms(g.max_ms), slo_percent(g.error_rate));
    if (g.saturation)
      out += g.saturation_source.empty() ? fmt::format(", saturation {:g}", *g.saturation)
                                         : fmt::format(", saturation {:g} ({})", *g.saturation, printable(g.saturation_source));
    out += "\n";
  }
  return out;
}

std::string slo_lines(const RunResults& r, const Painter& paint, Verbosity verbosity) {
  std::vector<const SloResult*> shown;
  for (const SloResult& s : r.slos)
    if (verbosity != Verbosity::Quiet || s.verdict == Verdict::Fail) shown.push_back(&s);
  if (shown.empty()) return "";
  struct Row {
    Verdict verdict;
    std::string name, measured, objective, margin, message;
  };
  std::vector<Row> rows;
  std::size_t widths[4] = {0, 0, 0, 0};
  for (const SloResult* s : shown) {
    Row row{s->verdict, printable(s->slo.empty() ? s->objective : fmt::format("{} {}", s->slo, s->objective)),
            slo_value(s->measured, s->unit), slo_objective(*s), "margin " + slo_margin(s->margin, s->unit),
            printable(s->message)};
    widths[0] = std::max(widths[0], row.name.size());
    widths[1] = std::max(widths[1], row.measured.size());
    widths[2] = std::max(widths[2], row.objective.size());
    widths[3] = std::max(widths[3], row.margin.size());
    rows.push_back(std::move(row));
  }
  std::string out = "SLOs:\n";
  for (const Row& row : rows) {
    std::string line = fmt::format("  {} {}  {}  {}  {}", paint(padded(verdict_label(row.verdict), 12), verdict_colour(row.verdict)),
                                   padded(row.name, widths[0]), padded(row.measured, widths[1]),
                                   padded(row.objective, widths[2]), padded(row.margin, widths[3]));
    if (!row.message.empty()) line += "  " + row.message;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string budget_lines(const RunResults& r, const Painter& paint, Verbosity verbosity) {
  std::string out;
  for (const ErrorBudgetResult& b : r.error_budgets) {
    std::vector<const BurnWindow*> windows;
    for (const BurnWindow& w : b.windows)
      if (verbosity != Verbosity::Quiet || w.verdict == Verdict::Fail) windows.push_back(&w);
    if (verbosity == Verbosity::Quiet && windows.empty() && b.verdict != Verdict::Fail) continue;
    out += fmt::format("error budget{}: {} over {} — {} errors in {} requests ({}), burn rate {:.2f}x, {} of the budget "
                       "consumed: {}\n",
                       r.error_budgets.size() > 1 ? " " + printable(b.suite) : "", slo_percent(b.availability),
                       b.period.empty() ? "the period" : printable(b.period), b.errors, b.requests,
                       slo_percent(b.error_rate), b.burn_rate, slo_percent(b.consumed),
                       paint(verdict_label(b.verdict), verdict_colour(b.verdict)));
    for (const BurnWindow* w : windows) {
      std::string line = fmt::format("  burn {}/{} above {:g}x: long {}, short {}{} {}", printable(w->long_window),
                                     printable(w->short_window), w->factor, burn_text(w->long_burn),
                                     burn_text(w->short_burn),
                                     w->short_source.empty() ? "" : fmt::format(" ({})", printable(w->short_source)),
                                     paint(verdict_label(w->verdict), verdict_colour(w->verdict)));
      if (!w->message.empty()) line += " — " + printable(w->message);
      out += line + "\n";
    }
  }
  return out;
}

std::string comparison_lines(const RunResults& r, const Painter& paint, Verbosity verbosity) {
  if (!r.comparison) return "";
  const Comparison& c = *r.comparison;
  const auto regressions = std::count_if(c.items.begin(), c.items.end(), [](const Regression& x) { return x.regressed; });
  if (verbosity == Verbosity::Quiet && regressions == 0) return "";
  std::string baseline = printable(c.baseline_file.empty() ? "the baseline" : c.baseline_file);
  if (!c.baseline_environment.empty()) baseline += fmt::format(" ({})", printable(c.baseline_environment));
  std::string out = fmt::format("compared with {}: {}\n", baseline,
                                regressions == 0 ? paint("nothing regressed", kGreen)
                                                 : paint(fmt::format("{} regressed", regressions), kRed));
  std::size_t held = 0;
  for (const Regression& x : c.items) {
    if (!x.regressed && verbosity != Verbosity::Verbose) {
      ++held;
      continue;
    }
    std::string line = fmt::format("  {} {}: {} -> {}", x.regressed ? paint("REGRESSED", kRed) : paint("held", kGreen),
                                   printable(x.subject), printable(x.baseline), printable(x.current));
    if (!x.change.empty() || !x.allowed.empty())
      line += x.allowed.empty() ? fmt::format(" ({})", printable(x.change))
                                : fmt::format(" ({}, allowed {})", printable(x.change), printable(x.allowed));
    out += line + "\n";
  }
  if (held > 0 && verbosity == Verbosity::Normal) out += fmt::format("  {} held\n", held);
  return out;
}

std::string log_lines(const RunResults& r, const Painter& paint, Verbosity verbosity) {
  std::string out;
  for (const LogResult& l : r.logs) {
    if (verbosity == Verbosity::Quiet && l.passed()) continue;
    const std::string verdict =
        l.passed() ? paint(l.required ? "ok" : "ok (not required)", kGreen) : paint("FAILED", kRed);
    if (!l.error.empty()) {
      out += fmt::format("log {} ({}): cannot be read: {}: {}\n", printable(l.name), printable(l.origin), printable(l.error), verdict);
      continue;
    }
    out += fmt::format("log {} ({}): {} lines, {} valid, {} invalid, {} tied to cases: {}\n", printable(l.name),
                       printable(l.origin), l.lines, l.valid, l.invalid, l.correlated, verdict);
    const std::size_t shown = std::min(l.findings.size(), kFindingsShown);
    for (std::size_t i = 0; i < shown; ++i) out += fmt::format("  {}\n", printable(l.findings[i]));
    if (l.findings.size() > shown) out += fmt::format("  ... {} more findings\n", l.findings.size() - shown);
  }
  return out;
}

}  // namespace

std::string service_level_lines(const RunResults& results, const Painter& paint, Verbosity verbosity) {
  return load_lines(results, verbosity) + golden_lines(results, verbosity) + slo_lines(results, paint, verbosity) +
         budget_lines(results, paint, verbosity) + comparison_lines(results, paint, verbosity) +
         log_lines(results, paint, verbosity);
}

}  // namespace glassbox::reports::console
