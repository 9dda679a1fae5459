#include "reports/verdicts/comparison.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "reports/verdicts/sli_format.hpp"
#include "reports/verdicts/sli_measure.hpp"

namespace glassbox::reports {

namespace {

// Float noise must not turn "exactly the allowance" into a regression.
constexpr double kSlack = 1e-9;

// Which measurements of each run are compared: a run's load phase when it has one, else its
// cases (a beta load run against an alpha run of the functional cases compares "cases -> load").
struct Phase {
  bool baseline_load = false;
  bool current_load = false;
  std::string label() const {
    if (baseline_load == current_load) return baseline_load ? "load" : "cases";
    return fmt::format("{} -> {}", baseline_load ? "load" : "cases", current_load ? "load" : "cases");
  }
};

SliMeasure measure_of(const RunResults& run, bool load) {
  return load ? measure_load(run, "", "", "") : measure_cases(run, "", "", "");
}

Histogram latency_of(const RunResults& run, bool load) {
  return load ? measure_load(run, "", "", "").latency : run.latency;
}


double quantile_ms(const Histogram& h, double q) {
  return static_cast<double>(q >= 1 ? h.max() : h.quantile(q)) / 1000.0;
}

void compare_latency(const RunResults& baseline, const RunResults& current, const suite::CompareThresholds& t,
                     const Phase& phase, std::vector<Regression>& items) {
  const Histogram before = latency_of(baseline, phase.baseline_load);
  const Histogram now = latency_of(current, phase.current_load);
  if (before.count() == 0 || now.count() == 0) return;
  for (const auto& [q, allowed] : t.latency) {
    const double b = quantile_ms(before, q);
    const double c = quantile_ms(now, q);
    Regression r;
    r.kind = "latency";
    r.subject = fmt::format("{} ({})", suite::Objective{.quantile = q}.name(), phase.label());
    r.baseline = format_ms(b);
    r.current = format_ms(c);
    r.allowed = format_change(allowed);
    if (b > 0) {
      const double change = (c - b) / b;
      r.change = format_change(change);
      r.regressed = change > allowed + kSlack && c - b > t.latency_floor_ms + kSlack;
    } else {
      r.change = c > 0 ? "from 0 ms" : "+0%";
      r.regressed = c > t.latency_floor_ms + kSlack;
    }
    items.push_back(std::move(r));
  }
}

void compare_error_rate(const RunResults& baseline, const RunResults& current, const suite::CompareThresholds& t,
                        const Phase& phase, std::vector<Regression>& items) {
  const SliMeasure before = measure_of(baseline, phase.baseline_load);
  const SliMeasure now = measure_of(current, phase.current_load);
  if (before.requests == 0 || now.requests == 0) return;
  const double change = now.error_rate() - before.error_rate();
  Regression r;
  r.kind = "error_rate";
  r.subject = fmt::format("error rate ({})", phase.label());
  r.baseline = format_percent(before.error_rate());
  r.current = format_percent(now.error_rate());
  r.change = (change < 0 ? "" : "+") + format_points(change);
  r.allowed = "+" + format_points(t.error_rate_points);
  r.regressed = change > t.error_rate_points + kSlack;
  items.push_back(std::move(r));
}

void compare_throughput(const RunResults& baseline, const RunResults& current, const suite::CompareThresholds& t,
                        std::vector<Regression>& items) {
  const std::optional<double> before = measure_load(baseline, "", "", "").throughput();
  const std::optional<double> now = measure_load(current, "", "", "").throughput();
  if (!before || !now || *before <= 0) return;
  const double change = (*now - *before) / *before;
  Regression r;
  r.kind = "throughput";
  r.subject = "throughput (load)";
  r.baseline = format_per_second(*before);
  r.current = format_per_second(*now);
  r.change = format_change(change);
  r.allowed = format_change(-t.throughput_drop);
  r.regressed = -change > t.throughput_drop + kSlack;
  items.push_back(std::move(r));
}

void compare_cases(const RunResults& baseline, const RunResults& current, std::vector<Regression>& items) {
  std::map<std::string, Outcome> before;
  for (const CaseResult& c : baseline.cases) before.emplace(c.id, c.outcome);
  int passed_before = 0, still_passing = 0;
  std::vector<Regression> failing;
  for (const CaseResult& c : current.cases) {
    auto it = before.find(c.id);
    if (it == before.end() || it->second != Outcome::Passed) continue;
    ++passed_before;
    if (c.outcome == Outcome::Passed) ++still_passing;
    if (c.outcome != Outcome::Failed && c.outcome != Outcome::Error) continue;
    Regression r;
    r.kind = "case";
    r.subject = c.id;
    r.baseline = "passed";
    r.current = std::string(to_string(c.outcome));
    r.change = "passed -> " + r.current;
    r.allowed = "no new failures";
    r.regressed = true;
    failing.push_back(std::move(r));
  }
  if (passed_before == 0) return;
  if (!failing.empty()) {
    items.insert(items.end(), failing.begin(), failing.end());
    return;
  }
  items.push_back({.kind = "case",
                   .subject = "cases that passed in the baseline",
                   .baseline = fmt::format("{} passed", passed_before),
                   .current = fmt::format("{} pass", still_passing),
                   .change = "none newly failing",
                   .allowed = "no new failures"});
}

void compare_coverage(const RunResults& baseline, const RunResults& current, std::vector<Regression>& items) {
  using Key = std::tuple<std::string, std::string, std::string, std::string>;   // suite, service, kind, item
  std::map<Key, std::size_t> covered_before;   // -> covering cases in the baseline
  for (const CoverageItem& item : baseline.coverage)
    if (item.declared && !item.cases.empty())
      covered_before.emplace(Key{item.suite, item.service, item.kind, item.item}, item.cases.size());
  int compared = 0, kept = 0;
  std::vector<Regression> lost;
  for (const CoverageItem& item : current.coverage) {
    if (!item.declared) continue;
    auto it = covered_before.find(Key{item.suite, item.service, item.kind, item.item});
    if (it == covered_before.end()) continue;
    ++compared;
    if (!item.cases.empty()) {
      ++kept;
      continue;
    }
    Regression r;
    r.kind = "coverage";
    r.subject = fmt::format("{} {}", item.kind, item.item);
    if (!item.service.empty()) r.subject += fmt::format(" (service {})", item.service);
    r.baseline = fmt::format("covered by {} case{}", it->second, it->second == 1 ? "" : "s");
    r.current = "not covered";
    r.change = "covered -> not covered";
    r.allowed = "no coverage lost";
    r.regressed = true;
    lost.push_back(std::move(r));
  }
  if (compared == 0) return;
  if (!lost.empty()) {
    items.insert(items.end(), lost.begin(), lost.end());
    return;
  }
  items.push_back({.kind = "coverage",
                   .subject = "coverage items covered in the baseline",
                   .baseline = fmt::format("{} covered", compared),
                   .current = fmt::format("{} covered", kept),
                   .change = "none lost",
                   .allowed = "no coverage lost"});
}

}  // namespace

Comparison compare_runs(const RunResults& baseline, const RunResults& current,
                        const suite::CompareThresholds& thresholds,
                        std::string baseline_file) {
  Comparison out;
  out.baseline_file = std::move(baseline_file);
  out.baseline_environment = baseline.environment;
  out.baseline_started_at = baseline.started_at;
  const Phase phase{.baseline_load = !baseline.load.empty(), .current_load = !current.load.empty()};
  compare_latency(baseline, current, thresholds, phase, out.items);
  compare_error_rate(baseline, current, thresholds, phase, out.items);
  // Throughput is set by the load profile; only two load phases compare.
  if (phase.baseline_load && phase.current_load) compare_throughput(baseline, current, thresholds, out.items);
  if (thresholds.new_failures) compare_cases(baseline, current, out.items);
  if (thresholds.coverage_lost) compare_coverage(baseline, current, out.items);
  std::stable_partition(out.items.begin(), out.items.end(), [](const Regression& r) { return r.regressed; });
  return out;
}

Comparison compare_with_defaults(const RunResults& baseline, const RunResults& current, std::string baseline_file) {
  return compare_runs(baseline, current, suite::CompareThresholds{}, std::move(baseline_file));
}

}  // namespace glassbox::reports
