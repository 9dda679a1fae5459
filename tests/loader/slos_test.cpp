// The `slos` section: SLIs from probes, spans and Prometheus metrics, their objectives, and
// what an environment's SLOs do to the suite's (plan_for).
#include <string>

#include <gtest/gtest.h>

#include "tests/loader/loader_test_support.hpp"

namespace glassbox::loader {
namespace {

using suite::ObjectiveKind;
using suite::SliSource;
using testing::load_error;
using testing::load_ok;

// Lines 1-10; a test's own section starts at line 11.
const std::string kBase = R"(suite: s
targets: {demo: builtin:demo, api: "http://localhost:8080"}
defaults: {target: demo}
inputs:
  a: {type: int, min: 1, max: 9}
requests:
  classify: {method: POST, path: /triangle, body: {a: "{{a}}"}}
  create: {target: api, method: POST, path: /orders, capture: {order_id: /id}}
  pay: {target: api, method: POST, path: "/orders/{{order_id}}/pay"}
  health: {target: api, path: /healthz}
)";

TEST(LoaderSlos, ProbeSloReadsEveryKeyAndQuantity) {
  suite::Suite s = load_ok(kBase + R"(slos:
  - name: classify is fast
    description: the triangle answers quickly
    source: probe
    target: demo
    request: classify
    objectives:
      latency: {p50: 20ms, p90: 0.5s, p95: 80, p99: 150ms, p999: 1.5s, max: 1m}
      error_rate: 1%
      availability: 99.9%
      throughput: 3000/m
    warn_at: 80%
)");
  ASSERT_EQ(s.slos.size(), 1u);
  const suite::Slo& slo = s.slos[0];
  EXPECT_EQ(slo.name, "classify is fast");
  EXPECT_EQ(slo.description, "the triangle answers quickly");
  EXPECT_EQ(slo.source, SliSource::Probe);
  EXPECT_EQ(slo.target, "demo");
  EXPECT_EQ(slo.request, "classify");
  EXPECT_DOUBLE_EQ(slo.warn_at, 0.8);
  EXPECT_EQ(slo.where.line, 12);
  EXPECT_EQ(slo.where.column, 5);
  ASSERT_EQ(slo.objectives.size(), 9u);
  const double quantiles[] = {0.5, 0.9, 0.95, 0.99, 0.999, 1.0};
  const double thresholds[] = {20, 500, 80, 150, 1500, 60000};
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(slo.objectives[i].kind, ObjectiveKind::Latency) << i;
    EXPECT_DOUBLE_EQ(slo.objectives[i].quantile, quantiles[i]) << i;
    EXPECT_DOUBLE_EQ(slo.objectives[i].threshold, thresholds[i]) << i;
  }
  EXPECT_EQ(slo.objectives[5].name(), "max latency");
  EXPECT_EQ(slo.objectives[0].where.line, 18);
  EXPECT_EQ(slo.objectives[6].kind, ObjectiveKind::ErrorRate);
  EXPECT_DOUBLE_EQ(slo.objectives[6].threshold, 0.01);
  EXPECT_EQ(slo.objectives[7].kind, ObjectiveKind::Availability);
  EXPECT_DOUBLE_EQ(slo.objectives[7].threshold, 0.999);
  EXPECT_EQ(slo.objectives[8].kind, ObjectiveKind::Throughput);
  EXPECT_DOUBLE_EQ(slo.objectives[8].threshold, 50);
}

TEST(LoaderSlos, DefaultsAreProbeOverEverythingAndWarnAtNinetyPercent) {
  suite::Suite s = load_ok(kBase + R"(slos:
  - {name: ratio, objectives: {error_rate: 0.05, availability: 0.99}}
)");
  ASSERT_EQ(s.slos.size(), 1u);
  EXPECT_EQ(s.slos[0].source, SliSource::Probe);
  EXPECT_TRUE(s.slos[0].target.empty());
  EXPECT_TRUE(s.slos[0].request.empty());
  EXPECT_DOUBLE_EQ(s.slos[0].warn_at, 0.9);
  EXPECT_DOUBLE_EQ(s.slos[0].objectives[0].threshold, 0.05);
  EXPECT_DOUBLE_EQ(s.slos[0].objectives[1].threshold, 0.99);
  EXPECT_TRUE(s.slos[0].origin.empty());
}

TEST(LoaderSlos, SpansSloNamesAnOperation) {
  suite::Suite s = load_ok(kBase + R"(slos:
  - name: classify span
    source: spans
    service: glassbox-demo
    operation: classify
    objectives: {latency: {p99: 5ms}, error_rate: 0.1%}
)");
  ASSERT_EQ(s.slos.size(), 1u);
  EXPECT_EQ(s.slos[0].source, SliSource::Spans);
  EXPECT_EQ(s.slos[0].service, "glassbox-demo");
  EXPECT_EQ(s.slos[0].operation, "classify");
  EXPECT_DOUBLE_EQ(s.slos[0].objectives[1].threshold, 0.001);
}

TEST(LoaderSlos, ScrapedMetricsTakeTheUnitFromTheHistogramName) {
  suite::Suite s = load_ok(kBase + R"(slos:
  - name: orders
    source: metrics
    metrics:
      scrape: http://127.0.0.1:9464/metrics
      histogram: http_server_duration_milliseconds
      counter: http_requests_total
      selector: '{route="/orders"}'
      errors: 'code=~"5.."'
    objectives: {latency: {p95: 80ms}, availability: 99.5%, throughput: 50/s}
)");
  ASSERT_EQ(s.slos.size(), 1u);
  const suite::MetricSli& m = s.slos[0].metric;
  EXPECT_EQ(m.scrape_url, "http://127.0.0.1:9464/metrics");
  EXPECT_TRUE(m.query_url.empty());
  EXPECT_EQ(m.histogram, "http_server_duration_milliseconds");
  EXPECT_DOUBLE_EQ(m.unit_to_ms, 1.0);
  EXPECT_EQ(m.counter, "http_requests_total");
  EXPECT_EQ(m.selector, "route=\"/orders\"") << "braces around matchers are dropped";
  EXPECT_EQ(m.errors, "code=~\"5..\"");
}

TEST(LoaderSlos, QueriedMetricsTakePromqlPerObjectiveAndAnExplicitUnit) {
  suite::Suite s = load_ok(kBase + R"(slos:
  - name: from prometheus
    source: metrics
    metrics:
      query: http://prometheus:9090
      histogram: rpc_latency
      unit: s
      latency_query: 'histogram_quantile({{quantile}}, sum by (le) (rate(rpc_latency_bucket[{{window}}])))'
      error_rate_query: 'sum(rate(rpc_errors_total[{{window}}])) / sum(rate(rpc_total[{{window}}]))'
      throughput_query: 'sum(rate(rpc_total[{{window}}]))'
    objectives: {latency: {p99: 300ms}, error_rate: 1%, throughput: 10/s}
)");
  ASSERT_EQ(s.slos.size(), 1u);
  const suite::MetricSli& m = s.slos[0].metric;
  EXPECT_EQ(m.query_url, "http://prometheus:9090");
  EXPECT_TRUE(m.scrape_url.empty());
  EXPECT_DOUBLE_EQ(m.unit_to_ms, 1000.0);
  EXPECT_EQ(m.latency_query, "histogram_quantile({{quantile}}, sum by (le) (rate(rpc_latency_bucket[{{window}}])))");
  EXPECT_EQ(m.error_rate_query, "sum(rate(rpc_errors_total[{{window}}])) / sum(rate(rpc_total[{{window}}]))");
  EXPECT_EQ(m.throughput_query, "sum(rate(rpc_total[{{window}}]))");
}

TEST(LoaderSlos, ErrorsNameTheSloAndTeachTheFix) {
  struct Case {
    std::string yaml;
    std::string error;
  };
  const Case cases[] = {
      {"slos:\n  - {objectives: {error_rate: 1%}}\n",
       "suite.yaml:12:5: an SLO needs 'name' (or is {openslo: file} to read OpenSLO documents)"},
      {"slos:\n  - {name: x, objectivs: {error_rate: 1%}}\n",
       "suite.yaml:12:15: unknown key 'objectivs' in SLO 'x' (did you mean 'objectives'?)"},
      {"slos:\n  - {name: x}\n",
       "suite.yaml:12:5: SLO 'x' needs 'objectives' (e.g. objectives: {latency: {p99: 150ms}, error_rate: 1%})"},
      {"slos:\n  - {name: x, objectives: {}}\n",
       "suite.yaml:12:27: 'objectives' of SLO 'x' needs at least one of latency, error_rate, availability, throughput"},
      {"slos:\n  - {name: x, objectives: {latency: {p75: 10ms}}}\n",
       "suite.yaml:12:38: unknown percentile 'p75' in 'latency' of SLO 'x' (did you mean 'p95'?)"},
      {"slos:\n  - {name: x, objectives: {latency: {p98: 10ms}}}\n",
       "suite.yaml:12:38: unknown percentile 'p98' in 'latency' of SLO 'x' (did you mean 'p90'?)"},
      {"slos:\n  - {name: x, objectives: {latency: 100ms}}\n",
       "suite.yaml:12:37: 'latency' must be a map of percentiles to durations, e.g. {p99: 150ms}, got '100ms'"},
      {"slos:\n  - {name: x, objectives: {latency: {p99: 0ms}}}\n",
       "suite.yaml:12:43: 'p99' must be more than 0, got '0ms'"},
      {"slos:\n  - {name: x, objectives: {latency: {p99: fast}}}\n",
       "suite.yaml:12:43: 'p99' must be a duration such as 150ms, 1.5s, 2m or 1h (a number is milliseconds), got "
       "'fast'"},
      {"slos:\n  - {name: x, objectives: {error_rate: 0%}}\n",
       "suite.yaml:12:40: 'error_rate' must be more than 0, got '0%'"},
      {"slos:\n  - {name: x, objectives: {error_rate: 2}}\n",
       "suite.yaml:12:40: 'error_rate' must be at most 100%, got '2'"},
      {"slos:\n  - {name: x, objectives: {error_rate: lots}}\n",
       "suite.yaml:12:40: 'error_rate' must be a percentage such as 1% or a ratio such as 0.01, got 'lots'"},
      {"slos:\n  - {name: x, objectives: {availability: 100%}}\n",
       "suite.yaml:12:42: 'availability' must be below 100% (100% allows no error at all), got '100%'"},
      {"slos:\n  - {name: x, objectives: {throughput: 5/x}}\n",
       "suite.yaml:12:40: 'throughput' must be a rate such as 50/s or 3000/m (a number is per second), got '5/x'"},
      {"slos:\n  - {name: x, warn_at: 0, objectives: {error_rate: 1%}}\n",
       "suite.yaml:12:24: 'warn_at' must be more than 0, got '0'"},
      {"slos:\n  - {name: x, source: prob, objectives: {error_rate: 1%}}\n",
       "suite.yaml:12:23: unknown SLI source 'prob' (did you mean 'probe'?)"},
      {"slos:\n  - {name: x, target: dmeo, objectives: {error_rate: 1%}}\n",
       "suite.yaml:12:23: unknown target 'dmeo' in SLO 'x' (did you mean 'demo'?)"},
      {"slos:\n  - {name: x, request: clasify, objectives: {error_rate: 1%}}\n",
       "suite.yaml:12:24: unknown request 'clasify' in SLO 'x' (did you mean 'classify'?)"},
      {"slos:\n  - {name: x, target: api, request: classify, objectives: {error_rate: 1%}}\n",
       "suite.yaml:12:37: request 'classify' of SLO 'x' goes to target 'demo', not 'api'"},
      {"slos:\n  - {name: x, operation: classify, objectives: {error_rate: 1%}}\n",
       "suite.yaml:12:15: 'operation' applies to SLOs with source: spans (this one has source: probe)"},
      {"slos:\n  - {name: x, source: spans, request: classify, objectives: {error_rate: 1%}}\n",
       "suite.yaml:12:30: 'request' applies to SLOs with source: probe (this one has source: spans)"},
      {"slos:\n  - {name: x, source: spans, objectives: {error_rate: 1%}}\n",
       "suite.yaml:12:5: SLO 'x' has source: spans and needs 'operation' (the span name)"},
      {"slos:\n  - {name: x, source: metrics, objectives: {error_rate: 1%}}\n",
       "suite.yaml:12:5: SLO 'x' has source: metrics and needs 'metrics' (scrape or query, and a histogram or "
       "counter)"},
      {"slos:\n  - {name: x, objectives: {error_rate: 1%}}\n  - {name: x, objectives: {error_rate: 2%}}\n",
       "suite.yaml:13:5: SLO 'x' is defined twice in 'slos' (first at line 12)"},
      {"slos: {name: x}\n", "suite.yaml:11:7: 'slos' must be a list, got a map"},
  };
  for (const Case& c : cases) EXPECT_EQ(load_error(kBase + c.yaml), c.error) << c.yaml;
}

TEST(LoaderSlos, MetricsErrorsSayWhatAnObjectiveNeeds) {
  auto slo = [](const std::string& metrics, const std::string& objectives = "{error_rate: 1%}") {
    return kBase + "slos:\n  - name: m\n    source: metrics\n    metrics: " + metrics +
           "\n    objectives: " + objectives + "\n";
  };
  EXPECT_EQ(load_error(slo("{counter: c}")),
            "suite.yaml:14:14: 'metrics' of SLO 'm' needs 'scrape' (a /metrics URL) or 'query' (the base URL of a "
            "Prometheus API)");
  EXPECT_EQ(load_error(slo("{scrape: 'http://a/metrics', query: 'http://p:9090'}")),
            "suite.yaml:14:50: 'metrics' of SLO 'm' has both 'scrape' and 'query': pick one");
  EXPECT_EQ(load_error(slo("{scrape: 'ftp://a/metrics'}")),
            "suite.yaml:14:23: 'scrape' must be an http:// or https:// URL, got 'ftp://a/metrics'");
  EXPECT_EQ(load_error(slo("{scrape: 'http://a/metrics', error_rate_query: 'x'}")),
            "suite.yaml:14:43: 'error_rate_query' needs 'query' (a Prometheus API to ask); a scrape computes the SLI "
            "from 'histogram' or 'counter'");
  EXPECT_EQ(load_error(slo("{scrape: 'http://a/metrics', histogram: latency_seconds_bucket}")),
            "suite.yaml:14:54: 'histogram' names the histogram without '_bucket': write 'latency_seconds'");
  EXPECT_EQ(load_error(slo("{scrape: 'http://a/metrics', histogram: latency}")),
            "suite.yaml:14:54: cannot tell the unit of histogram 'latency' from its name (it ends in neither _seconds "
            "nor _milliseconds): add unit: s or unit: ms");
  EXPECT_EQ(load_error(slo("{scrape: 'http://a/metrics', histogram: latency, unit: us}")),
            "suite.yaml:14:69: 'unit' must be s or ms, got 'us'");
  EXPECT_EQ(load_error(slo("{scrape: 'http://a/metrics', counter: requests_total}")),
            "suite.yaml:15:18: the error rate objective of SLO 'm' needs 'counter' and 'errors' (the request counter "
            "and the matchers that pick its errors) in 'metrics'");
  EXPECT_EQ(load_error(slo("{query: 'http://p:9090'}", "{latency: {p99: 1s}}")),
            "suite.yaml:15:28: the p99 latency objective of SLO 'm' needs 'histogram' or 'latency_query' in 'metrics'");
  EXPECT_EQ(load_error(slo("{scrape: 'http://a/metrics'}", "{throughput: 5/s}")),
            "suite.yaml:15:18: the throughput objective of SLO 'm' needs 'counter' (the request counter) in 'metrics'");
  EXPECT_EQ(load_error(slo("{query: 'http://p:9090'}", "{availability: 99%}")),
            "suite.yaml:15:18: the availability objective of SLO 'm' needs 'counter' and 'errors', or "
            "'error_rate_query' in 'metrics'");
  EXPECT_EQ(load_error(slo("{scrape: 'http://a/metrics', histogram: latency, unit: ms}", "{latency: {max: 2s}}")),
            "loaded");
}

TEST(LoaderSlos, EnvironmentSlosReplaceSameNameAndAddOthers) {
  suite::Suite s = load_ok(kBase + R"(slos:
  - {name: fast, objectives: {latency: {p99: 100ms}}}
  - {name: correct, objectives: {error_rate: 1%}}
environments:
  alpha:
    slos:
      - {name: fast, objectives: {latency: {p99: 500ms}}}
  beta:
    slos:
      - {name: busy, request: classify, objectives: {throughput: 100/s}}
)");
  ASSERT_EQ(s.environments.size(), 2u);
  ASSERT_EQ(s.environments[0].slos.size(), 1u);
  EXPECT_EQ(s.environments[0].slos[0].where.line, 17);

  auto plain = suite::plan_for(s, "");
  ASSERT_TRUE(plain);
  ASSERT_EQ(plain->slos.size(), 2u);
  EXPECT_DOUBLE_EQ(plain->slos[0].objectives[0].threshold, 100);

  auto alpha = suite::plan_for(s, "alpha");
  ASSERT_TRUE(alpha);
  ASSERT_EQ(alpha->slos.size(), 2u) << "the same name replaces, in the suite's order";
  EXPECT_EQ(alpha->slos[0].name, "fast");
  EXPECT_DOUBLE_EQ(alpha->slos[0].objectives[0].threshold, 500);
  EXPECT_EQ(alpha->slos[1].name, "correct");

  auto beta = suite::plan_for(s, "beta");
  ASSERT_TRUE(beta);
  ASSERT_EQ(beta->slos.size(), 3u);
  EXPECT_EQ(beta->slos[2].name, "busy");
  EXPECT_EQ(beta->slos[2].request, "classify");
}

TEST(LoaderSlos, EnvironmentSlosAreCheckedLikeTheSuitesAndUniqueInTheirList) {
  EXPECT_EQ(load_error(kBase + R"(environments:
  beta:
    slos:
      - {name: a, request: pya, objectives: {error_rate: 1%}}
)"),
            "suite.yaml:14:28: unknown request 'pya' in SLO 'a' (did you mean 'pay'?)");
  EXPECT_EQ(load_error(kBase + R"(environments:
  beta:
    slos:
      - {name: a, objectives: {error_rate: 1%}}
      - {name: a, objectives: {error_rate: 2%}}
)"),
            "suite.yaml:15:9: SLO 'a' is defined twice in 'slos' of environment 'beta' (first at line 14)");
  EXPECT_EQ(load_error(kBase + R"(slos:
  - {name: a, objectives: {error_rate: 1%}}
environments:
  beta:
    slos:
      - {name: a, objectives: {error_rate: 2%}}
)"),
            "loaded")
      << "an environment's SLO of the suite's name is an overlay, not a duplicate";
}

}  // namespace
}  // namespace glassbox::loader
