#include "reports/verdicts/slo_eval.hpp"

#include <cmath>

#include <fmt/format.h>

#include "reports/verdicts/objective_verdict.hpp"
#include "reports/verdicts/sli_measure.hpp"

namespace glassbox::reports {

namespace {

using suite::ObjectiveKind;
using suite::SliSource;

// The indicator's value for one objective, or why there is none.
struct Reading {
  std::optional<double> value;
  std::uint64_t samples = 0;
  std::string source;
  std::string scope;
  std::string not_measured;   // reason, when value is unset
};

Reading read_measure(const SliMeasure& m, const suite::Objective& objective, std::string_view what) {
  Reading r{.samples = m.requests, .source = m.source, .scope = m.scope};
  if (m.requests == 0) {
    r.not_measured = fmt::format("no {} in scope ({})", what, m.scope);
    return r;
  }
  switch (objective.kind) {
    case ObjectiveKind::Latency: r.value = m.latency_ms(objective.quantile); break;
    case ObjectiveKind::ErrorRate: r.value = m.error_rate(); break;
    case ObjectiveKind::Availability: r.value = 1 - m.error_rate(); break;
    case ObjectiveKind::Throughput:
      r.value = m.throughput();
      if (!r.value) r.not_measured = "the run's length is unknown";
      break;
  }
  return r;
}

Reading read_metric(const suite::Slo& slo, const suite::Objective& objective, const MetricMeasurements& metrics) {
  Reading r{.source = "metrics"};
  auto it = metrics.find({slo.name, objective.name()});
  if (it == metrics.end()) {
    r.not_measured = "the runner took no metric measurement for it";
    return r;
  }
  const MetricMeasurement& m = it->second;
  if (!m.source.empty()) r.source = m.source;
  r.scope = m.scope;
  r.samples = m.samples.value_or(0);
  if (!m.error.empty()) {
    r.not_measured = m.error;
  } else if (m.samples && *m.samples == 0) {
    r.not_measured = "nothing was counted in the window";
  } else if (!m.value || std::isnan(*m.value)) {
    r.not_measured = "no observations in the window";
  } else {
    r.value = m.value;
  }
  return r;
}

// The run's own measurements an SLO reads, once for all its objectives; unset for metrics.
std::optional<SliMeasure> measure_slo(const std::string& suite, const suite::Slo& slo, const RunResults& results) {
  switch (slo.source) {
    case SliSource::Probe: return measure_probe(results, suite, slo.target, slo.request);
    case SliSource::Spans: return measure_spans(results, suite, slo.service, slo.operation);
    case SliSource::Metrics: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::vector<SloResult> evaluate_slos(const std::string& suite, const std::vector<suite::Slo>& slos,
                                     const RunResults& results, const MetricMeasurements& metrics) {
  std::vector<SloResult> out;
  for (const suite::Slo& slo : slos) {
    const std::optional<SliMeasure> measure = measure_slo(suite, slo, results);
    const std::string_view counted = slo.source == SliSource::Spans ? "spans" : "requests";
    for (const suite::Objective& objective : slo.objectives) {
      const Reading reading =
          measure ? read_measure(*measure, objective, counted) : read_metric(slo, objective, metrics);
      const ObjectiveVerdict judged = judge_objective(objective, reading.value, slo.warn_at, reading.not_measured);
      SloResult r;
      r.suite = suite;
      r.slo = slo.name;
      r.objective = objective.name();
      r.source = reading.source;
      r.scope = reading.scope;
      r.verdict = judged.verdict;
      if (judged.verdict != Verdict::NotMeasured) r.measured = reading.value;
      r.threshold = objective.threshold;
      r.unit = judged.unit;
      r.comparison = judged.comparison;
      r.margin = judged.margin;
      r.samples = reading.samples;
      r.message = judged.message;
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace glassbox::reports
