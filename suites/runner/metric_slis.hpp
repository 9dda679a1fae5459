// The runner's half of metric SLIs: the service's own Prometheus metrics over the run's
// window, for SLOs with source `metrics`.
//   scrape_url: every distinct endpoint is scraped once before the run (begin) and once
//               after it (end); each objective is computed with the PromQL math of
//               probes/prometheus/promql_math.hpp over the two scrapes:
//                 latency       histogram_quantile(q, sum by (le) (increase(h_bucket{sel}[run])))
//                               x unit_to_ms (every matching series summed into one histogram)
//                 error rate    sum(increase(c{sel, errors})) / sum(increase(c{sel}))
//                 availability  1 - error rate
//                 throughput    sum(increase(c{sel})) / run seconds
//   query_url:  at the end, the suite's *_query expressions (or ones built from the
//               histogram, counter and matchers) go to the query API, evaluated at the end
//               time with {{window}} = the run's length in whole seconds rounded up ("47s").
// A failed scrape or query, or matchers that do not parse, become the measurement's error
// (the SLO is then NotMeasured with that message); nothing here throws or stops the run.
//
// Threading: a MetricWindow belongs to one thread (the runner's); the sources it calls must
// be callable from that thread. One MetricWindow per suite: measurements are keyed by SLO
// name.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "probes/prometheus/exposition.hpp"
#include "probes/prometheus/scrape.hpp"
#include "reports/verdicts/error_budget.hpp"
#include "reports/verdicts/metric_measurement.hpp"
#include "suites/model/expected.hpp"
#include "suites/model/slo.hpp"

namespace glassbox::runner {

// The outside world of metric SLIs, so tests can stand in for endpoints and query APIs.
struct MetricSources {
  std::function<Expected<prometheus::Exposition>(const std::string& url)> scrape;
  std::function<Expected<std::vector<prometheus::InstantSample>>(const std::string& base_url, const std::string& promql,
                                                                 double time_seconds)>
      query;
  std::function<double()> now_seconds;   // Unix time, the queries' evaluation time
};

// The real thing: prometheus::scrape_metrics, prometheus::query_instant and the system clock.
MetricSources live_metric_sources(const prometheus::FetchOptions& options = {});

class MetricWindow final {
 public:
  explicit MetricWindow(MetricSources sources = live_metric_sources());

  // Keeps the metrics-sourced SLOs and scrapes each distinct scrape_url once. Call it right
  // before the first request of the run.
  void begin(const std::vector<suite::Slo>& slos);

  // Scrapes again (or queries) and measures every objective of the SLOs given to begin().
  // `run_seconds`: the run's length (throughput's divisor, the query window).
  reports::MetricMeasurements end(double run_seconds);

 private:
  MetricSources sources_;
  std::vector<suite::Slo> slos_;
  std::map<std::string, Expected<prometheus::Exposition>> before_;
};

// One objective from two scrapes of its endpoint (the scrape-based half of end()).
reports::MetricMeasurement measure_from_scrapes(const suite::MetricSli& sli, const suite::Objective& objective,
                                                const prometheus::Exposition& before,
                                                const prometheus::Exposition& after, double run_seconds);

// The PromQL end() sends for an objective of a query_url SLI, {{window}} and {{quantile}}
// replaced; "" for an SLI that cannot give this objective (no histogram or counter named).
std::string objective_promql(const suite::MetricSli& sli, const suite::Objective& objective, double run_seconds);

// The run's length as a PromQL range: whole seconds rounded up, at least 1: 46.2 -> "47s".
std::string run_window(double run_seconds);

// The error budget's query function over a query API, evaluated now: the values of every
// series returned are summed, and no series counts as 0 (a rate of errors that never
// happened has no series at all).
reports::PromQueryFunction budget_query_function(std::string base_url, MetricSources sources = live_metric_sources());

}  // namespace glassbox::runner
