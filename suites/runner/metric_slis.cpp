#include "suites/runner/metric_slis.hpp"

#include <chrono>
#include <cmath>
#include <utility>

#include <fmt/format.h>

#include "probes/prometheus/promql_math.hpp"
#include "reports/verdicts/error_budget.hpp"
#include "suites/runner/label_selector.hpp"

namespace glassbox::runner {

namespace {

using prometheus::Exposition;
using prometheus::LabelMatcher;
using reports::MetricMeasurement;
using suite::ObjectiveKind;

constexpr const char* kScrapeSource = "metrics (scrape)";
constexpr const char* kQuerySource = "metrics (query)";

// `name{a, b}` with the non-empty matcher texts; the bare name when there are none.
std::string series(const std::string& name, std::initializer_list<std::string_view> matchers) {
  std::string inside;
  for (std::string_view m : matchers) {
    if (m.empty()) continue;
    if (!inside.empty()) inside += ", ";
    inside += m;
  }
  return inside.empty() ? name : fmt::format("{}{{{}}}", name, inside);
}

std::string quantile_text(double q) { return fmt::format("{:g}", std::min(q, 1.0)); }

std::string replace_all(std::string text, std::string_view placeholder, const std::string& with) {
  for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + with.size()))
    text.replace(at, placeholder.size(), with);
  return text;
}

std::optional<std::uint64_t> count_of(double increase) {
  if (!(increase >= 0)) return std::nullopt;
  return static_cast<std::uint64_t>(std::llround(increase));
}

MetricMeasurement latency_from_scrapes(const suite::MetricSli& sli, const suite::Objective& objective,
                                       const Exposition& before, const Exposition& after) {
  MetricMeasurement m{.source = kScrapeSource, .scope = series(sli.histogram, {sli.selector})};
  if (sli.histogram.empty()) {
    m.error = "the SLI names no histogram for a latency objective";
    return m;
  }
  Expected<std::vector<LabelMatcher>> selector = parse_label_matchers(sli.selector);
  if (!selector) {
    m.error = selector.error().message;
    return m;
  }
  // sum by (le): every matching series into one histogram, as an SLO over a route means.
  const prometheus::Grouping one_histogram{std::vector<std::string>{}};
  Expected<std::vector<prometheus::LabelledValue>> quantiles = prometheus::histogram_quantiles(
      std::min(objective.quantile, 1.0), sli.histogram, before, after, *selector, one_histogram);
  if (!quantiles) {
    m.error = quantiles.error().message;
    return m;
  }
  if (quantiles->empty()) {
    m.error = fmt::format("no series of {}_bucket match the selector", sli.histogram);
    return m;
  }
  m.value = quantiles->front().value * sli.unit_to_ms;
  // The +Inf bucket's increase is the number of observations in the window.
  std::vector<LabelMatcher> observations = *selector;
  if (Expected<LabelMatcher> inf = LabelMatcher::make("le", prometheus::MatchOp::Equal, "+Inf"))
    observations.push_back(*inf);
  if (Expected<double> n = prometheus::counter_increase_sum(sli.histogram + "_bucket", before, after, observations))
    m.samples = count_of(*n);
  return m;
}

MetricMeasurement counter_from_scrapes(const suite::MetricSli& sli, const suite::Objective& objective,
                                       const Exposition& before, const Exposition& after, double run_seconds) {
  const bool ratio = objective.kind != ObjectiveKind::Throughput;
  MetricMeasurement m{.source = kScrapeSource, .scope = series(sli.counter, {sli.selector})};
  if (ratio) m.scope += fmt::format(", errors {{{}}}", sli.errors);
  if (sli.counter.empty()) {
    m.error = fmt::format("the SLI names no counter for {}", objective.name());
    return m;
  }
  if (ratio && sli.errors.empty()) {
    m.error = fmt::format("the SLI names no error matchers for {}", objective.name());
    return m;
  }
  Expected<std::vector<LabelMatcher>> selector = parse_label_matchers(sli.selector);
  if (!selector) {
    m.error = selector.error().message;
    return m;
  }
  Expected<double> total = prometheus::counter_increase_sum(sli.counter, before, after, *selector);
  if (!total) {
    m.error = total.error().message;
    return m;
  }
  m.samples = count_of(*total);
  if (!ratio) {
    if (run_seconds > 0) m.value = *total / run_seconds;
    else m.error = "the run's length is unknown";
    return m;
  }
  Expected<std::vector<LabelMatcher>> errors = parse_label_matchers(sli.errors);
  if (!errors) {
    m.error = errors.error().message;
    return m;
  }
  Expected<double> share = prometheus::counter_ratio(sli.counter, before, after, *selector, *errors);
  if (!share) {
    m.error = share.error().message;
    return m;
  }
  m.value = objective.kind == ObjectiveKind::Availability ? 1 - *share : *share;
  return m;
}

// One number out of an instant query's answer for an objective.
MetricMeasurement measure_by_query(const MetricSources& sources, const suite::MetricSli& sli,
                                   const suite::Objective& objective, double run_seconds) {
  MetricMeasurement m{.source = kQuerySource, .scope = objective_promql(sli, objective, run_seconds)};
  if (m.scope.empty()) {
    m.error = fmt::format("the SLI names no {} and no query for {}",
                          objective.kind == ObjectiveKind::Latency ? "histogram" : "counter", objective.name());
    return m;
  }
  auto answer = sources.query(sli.query_url, m.scope, sources.now_seconds());
  if (!answer) {
    m.error = answer.error().message;
    return m;
  }
  if (answer->empty()) {
    m.error = "the query returned no series";
    return m;
  }
  if (answer->size() > 1) {
    m.error = fmt::format("the query returned {} series; an SLO needs one value (aggregate with sum or max)",
                          answer->size());
    return m;
  }
  const double value = answer->front().value;
  switch (objective.kind) {
    case ObjectiveKind::Latency: m.value = value * sli.unit_to_ms; break;
    case ObjectiveKind::Availability: m.value = 1 - value; break;
    case ObjectiveKind::ErrorRate:
    case ObjectiveKind::Throughput: m.value = value; break;
  }
  return m;
}

MetricMeasurement scrape_failure(const suite::MetricSli& sli, const char* when, const Error& error) {
  return {.source = kScrapeSource, .scope = sli.scrape_url, .error = fmt::format("{}: {}", when, error.message)};
}

}  // namespace

MetricSources live_metric_sources(const prometheus::FetchOptions& options) {
  MetricSources sources;
  sources.scrape = [options](const std::string& url) -> Expected<Exposition> {
    Expected<prometheus::Scrape> scrape = prometheus::scrape_metrics(url, options);
    if (!scrape) return scrape.error();
    return std::move(scrape->exposition);
  };
  sources.query = [options](const std::string& base_url, const std::string& promql, double time_seconds) {
    return prometheus::query_instant(base_url, promql, time_seconds, options);
  };
  sources.now_seconds = [] {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  };
  return sources;
}

std::string run_window(double run_seconds) {
  const double whole = std::ceil(run_seconds);
  return fmt::format("{}s", whole >= 1 ? static_cast<long long>(whole) : 1LL);
}

std::string objective_promql(const suite::MetricSli& sli, const suite::Objective& objective, double run_seconds) {
  const std::string window = run_window(run_seconds);
  std::string text;
  switch (objective.kind) {
    case ObjectiveKind::Latency:
      if (!sli.latency_query.empty()) {
        text = replace_all(sli.latency_query, "{{quantile}}", quantile_text(objective.quantile));
      } else if (!sli.histogram.empty()) {
        text = fmt::format("histogram_quantile({}, sum by (le) (increase({}[{{{{window}}}}])))",
                           quantile_text(objective.quantile), series(sli.histogram + "_bucket", {sli.selector}));
      }
      break;
    case ObjectiveKind::ErrorRate:
    case ObjectiveKind::Availability:
      if (!sli.error_rate_query.empty()) {
        text = sli.error_rate_query;
      } else if (!sli.counter.empty() && !sli.errors.empty()) {
        // `or vector(0)`: with no error series at all the numerator would be empty, and an
        // empty vector divided by anything is empty: no value instead of 0%.
        text = fmt::format("(sum(increase({}[{{{{window}}}}])) or vector(0)) / sum(increase({}[{{{{window}}}}]))",
                           series(sli.counter, {sli.selector, sli.errors}), series(sli.counter, {sli.selector}));
      }
      break;
    case ObjectiveKind::Throughput:
      if (!sli.throughput_query.empty()) {
        text = sli.throughput_query;
      } else if (!sli.counter.empty()) {
        text = fmt::format("sum(rate({}[{{{{window}}}}]))", series(sli.counter, {sli.selector}));
      }
      break;
  }
  return reports::with_window(std::move(text), window);
}

MetricMeasurement measure_from_scrapes(const suite::MetricSli& sli, const suite::Objective& objective,
                                       const Exposition& before, const Exposition& after, double run_seconds) {
  if (objective.kind == ObjectiveKind::Latency) return latency_from_scrapes(sli, objective, before, after);
  return counter_from_scrapes(sli, objective, before, after, run_seconds);
}

MetricWindow::MetricWindow(MetricSources sources) : sources_(std::move(sources)) {}

void MetricWindow::begin(const std::vector<suite::Slo>& slos) {
  slos_.clear();
  before_.clear();
  for (const suite::Slo& slo : slos) {
    if (slo.source != suite::SliSource::Metrics) continue;
    slos_.push_back(slo);
    const std::string& url = slo.metric.scrape_url;
    if (!slo.metric.query_url.empty() || url.empty() || before_.count(url)) continue;
    before_.emplace(url, sources_.scrape(url));
  }
}

reports::MetricMeasurements MetricWindow::end(double run_seconds) {
  std::map<std::string, Expected<Exposition>> after;
  for (const auto& [url, scrape] : before_) after.emplace(url, sources_.scrape(url));
  reports::MetricMeasurements out;
  for (const suite::Slo& slo : slos_) {
    const suite::MetricSli& sli = slo.metric;
    for (const suite::Objective& objective : slo.objectives) {
      MetricMeasurement m;
      if (!sli.query_url.empty()) {
        m = measure_by_query(sources_, sli, objective, run_seconds);
      } else if (sli.scrape_url.empty()) {
        m.source = kScrapeSource;
        m.error = "the SLI names neither a scrape URL nor a query API";
      } else {
        const Expected<Exposition>& earlier = before_.at(sli.scrape_url);
        const Expected<Exposition>& later = after.at(sli.scrape_url);
        if (!earlier) {
          m = scrape_failure(sli, "before the run", earlier.error());
        } else if (!later) {
          m = scrape_failure(sli, "after the run", later.error());
        } else {
          m = measure_from_scrapes(sli, objective, *earlier, *later, run_seconds);
        }
      }
      out[{slo.name, objective.name()}] = std::move(m);
    }
  }
  return out;
}

reports::PromQueryFunction budget_query_function(std::string base_url, MetricSources sources) {
  return [base_url = std::move(base_url), sources = std::move(sources)](const std::string& promql) -> Expected<double> {
    auto answer = sources.query(base_url, promql, sources.now_seconds());
    if (!answer) return answer.error();
    double sum = 0;
    for (const prometheus::InstantSample& sample : *answer) sum += sample.value;
    return sum;
  };
}

}  // namespace glassbox::runner
