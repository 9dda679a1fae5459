// Service level objectives (SRE practice): an indicator (SLI) measured from one source, and
// objectives that bound it. Every objective becomes one verdict (pass, warn or fail, with the
// measured value, the threshold and the margin). Plus the error budget of an availability
// target with its multi-window burn-rate rule, and the thresholds a comparison with a
// baseline run uses. Plain data; see docs/suite-format.md, sections "slos", "error_budget"
// and "compare".
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "suites/model/expected.hpp"

namespace glassbox::suite {

// Where an SLI is measured.
//   Probe:   glassbox's own measurements: the load phase when one ran, else the final
//            attempts of the functional cases. Errors: transport errors and 5xx.
//   Spans:   the spans of the run's cases: duration and error status of an operation.
//   Metrics: the service's Prometheus metrics: scraped before and after the run (window =
//            the run), or asked of a Prometheus-compatible query API.
enum class SliSource { Probe, Spans, Metrics };

enum class ObjectiveKind {
  Latency,       // a percentile (or max) at most `threshold` milliseconds
  ErrorRate,     // share of errors at most `threshold` (0..1)
  Availability,  // share of successes at least `threshold` (0..1)
  Throughput,    // requests per second at least `threshold`
};

struct Objective {
  ObjectiveKind kind = ObjectiveKind::Latency;
  double quantile = 0.99;       // Latency: 0.5, 0.9, 0.95, 0.99, 0.999; 1.0 = max
  double threshold = 0;         // ms, ratio 0..1, or per second (see kind)
  SourceLocation where;

  // "p99 latency", "max latency", "error rate", "availability", "throughput"
  std::string name() const;
};

// The Prometheus side of a metrics SLI. Exactly one of scrape_url or query_url is set.
struct MetricSli {
  std::string scrape_url;       // a /metrics endpoint, scraped before and after the run
  std::string query_url;        // base URL of a Prometheus-compatible API (GET /api/v1/query)

  // Latency objectives: a classic histogram (name without _bucket), its unit, and the
  // series to keep (PromQL label matchers, e.g. `route="/orders"`).
  std::string histogram;
  double unit_to_ms = 1000;     // 1000 for *_seconds, 1 for *_milliseconds
  // Error rate / availability / throughput: a counter (sample name, e.g.
  // http_requests_total) and the matchers that pick its errors (e.g. `code=~"5.."`).
  std::string counter;
  std::string selector;         // PromQL matchers without braces; "" = every series
  std::string errors;           // PromQL matchers without braces
  // With query_url only: a PromQL expression per objective kind; `{{window}}` is replaced by
  // the run's length in seconds (e.g. "45s"). Overrides the histogram/counter form.
  std::string latency_query;    // its `{{quantile}}` is replaced by the objective's quantile
  std::string error_rate_query;
  std::string throughput_query;
};

struct Slo {
  std::string name;
  std::string description;
  SliSource source = SliSource::Probe;
  // Probe scope: one target and/or one request; empty = all.
  std::string target;
  std::string request;
  // Spans scope: an operation (span name) of a service; empty service = any service.
  std::string service;
  std::string operation;
  MetricSli metric;             // source Metrics
  std::vector<Objective> objectives;
  // A value that passes but uses more than this share of its threshold's room warns:
  // 0.8 = a p99 of 85 ms against 100 ms warns. 1.0 = never warn.
  double warn_at = 0.9;
  std::string origin;           // "" or the OpenSLO file it came from
  SourceLocation where;
};

// One rule of the multi-window, multi-burn-rate alert (SRE workbook, chapter 5): the budget
// burns too fast when the burn rate over both windows exceeds `factor`.
struct BurnRule {
  std::chrono::seconds long_window{3600};
  std::chrono::seconds short_window{300};
  double factor = 14.4;
};
std::vector<BurnRule> default_burn_rules();   // 1h/5m at 14.4, 6h/30m at 6, 3d/6h at 1

struct ErrorBudgetSpec {
  double availability = 0.999;                  // the target; the budget is 1 - availability
  std::chrono::seconds period{30 * 24 * 3600};  // the SLO period the budget is for
  std::vector<BurnRule> rules = default_burn_rules();
  // Long windows come from a Prometheus-compatible API over the service's history, when
  // named: two PromQL expressions with `{{window}}` (e.g. "1h") giving the error and total
  // request rates. Without them the long windows are reported as not measured.
  std::string query_url;
  std::string errors_query;
  std::string total_query;
  // Short windows (and the budget consumed by the run) use the run's own measurements
  // of this scope (probe: load phase, else cases).
  std::string target;
  std::string request;
  SourceLocation where;
};

// What a comparison with a baseline results file counts as a regression.
struct CompareThresholds {
  // Relative growth allowed per latency percentile (0.10 = may grow 10%).
  std::vector<std::pair<double, double>> latency = {{0.5, 0.10}, {0.95, 0.10}, {0.99, 0.10}};
  // A latency change smaller than this is noise, whatever its relative size (1.8 ms -> 4 ms is
  // +120% but no regression); a regression must exceed both allowances.
  double latency_floor_ms = 5;
  double error_rate_points = 0.01;   // absolute growth of the error rate allowed (0.01 = 1 point)
  bool new_failures = true;          // a case that passed in the baseline and fails now regresses
  bool coverage_lost = true;         // a coverage item covered in the baseline and not now regresses
  double throughput_drop = 0.10;     // relative drop of load throughput allowed
  SourceLocation where;
};

}  // namespace glassbox::suite
