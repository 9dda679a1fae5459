// What the runner measured for metrics-sourced SLO objectives (suites/runner/metric_slis.hpp
// takes the scrapes and queries; evaluate_slos judges the values). Plain data.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace glassbox::reports {

struct MetricMeasurement {
  // In the objective's unit: ms for latency, a ratio 0..1 for error rate and availability,
  // per second for throughput. Unset or NaN: nothing to judge.
  std::optional<double> value;
  // Observations the value rests on (histogram observations or counted requests in the
  // window). Unset when the source cannot tell (a query API answers with the value only).
  std::optional<std::uint64_t> samples;
  std::string source;   // "metrics (scrape)" or "metrics (query)"
  std::string scope;    // what was read: `http_requests_total{route="/orders"}` or the PromQL sent
  std::string error;    // why nothing was measured (a failed scrape or query); "" otherwise
};

// Keyed by (SLO name, objective name), e.g. {"checkout", "p99 latency"}; one map per suite.
using MetricMeasurements = std::map<std::pair<std::string, std::string>, MetricMeasurement>;

}  // namespace glassbox::reports
