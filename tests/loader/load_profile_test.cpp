// The `load`, `error_budget` and `compare` sections, top level and per environment, and the
// environment keys that choose what a run does (`cases`).
#include <string>

#include <gtest/gtest.h>

#include "tests/loader/loader_test_support.hpp"

namespace glassbox::loader {
namespace {

using namespace std::chrono_literals;
using suite::LoadModel;
using testing::load_error;
using testing::load_ok;

// Lines 1-9; a test's own section starts at line 10.
const std::string kBase = R"(suite: s
targets: {demo: builtin:demo, api: "http://localhost:8080"}
defaults: {target: demo}
requests:
  classify: {method: POST, path: /triangle, body: {a: 3, b: 4, c: 5}}
  next_day: {path: /nextdate, query: {date: "2024-02-28"}}
  create: {target: api, method: POST, path: /orders, capture: {order_id: /id}}
  pay: {target: api, method: POST, path: "/orders/{{order_id}}/pay"}
  health: {target: api, path: /healthz}
)";

TEST(LoaderLoad, ClosedProfileWithWeightsAndEveryOption) {
  suite::Suite s = load_ok(kBase + R"(load:
  requests: {classify: 3, next_day: 1}
  closed: {workers: 16, duration: 30s, count: 100000}
  max_in_flight: 500
  timeout: 2s
  warmup: 1.5s
)");
  ASSERT_TRUE(s.load);
  const suite::LoadProfile& load = *s.load;
  EXPECT_EQ(load.model, LoadModel::Closed);
  EXPECT_EQ(load.workers, 16);
  EXPECT_EQ(load.duration, std::chrono::milliseconds(30s));
  EXPECT_EQ(load.count, 100000u);
  EXPECT_EQ(load.requests, (std::vector<std::pair<std::string, double>>{{"classify", 3}, {"next_day", 1}}));
  EXPECT_EQ(load.max_in_flight, 500);
  EXPECT_EQ(load.timeout_ms, 2000);
  EXPECT_EQ(load.warmup, 1500ms);
  EXPECT_EQ(load.where.line, 11);
  EXPECT_EQ(load.describe(), "closed: 16 workers for 30 s or 100000 requests");
}

TEST(LoaderLoad, ConstantOpenRateIsOneStageFromThatRate) {
  suite::Suite s = load_ok(kBase + R"(load:
  requests: [classify, health]
  open: {rate: 200/s, duration: 30s, connections: 32}
)");
  ASSERT_TRUE(s.load);
  EXPECT_EQ(s.load->model, LoadModel::Open);
  EXPECT_EQ(s.load->connections, 32);
  EXPECT_DOUBLE_EQ(s.load->start_rate, 200);
  ASSERT_EQ(s.load->stages.size(), 1u);
  EXPECT_DOUBLE_EQ(s.load->stages[0].rate, 200);
  EXPECT_EQ(s.load->stages[0].duration, 30000ms);
  EXPECT_EQ(s.load->requests, (std::vector<std::pair<std::string, double>>{{"classify", 1}, {"health", 1}}));
  EXPECT_EQ(s.load->describe(), "open: 200/s for 30 s");
  EXPECT_FALSE(s.load->timeout_ms) << "unset: the suite's default timeout";
  EXPECT_EQ(s.load->warmup, 0ms);
}

TEST(LoaderLoad, RampingStagesStartFromStartRate) {
  suite::Suite s = load_ok(kBase + R"(load:
  open:
    start_rate: 0/s
    stages: [{rate: 6000/m, duration: 10s}, {rate: 300, duration: 20s}, {rate: 0/s, duration: 5s}]
)");
  ASSERT_TRUE(s.load);
  EXPECT_DOUBLE_EQ(s.load->start_rate, 0);
  ASSERT_EQ(s.load->stages.size(), 3u);
  EXPECT_DOUBLE_EQ(s.load->stages[0].rate, 100);
  EXPECT_DOUBLE_EQ(s.load->stages[1].rate, 300);
  EXPECT_EQ(s.load->planned_duration(), 35000ms);
  EXPECT_TRUE(s.load->requests.empty()) << "empty: every request that needs no captured value";
}

TEST(LoaderLoad, ErrorsSayWhatAProfileNeeds) {
  struct Case {
    std::string yaml;
    std::string error;
  };
  const Case cases[] = {
      {"load: {}\n",
       "suite.yaml:10:7: 'load' needs 'closed' (workers for a duration or a count) or 'open' (an arrival rate)"},
      {"load: {closed: {count: 5}, open: {rate: 5/s, duration: 1s}}\n",
       "suite.yaml:10:28: 'load' has both 'closed' and 'open': pick one"},
      {"load: {closed: {workers: 4}}\n",
       "suite.yaml:10:16: 'closed' needs 'duration' or 'count' (or both: it stops at whichever comes first)"},
      {"load: {closed: {workers: 0, count: 5}}\n", "suite.yaml:10:26: 'workers' must be at least 1, got 0"},
      {"load: {closed: {count: 0}}\n", "suite.yaml:10:24: 'count' must be at least 1, got 0"},
      {"load: {closed: {duration: soon}}\n",
       "suite.yaml:10:27: 'duration' must be a duration such as 150ms, 1.5s, 2m or 1h (a number is milliseconds), got "
       "'soon'"},
      {"load: {closed: {wokers: 4, count: 5}}\n",
       "suite.yaml:10:17: unknown key 'wokers' in 'closed' of 'load' (did you mean 'workers'?)"},
      {"load: {open: {rate: 5/s}}\n",
       "suite.yaml:10:14: 'open' with 'rate' needs 'duration', e.g. {rate: 200/s, duration: 30s}"},
      {"load: {open: {connections: 4}}\n",
       "suite.yaml:10:14: 'open' needs 'rate' and 'duration' (a constant rate) or 'stages' (a ramp)"},
      {"load: {open: {rate: 5/s, duration: 1s, stages: []}}\n",
       "suite.yaml:10:40: 'open' has both 'rate' and 'stages': a constant rate is 'rate' and 'duration', a ramp is "
       "'stages'"},
      {"load: {open: {rate: 0/s, duration: 1s}}\n", "suite.yaml:10:21: 'rate' must be more than 0, got '0/s'"},
      {"load: {open: {rate: 5/s, duration: 1s, start_rate: 1/s}}\n",
       "suite.yaml:10:40: 'start_rate' applies to 'stages' (a ramp)"},
      {"load: {open: {stages: [{rate: 5/s, duration: 1s}], duration: 1s}}\n",
       "suite.yaml:10:52: 'duration' applies to a constant 'rate'; with 'stages' each stage has its own"},
      {"load: {open: {stages: []}}\n",
       "suite.yaml:10:23: 'stages' needs at least one stage, e.g. [{rate: 100/s, duration: 10s}]"},
      {"load: {open: {stages: [{rate: 5/s}]}}\n",
       "suite.yaml:10:24: a stage needs 'rate' and 'duration', e.g. {rate: 100/s, duration: 10s}"},
      {"load: {open: {stages: [{rate: 0/s, duration: 1s}]}}\n",
       "suite.yaml:10:23: every stage of 'open' has rate 0, so nothing would be sent"},
      {"load: {open: {rate: fast, duration: 1s}}\n",
       "suite.yaml:10:21: 'rate' must be a rate such as 50/s or 3000/m (a number is per second), got 'fast'"},
      {"load: {requests: [clasify], closed: {count: 5}}\n",
       "suite.yaml:10:19: unknown request 'clasify' in 'load' (did you mean 'classify'?)"},
      {"load: {requests: [pay], closed: {count: 5}}\n",
       "suite.yaml:10:19: request 'pay' uses the captured value 'order_id', so it cannot run alone in the load phase"},
      {"load: {requests: {pay: 1}, closed: {count: 5}}\n",
       "suite.yaml:10:19: request 'pay' uses the captured value 'order_id', so it cannot run alone in the load phase"},
      {"load: {requests: [classify, classify], closed: {count: 5}}\n",
       "suite.yaml:10:29: 'requests' of 'load' lists 'classify' twice"},
      {"load: {requests: {classify: 0}, closed: {count: 5}}\n",
       "suite.yaml:10:29: the weight of request 'classify' must be more than 0, got 0"},
      {"load: {requests: [], closed: {count: 5}}\n",
       "suite.yaml:10:18: 'requests' of 'load' needs at least one request"},
      {"load: {closed: {count: 5}, max_in_flight: 0}\n", "suite.yaml:10:43: 'max_in_flight' must be at least 1, got 0"},
      {"load: {closed: {count: 5}, timeout: 0s}\n", "suite.yaml:10:37: 'timeout' must be more than 0, got '0s'"},
      {"load: {rate: 5/s, duration: 1s}\n",
       "suite.yaml:10:8: 'rate' belongs inside 'open': load: {open: {rate: 200/s, "
       "duration: 30s}}"},
      {"load: {duration: 1s}\n",
       "suite.yaml:10:8: 'duration' belongs inside 'closed' or 'open': load: {closed: {workers: 16, duration: 30s}}"},
      {"load: {closed: {count: 5}, warmup: -1s}\n",
       "suite.yaml:10:36: 'warmup' must be a duration such as 150ms, 1.5s, 2m or 1h (a number is milliseconds), got "
       "'-1s'"},
  };
  for (const Case& c : cases) EXPECT_EQ(load_error(kBase + c.yaml), c.error) << c.yaml;
}

TEST(LoaderLoad, NoDefaultRequestsWhenEveryRequestNeedsACapturedValue) {
  EXPECT_EQ(load_error(R"(suite: s
targets: {api: "http://localhost:8080"}
requests:
  create: {method: POST, path: /orders, capture: {order_id: /id}}
  pay: {method: POST, path: "/orders/{{order_id}}/pay", capture: {paid: /id}}
  ship: {method: POST, path: "/orders/{{paid}}/ship"}
load: {closed: {count: 5}}
)"),
            "loaded")
      << "create needs nothing captured, so it can run alone";
  EXPECT_EQ(load_error(R"(suite: s
targets: {api: "http://localhost:8080"}
requests:
  create: {method: POST, path: /orders, capture: {order_id: /id}}
  pay: {method: POST, path: "/orders/{{order_id}}/pay"}
load: {requests: [create], closed: {count: 5}}
)"),
            "loaded");
}

TEST(LoaderErrorBudget, EveryKeyIsReadAndRulesDefaultToTheWorkbooks) {
  suite::Suite s = load_ok(kBase + R"(error_budget:
  availability: 99.9%
  period: 28d
  target: demo
  request: classify
  prometheus:
    query: http://prometheus:9090
    errors: 'sum(rate(http_requests_total{code=~"5.."}[{{window}}]))'
    total: 'sum(rate(http_requests_total[{{window}}]))'
)");
  ASSERT_TRUE(s.error_budget);
  const suite::ErrorBudgetSpec& b = *s.error_budget;
  EXPECT_DOUBLE_EQ(b.availability, 0.999);
  EXPECT_EQ(b.period, std::chrono::seconds(28 * 24 * 3600));
  EXPECT_EQ(b.target, "demo");
  EXPECT_EQ(b.request, "classify");
  EXPECT_EQ(b.query_url, "http://prometheus:9090");
  EXPECT_EQ(b.errors_query, "sum(rate(http_requests_total{code=~\"5..\"}[{{window}}]))");
  EXPECT_EQ(b.total_query, "sum(rate(http_requests_total[{{window}}]))");
  ASSERT_EQ(b.rules.size(), 3u);
  EXPECT_EQ(b.rules[0].long_window, std::chrono::seconds(3600));
  EXPECT_EQ(b.rules[0].short_window, std::chrono::seconds(300));
  EXPECT_DOUBLE_EQ(b.rules[0].factor, 14.4);
  EXPECT_EQ(b.where.line, 11);
}

TEST(LoaderErrorBudget, RulesReplaceTheDefaults) {
  suite::Suite s = load_ok(kBase + R"(error_budget:
  availability: 0.995
  rules: [{long: 2h, short: 10m, factor: 10}]
)");
  ASSERT_TRUE(s.error_budget);
  EXPECT_EQ(s.error_budget->period, std::chrono::seconds(30 * 24 * 3600));
  ASSERT_EQ(s.error_budget->rules.size(), 1u);
  EXPECT_EQ(s.error_budget->rules[0].long_window, std::chrono::seconds(7200));
  EXPECT_EQ(s.error_budget->rules[0].short_window, std::chrono::seconds(600));
  EXPECT_DOUBLE_EQ(s.error_budget->rules[0].factor, 10);
  EXPECT_TRUE(s.error_budget->query_url.empty()) << "no history: long windows are not measured";
}

TEST(LoaderErrorBudget, ErrorsTeachTheFix) {
  struct Case {
    std::string yaml;
    std::string error;
  };
  const Case cases[] = {
      {"error_budget: {period: 30d}\n",
       "suite.yaml:10:15: 'error_budget' needs 'availability' (the target, e.g. 99.9%)"},
      {"error_budget: {availability: 100%}\n",
       "suite.yaml:10:30: 'availability' must be below 100% (100% leaves no error budget), got '100%'"},
      {"error_budget: {availability: 99%, period: 500ms}\n",
       "suite.yaml:10:43: 'period' must be at least 1s, got '500ms'"},
      {"error_budget: {availability: 99%, request: nope}\n",
       "suite.yaml:10:44: unknown request 'nope' in 'error_budget' (requests: classify, next_day, create, pay, "
       "health)"},
      {"error_budget: {availability: 99%, prometheus: {query: 'http://p:9090'}}\n",
       "suite.yaml:10:47: 'prometheus' needs 'query' (the base URL of a Prometheus API), 'errors' and 'total' (PromQL "
       "rates with {{window}})"},
      {"error_budget: {availability: 99%, prometheus: {query: p9090, errors: e, total: t}}\n",
       "suite.yaml:10:55: 'query' must be an http:// or https:// URL, got 'p9090'"},
      {"error_budget: {availability: 99%, rules: []}\n",
       "suite.yaml:10:42: 'rules' needs at least one rule, e.g. {long: 1h, short: 5m, factor: 14.4}; leave it out for "
       "the SRE workbook's three"},
      {"error_budget: {availability: 99%, rules: [{long: 1h, factor: 2}]}\n",
       "suite.yaml:10:43: a burn-rate rule needs 'long', 'short' and 'factor', e.g. {long: 1h, short: 5m, factor: "
       "14.4}"},
      {"error_budget: {availability: 99%, rules: [{long: 5m, short: 1h, factor: 2}]}\n",
       "suite.yaml:10:61: 'short' (1h) must be shorter than 'long' (5m)"},
      {"error_budget: {availability: 99%, rules: [{long: 1h, short: 5m, factor: 0}]}\n",
       "suite.yaml:10:73: 'factor' must be more than 0, got '0'"},
      {"error_budget: {availabilty: 99%}\n",
       "suite.yaml:10:16: unknown key 'availabilty' in 'error_budget' (did you mean 'availability'?)"},
  };
  for (const Case& c : cases) EXPECT_EQ(load_error(kBase + c.yaml), c.error) << c.yaml;
}

TEST(LoaderCompare, EveryKeyIsReadAndLatencyReplacesTheDefaultList) {
  suite::Suite s = load_ok(kBase + R"(compare:
  latency: {p50: 10%, p95: 0.1, p99: 150%}
  error_rate: 1%
  new_failures: false
  coverage_lost: false
  throughput_drop: 20%
)");
  ASSERT_TRUE(s.compare);
  EXPECT_EQ(s.compare->latency, (std::vector<std::pair<double, double>>{{0.5, 0.1}, {0.95, 0.1}, {0.99, 1.5}}));
  EXPECT_DOUBLE_EQ(s.compare->error_rate_points, 0.01);
  EXPECT_FALSE(s.compare->new_failures);
  EXPECT_FALSE(s.compare->coverage_lost);
  EXPECT_DOUBLE_EQ(s.compare->throughput_drop, 0.2);

  suite::Suite defaults = load_ok(kBase + "compare: {error_rate: 0%}\n");
  ASSERT_TRUE(defaults.compare);
  EXPECT_EQ(defaults.compare->latency.size(), 3u) << "unset keys keep the defaults";
  EXPECT_DOUBLE_EQ(defaults.compare->error_rate_points, 0) << "0 points: any growth regresses";
  EXPECT_TRUE(defaults.compare->new_failures);
}

TEST(LoaderCompare, ErrorsTeachTheFix) {
  EXPECT_EQ(load_error(kBase + "compare: {latency: {p75: 10%}}\n"),
            "suite.yaml:10:21: unknown percentile 'p75' in 'latency' of 'compare' (did you mean 'p95'?)");
  EXPECT_EQ(load_error(kBase + "compare: {latency: {}}\n"),
            "suite.yaml:10:20: 'latency' of 'compare' needs at least one percentile, e.g. {p95: 10%}");
  EXPECT_EQ(load_error(kBase + "compare: {throughput_drop: 120%}\n"),
            "suite.yaml:10:28: 'throughput_drop' must be at most 100%, got '120%'");
  EXPECT_EQ(load_error(kBase + "compare: {new_failures: maybe}\n"),
            "suite.yaml:10:25: 'new_failures' must be true or false, got 'maybe'");
  EXPECT_EQ(load_error(kBase + "compare: {eror_rate: 1%}\n"),
            "suite.yaml:10:11: unknown key 'eror_rate' in 'compare' (did you mean 'error_rate'?)");
}

TEST(LoaderEnvironments, LoadBudgetCompareAndCasesOverlayTheSuite) {
  suite::Suite s = load_ok(kBase + R"(load: {closed: {workers: 2, count: 10}}
error_budget: {availability: 99%}
environments:
  alpha:
    cases: all
  beta:
    cases: none
    load: {open: {rate: 100/s, duration: 10s}}
    error_budget: {availability: 99.9%, period: 7d}
    compare: {latency: {p95: 5%}}
  smoke:
    cases: "partitions/*"
)");
  ASSERT_EQ(s.environments.size(), 3u);
  EXPECT_EQ(s.environments[0].cases, "") << "all is the default, stored as empty";
  EXPECT_EQ(s.environments[1].cases, "none");
  EXPECT_EQ(s.environments[2].cases, "partitions/*");

  auto alpha = suite::plan_for(s, "alpha");
  ASSERT_TRUE(alpha);
  ASSERT_TRUE(alpha->load);
  EXPECT_EQ(alpha->load->model, LoadModel::Closed) << "no overlay: the suite's";
  EXPECT_DOUBLE_EQ(alpha->error_budget->availability, 0.99);
  EXPECT_EQ(alpha->compare.latency.size(), 3u) << "no compare anywhere: the defaults";

  auto beta = suite::plan_for(s, "beta");
  ASSERT_TRUE(beta);
  EXPECT_EQ(beta->cases, "none");
  ASSERT_TRUE(beta->load);
  EXPECT_EQ(beta->load->model, LoadModel::Open);
  EXPECT_DOUBLE_EQ(beta->error_budget->availability, 0.999);
  EXPECT_EQ(beta->error_budget->period, std::chrono::seconds(7 * 24 * 3600));
  EXPECT_EQ(beta->compare.latency, (std::vector<std::pair<double, double>>{{0.95, 0.05}}));

  EXPECT_EQ(suite::plan_for(s, "gamma").error().message,
            "suite 's' has no environment 'gamma' (it defines: alpha, beta, smoke)");
}

TEST(LoaderEnvironments, NewKeysAreCheckedWhereTheyAreWritten) {
  EXPECT_EQ(load_error(kBase + "environments:\n  beta:\n    load: {closed: {count: 5}, requests: [pay]}\n"),
            "suite.yaml:12:43: request 'pay' uses the captured value 'order_id', so it cannot run alone in the load "
            "phase");
  EXPECT_EQ(load_error(kBase + "environments:\n  beta:\n    cases: \"\"\n"),
            "suite.yaml:12:12: 'cases' must not be empty");
  EXPECT_EQ(load_error(kBase + "environments:\n  beta:\n    slo: []\n"),
            "suite.yaml:12:5: unknown key 'slo' in environment 'beta' (did you mean 'slos'?)");
  EXPECT_EQ(load_error(kBase + "environments:\n  beta:\n    error_budget: {availability: 2}\n"),
            "suite.yaml:12:34: 'availability' must be at most 100%, got '2'");
}

}  // namespace
}  // namespace glassbox::loader
