#include "reports/verdicts/error_budget.hpp"

#include <cmath>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "reports/verdicts/sli_format.hpp"
#include "reports/verdicts/sli_measure.hpp"

namespace glassbox::reports {

namespace {

// A burn rate, or why a window has none.
struct Burn {
  std::optional<double> rate;
  std::string missing;   // "long window 1h not measured: ..."
};

double burn_of(double error_rate, double budget) {
  if (budget > 0) return error_rate / budget;
  // A 100% target has no budget: any error burns it infinitely fast.
  return error_rate > 0 ? std::numeric_limits<double>::infinity() : 0;
}

bool uses_query_api(const suite::ErrorBudgetSpec& spec, const PromQueryFunction& query) {
  return query && !spec.query_url.empty() && !spec.errors_query.empty() && !spec.total_query.empty();
}

// errors_query / total_query over one window, as a burn rate.
Burn query_burn(const suite::ErrorBudgetSpec& spec, const PromQueryFunction& query, const std::string& which,
                const std::string& window, double budget) {
  const auto missing = [&](const std::string& why) {
    return Burn{std::nullopt, fmt::format("{} window {} not measured: {}", which, window, why)};
  };
  Expected<double> errors = query(with_window(spec.errors_query, window));
  if (!errors) return missing(errors.error().message);
  Expected<double> total = query(with_window(spec.total_query, window));
  if (!total) return missing(total.error().message);
  if (!(*total > 0)) return missing(fmt::format("no requests in the last {}", window));
  return Burn{burn_of(*errors / *total, budget), ""};
}

Verdict judge_window(const Burn& long_burn, const Burn& short_burn, double factor) {
  const bool long_fast = long_burn.rate && *long_burn.rate > factor;
  const bool short_fast = short_burn.rate && *short_burn.rate > factor;
  if (long_burn.rate && short_burn.rate) return long_fast && short_fast ? Verdict::Fail : Verdict::Pass;
  if (!long_burn.rate && !short_burn.rate) return Verdict::NotMeasured;
  // One window alone cannot fire the rule; one under the factor means it cannot fire at all.
  return long_fast || short_fast ? Verdict::Warn : Verdict::Pass;
}

std::string window_message(const BurnWindow& w, const Burn& long_burn, const Burn& short_burn) {
  const std::string factor = format_number(w.factor);
  const std::string short_name =
      w.short_source == "run" ? fmt::format("the run (short window {})", w.short_window) : w.short_window;
  std::vector<std::string> parts;
  if (long_burn.rate && short_burn.rate) {
    const std::string rates = fmt::format("burn rate {} over {} and {} over {}", format_number(*long_burn.rate),
                                          w.long_window, format_number(*short_burn.rate), short_name);
    if (w.verdict == Verdict::Fail)
      return fmt::format("{}, both above {}: the budget burns too fast", rates, factor);
    return fmt::format("{}; fires when both exceed {}", rates, factor);
  }
  std::string text;
  for (const auto& [burn, name] : {std::pair{&long_burn, w.long_window}, std::pair{&short_burn, short_name}}) {
    if (!burn->rate) continue;
    text = fmt::format("burn rate {} over {} {} {}", format_number(*burn->rate), name,
                       *burn->rate > w.factor ? "exceeds" : "is within", factor);
  }
  for (const Burn* burn : {&long_burn, &short_burn}) {
    if (burn->rate) continue;
    text += text.empty() ? burn->missing : "; " + burn->missing;
  }
  return text;
}

int severity(Verdict v) {
  switch (v) {
    case Verdict::Pass: return 0;
    case Verdict::NotMeasured: return 1;
    case Verdict::Warn: return 2;
    case Verdict::Fail: return 3;
  }
  return 0;
}

}  // namespace

std::string with_window(std::string text, const std::string& window) {
  static constexpr std::string_view kPlaceholder = "{{window}}";
  for (auto at = text.find(kPlaceholder); at != std::string::npos; at = text.find(kPlaceholder, at + window.size()))
    text.replace(at, kPlaceholder.size(), window);
  return text;
}

ErrorBudgetResult evaluate_error_budget(const std::string& suite, const suite::ErrorBudgetSpec& spec,
                                        const RunResults& results, const PromQueryFunction& query) {
  ErrorBudgetResult out;
  out.suite = suite;
  out.availability = spec.availability;
  out.budget = 1 - spec.availability;
  out.period = format_duration(spec.period);
  const SliMeasure run = measure_probe(results, suite, spec.target, spec.request);
  out.requests = run.requests;
  out.errors = run.errors;
  out.error_rate = run.error_rate();
  out.burn_rate = run.requests ? burn_of(out.error_rate, out.budget) : 0;
  out.consumed = out.burn_rate;

  const bool queried = uses_query_api(spec, query);
  std::vector<std::string> firing, warning;
  out.verdict = Verdict::Pass;
  for (const suite::BurnRule& rule : spec.rules) {
    BurnWindow w;
    w.long_window = format_duration(rule.long_window);
    w.short_window = format_duration(rule.short_window);
    w.factor = rule.factor;
    Burn long_burn, short_burn;
    if (queried) {
      w.short_source = "query";
      long_burn = query_burn(spec, query, "long", w.long_window, out.budget);
      short_burn = query_burn(spec, query, "short", w.short_window, out.budget);
    } else {
      w.short_source = "run";
      long_burn.missing = fmt::format("long window {} not measured: the suite names no query API", w.long_window);
      if (run.requests)
        short_burn.rate = out.burn_rate;
      else
        short_burn.missing =
            fmt::format("short window {} not measured: no requests in scope ({})", w.short_window, run.scope);
    }
    w.long_burn = long_burn.rate;
    w.short_burn = short_burn.rate;
    w.verdict = judge_window(long_burn, short_burn, rule.factor);
    w.message = window_message(w, long_burn, short_burn);
    const std::string rule_name = fmt::format("{}/{} at {}", w.long_window, w.short_window, format_number(w.factor));
    if (w.verdict == Verdict::Fail) firing.push_back(rule_name);
    if (w.verdict == Verdict::Warn) warning.push_back(rule_name);
    if (severity(w.verdict) > severity(out.verdict)) out.verdict = w.verdict;
    out.windows.push_back(std::move(w));
  }
  if (spec.rules.empty()) out.verdict = Verdict::NotMeasured;

  out.message = fmt::format("budget {} of requests over {}; ", format_percent(out.budget), out.period);
  if (run.requests)
    out.message += fmt::format("the run: {} of {} requests failed ({}), burn rate {}", run.errors, run.requests,
                               format_percent(out.error_rate), format_number(out.burn_rate));
  else
    out.message += fmt::format("no requests in scope ({})", run.scope);
  if (!firing.empty()) out.message += fmt::format("; burning too fast: {}", fmt::join(firing, ", "));
  if (!warning.empty()) out.message += fmt::format("; one window burning too fast: {}", fmt::join(warning, ", "));
  return out;
}

}  // namespace glassbox::reports
