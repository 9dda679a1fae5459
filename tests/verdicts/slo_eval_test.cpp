// SLO verdicts from each source: the probe's cases and load phase with their scopes, spans,
// and metric measurements handed over by the runner, including every not-measured reason.
#include "reports/verdicts/slo_eval.hpp"

#include <gtest/gtest.h>

#include "tests/verdicts/sli_fixtures.hpp"

namespace glassbox::reports {
namespace {

using suite::ObjectiveKind;
using suite::SliSource;
using testing::repeated;
using testing::sent_case;
using testing::span;

suite::Objective objective(ObjectiveKind kind, double threshold, double quantile = 0.99) {
  suite::Objective o;
  o.kind = kind;
  o.threshold = threshold;
  o.quantile = quantile;
  return o;
}

suite::Slo slo(std::string name, SliSource source, std::vector<suite::Objective> objectives) {
  suite::Slo s;
  s.name = std::move(name);
  s.source = source;
  s.objectives = std::move(objectives);
  return s;
}

// Suite "shop": four classify cases on target demo (one 5xx), one health case on demo and
// one classify case on target other; the run took 2 s.
RunResults cases_run() {
  RunResults r;
  r.suites = {"shop"};
  r.duration_ms = 2000;
  r.cases = {sent_case("c1", "shop", "classify", "demo", 200, 10), sent_case("c2", "shop", "classify", "demo", 200, 20),
             sent_case("c3", "shop", "classify", "demo", 500, 30), sent_case("c4", "shop", "classify", "demo", 200, 40),
             sent_case("h1", "shop", "health", "demo", 200, 5), sent_case("o1", "shop", "classify", "other", 200, 900)};
  return r;
}

TEST(EvaluateSlos, ProbeFromCasesKeepsToTheTargetAndRequest) {
  suite::Slo s = slo("classify", SliSource::Probe,
                     {objective(ObjectiveKind::Latency, 25, 0.5), objective(ObjectiveKind::ErrorRate, 0.1),
                      objective(ObjectiveKind::Throughput, 1)});
  s.target = "demo";
  s.request = "classify";
  const std::vector<SloResult> results = evaluate_slos("shop", {s}, cases_run(), {});
  ASSERT_EQ(results.size(), 3u);
  // Latencies 10, 20, 30, 40: the median is the 2nd by nearest rank.
  EXPECT_EQ(results[0].message, "p50 latency 20 ms <= 25 ms (margin 5 ms)");
  EXPECT_EQ(results[0].verdict, Verdict::Pass);
  EXPECT_EQ(results[0].source, "probe (cases)");
  EXPECT_EQ(results[0].scope, "target demo, request classify");
  EXPECT_EQ(results[0].samples, 4u);
  EXPECT_EQ(results[0].suite, "shop");
  EXPECT_EQ(results[0].slo, "classify");
  EXPECT_EQ(results[0].objective, "p50 latency");
  ASSERT_TRUE(results[0].measured);
  EXPECT_DOUBLE_EQ(*results[0].measured, 20);
  EXPECT_DOUBLE_EQ(results[0].threshold, 25);
  // One 5xx in four.
  EXPECT_EQ(results[1].message, "error rate 25% > 10% (150% over)");
  EXPECT_EQ(results[1].verdict, Verdict::Fail);
  // Four requests over the run's 2 s.
  EXPECT_EQ(results[2].message, "throughput 2/s >= 1/s (margin 1/s)");
}

TEST(EvaluateSlos, ProbeWithoutScopeTakesEveryCaseOfTheSuite) {
  RunResults run = cases_run();
  run.cases.push_back(sent_case("x1", "elsewhere", "classify", "demo", 500, 1));
  const auto results = evaluate_slos("shop", {slo("all", SliSource::Probe, {objective(ObjectiveKind::Latency, 1000, 1.0)})},
                                     run, {});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].message, "max latency 900 ms <= 1000 ms (margin 100 ms)");
  EXPECT_EQ(results[0].verdict, Verdict::Pass);   // warns above 900, not at it
  EXPECT_EQ(results[0].scope, "all requests");
  EXPECT_EQ(results[0].samples, 6u);
}

TEST(EvaluateSlos, TransportErrorsCountAgainstAvailability) {
  RunResults run;
  run.duration_ms = 1000;
  run.cases = {sent_case("a", "shop", "classify", "demo", 200, 10), sent_case("b", "shop", "classify", "demo", 0, 2000)};
  const auto results = evaluate_slos("shop", {slo("up", SliSource::Probe, {objective(ObjectiveKind::Availability, 0.99)})},
                                     run, {});
  EXPECT_EQ(results[0].message, "availability 50% < 99% (49 points under)");
}

TEST(EvaluateSlos, CasesThatSentNothingAreNoSamples) {
  RunResults run;
  run.duration_ms = 1000;
  CaseResult skipped = sent_case("s", "shop", "classify", "demo", 200, 10);
  skipped.outcome = Outcome::Skipped;
  CaseResult unsent;
  unsent.id = "u";
  unsent.suite = "shop";
  unsent.request = "classify";
  unsent.target = "demo";
  unsent.outcome = Outcome::Error;
  unsent.message = "capture 'id' missing";
  run.cases = {skipped, unsent};
  const auto results = evaluate_slos("shop", {slo("lat", SliSource::Probe, {objective(ObjectiveKind::Latency, 100)})},
                                     run, {});
  EXPECT_EQ(results[0].verdict, Verdict::NotMeasured);
  EXPECT_EQ(results[0].message, "p99 latency not measured: no requests in scope (all requests)");
  EXPECT_FALSE(results[0].measured);
  EXPECT_EQ(results[0].samples, 0u);
}

TEST(EvaluateSlos, EachSentStepOfAMultiStepCaseIsARequest) {
  RunResults run;
  run.duration_ms = 1000;
  CaseResult c = sent_case("m", "shop", "pay", "demo", 200, 30);
  c.steps = {{.request = "create", .outcome = Outcome::Passed, .status = 201, .latency_ms = 10},
             {.request = "pay", .outcome = Outcome::Failed, .status = 503, .latency_ms = 30},
             {.request = "ship", .outcome = Outcome::Skipped}};
  run.cases = {c};
  suite::Slo s = slo("pay", SliSource::Probe, {objective(ObjectiveKind::ErrorRate, 0.5)});
  const auto all = evaluate_slos("shop", {s}, run, {});
  EXPECT_EQ(all[0].samples, 2u);
  EXPECT_EQ(all[0].message, "error rate 50% <= 50% (margin 0 points; warns above 45%)");
  s.request = "create";
  const auto create = evaluate_slos("shop", {s}, run, {});
  EXPECT_EQ(create[0].message, "error rate 0% <= 50% (margin 50 points)");
}

// Suite "shop" with a load phase of 10 s: checkout 50 requests at 300 ms (5 errors), browse
// 100 at 1 ms; one functional case ties checkout to target api.
RunResults load_run() {
  RunResults r = cases_run();
  r.cases.push_back(sent_case("k1", "shop", "checkout", "api", 200, 1));
  LoadResult load;
  load.suite = "shop";
  load.duration_s = 10;
  load.completed = 150;
  load.errors = 5;
  load.latency = repeated(300000, 50);
  load.latency.merge(repeated(1000, 100));
  load.latency_by_request["shop/checkout"] = repeated(300000, 50);
  load.latency_by_request["shop/browse"] = repeated(1000, 100);
  load.requests_by_request = {{"shop/checkout", 50}, {"shop/browse", 100}};
  load.errors_by_request = {{"shop/checkout", 5}};
  r.load.push_back(load);
  return r;
}

TEST(EvaluateSlos, ProbePrefersTheLoadPhase) {
  const auto results = evaluate_slos(
      "shop", {slo("all", SliSource::Probe, {objective(ObjectiveKind::Latency, 2, 0.5), objective(ObjectiveKind::Throughput, 10)})},
      load_run(), {});
  EXPECT_EQ(results[0].source, "probe (load)");
  EXPECT_EQ(results[0].samples, 150u);
  EXPECT_EQ(results[0].message, "p50 latency 1 ms <= 2 ms (margin 1 ms)");
  EXPECT_EQ(results[1].message, "throughput 15/s >= 10/s (margin 5/s)");
}

TEST(EvaluateSlos, LoadPhaseScopedByRequest) {
  suite::Slo s = slo("checkout", SliSource::Probe,
                     {objective(ObjectiveKind::Latency, 200), objective(ObjectiveKind::ErrorRate, 0.2)});
  s.request = "checkout";
  const auto results = evaluate_slos("shop", {s}, load_run(), {});
  EXPECT_EQ(results[0].message, "p99 latency 300 ms > 200 ms (50% over)");
  EXPECT_EQ(results[0].samples, 50u);
  EXPECT_EQ(results[1].message, "error rate 10% <= 20% (margin 10 points)");
}

TEST(EvaluateSlos, LoadPhaseScopedByTargetThroughTheCasesOfEachRequest) {
  suite::Slo s = slo("api", SliSource::Probe, {objective(ObjectiveKind::Latency, 400)});
  s.target = "api";
  const auto api = evaluate_slos("shop", {s}, load_run(), {});
  EXPECT_EQ(api[0].message, "p99 latency 300 ms <= 400 ms (margin 100 ms)");
  EXPECT_EQ(api[0].samples, 50u);
  // browse has no case, so no target: a scope by target cannot include it.
  s.target = "web";
  const auto web = evaluate_slos("shop", {s}, load_run(), {});
  EXPECT_EQ(web[0].message, "p99 latency not measured: no requests in scope (target web)");
}

RunResults spans_run() {
  RunResults r;
  r.duration_ms = 4000;
  CaseResult a = sent_case("a", "shop", "classify", "demo", 200, 10);
  a.spans = {span("POST /triangle", "triangle", 12), span("classify", "triangle", 5),
             span("classify", "other", 500)};
  CaseResult b = sent_case("b", "shop", "classify", "demo", 200, 10);
  b.spans = {span("classify", "triangle", 15, "error")};
  r.cases = {a, b};
  return r;
}

TEST(EvaluateSlos, SpansOfAnOperationGiveLatencyAndErrors) {
  suite::Slo s = slo("classify", SliSource::Spans,
                     {objective(ObjectiveKind::Latency, 10), objective(ObjectiveKind::ErrorRate, 0.6),
                      objective(ObjectiveKind::Throughput, 1)});
  s.service = "triangle";
  s.operation = "classify";
  const auto results = evaluate_slos("shop", {s}, spans_run(), {});
  EXPECT_EQ(results[0].source, "spans");
  EXPECT_EQ(results[0].scope, "operation classify of service triangle");
  EXPECT_EQ(results[0].samples, 2u);
  EXPECT_EQ(results[0].message, "p99 latency 15 ms > 10 ms (50% over)");
  EXPECT_EQ(results[1].message, "error rate 50% <= 60% (margin 10 points)");
  // Two spans over 4 s.
  EXPECT_EQ(results[2].message, "throughput 0.5/s < 1/s (50% under)");
}

TEST(EvaluateSlos, SpansOfAnyServiceWhenNoneIsNamed) {
  suite::Slo s = slo("classify", SliSource::Spans, {objective(ObjectiveKind::Latency, 1000, 1.0)});
  s.operation = "classify";
  const auto results = evaluate_slos("shop", {s}, spans_run(), {});
  EXPECT_EQ(results[0].samples, 3u);
  EXPECT_EQ(results[0].message, "max latency 500 ms <= 1000 ms (margin 500 ms)");
}

TEST(EvaluateSlos, NoMatchingSpansIsNotMeasured) {
  suite::Slo s = slo("none", SliSource::Spans, {objective(ObjectiveKind::Latency, 10)});
  s.service = "triangle";
  s.operation = "nope";
  const auto results = evaluate_slos("shop", {s}, spans_run(), {});
  EXPECT_EQ(results[0].verdict, Verdict::NotMeasured);
  EXPECT_EQ(results[0].message, "p99 latency not measured: no spans in scope (operation nope of service triangle)");
}

TEST(EvaluateSlos, MetricsComeFromTheRunnersMeasurements) {
  const suite::Slo s = slo("api", SliSource::Metrics,
                           {objective(ObjectiveKind::Latency, 200), objective(ObjectiveKind::Availability, 0.999)});
  MetricMeasurements metrics;
  metrics[{"api", "p99 latency"}] = {.value = 312, .samples = 1200, .source = "metrics (scrape)",
                                     .scope = "http_request_duration_seconds{route=\"/orders\"}"};
  metrics[{"api", "availability"}] = {.value = 0.9995, .source = "metrics (query)", .scope = "1 - errors"};
  const auto results = evaluate_slos("shop", {s}, RunResults(), metrics);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].message, "p99 latency 312 ms > 200 ms (56% over)");
  EXPECT_EQ(results[0].source, "metrics (scrape)");
  EXPECT_EQ(results[0].scope, "http_request_duration_seconds{route=\"/orders\"}");
  EXPECT_EQ(results[0].samples, 1200u);
  EXPECT_EQ(results[1].message, "availability 99.95% >= 99.9% (margin 0.05 points)");
  EXPECT_EQ(results[1].source, "metrics (query)");
  EXPECT_EQ(results[1].samples, 0u);   // a query API does not say how many
}

TEST(EvaluateSlos, MetricsWithoutAValueSayWhy) {
  const suite::Slo s = slo("api", SliSource::Metrics,
                           {objective(ObjectiveKind::Latency, 200), objective(ObjectiveKind::ErrorRate, 0.01),
                            objective(ObjectiveKind::Throughput, 5), objective(ObjectiveKind::Availability, 0.9)});
  MetricMeasurements metrics;
  metrics[{"api", "p99 latency"}] = {
      .source = "metrics (scrape)",
      .error = "before the run: scrape http://127.0.0.1:9/metrics: connect to 127.0.0.1:9: connection refused"};
  metrics[{"api", "error rate"}] = {.value = std::numeric_limits<double>::quiet_NaN(), .source = "metrics (scrape)"};
  metrics[{"api", "throughput"}] = {.value = 0, .samples = 0, .source = "metrics (scrape)"};
  const auto results = evaluate_slos("shop", {s}, RunResults(), metrics);
  for (const SloResult& r : results) EXPECT_EQ(r.verdict, Verdict::NotMeasured) << r.message;
  EXPECT_EQ(results[0].message,
            "p99 latency not measured: before the run: scrape http://127.0.0.1:9/metrics: connect to 127.0.0.1:9: "
            "connection refused");
  EXPECT_EQ(results[1].message, "error rate not measured: no observations in the window");
  EXPECT_EQ(results[2].message, "throughput not measured: nothing was counted in the window");
  EXPECT_EQ(results[3].message, "availability not measured: the runner took no metric measurement for it");
  EXPECT_EQ(results[3].source, "metrics");
}

}  // namespace
}  // namespace glassbox::reports
