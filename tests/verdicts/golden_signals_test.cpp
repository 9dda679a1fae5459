// Golden signals per target, from cases or from the load phase, named per suite when a run
// has several.
#include "reports/verdicts/golden_signals.hpp"

#include <gtest/gtest.h>

#include "tests/verdicts/sli_fixtures.hpp"

namespace glassbox::reports {
namespace {

using testing::repeated;
using testing::sent_case;

RunResults cases_run() {
  RunResults r;
  r.suites = {"shop"};
  r.duration_ms = 2000;
  r.cases = {sent_case("c1", "shop", "classify", "demo", 200, 10), sent_case("c2", "shop", "classify", "demo", 200, 20),
             sent_case("c3", "shop", "classify", "demo", 500, 30), sent_case("c4", "shop", "classify", "demo", 200, 40),
             sent_case("h1", "shop", "health", "demo", 200, 5), sent_case("o1", "shop", "classify", "other", 200, 900)};
  return r;
}

TEST(GoldenSignals, OnePerTargetFromTheCases) {
  const std::vector<GoldenSignals> signals = golden_signals(cases_run());
  ASSERT_EQ(signals.size(), 2u);
  const GoldenSignals& demo = signals[0];
  EXPECT_EQ(demo.target, "demo");
  EXPECT_EQ(demo.source, "cases");
  EXPECT_EQ(demo.requests, 5u);
  // 5, 10, 20, 30, 40 by nearest rank: p50 is the 3rd, p95 and p99 the 5th.
  EXPECT_DOUBLE_EQ(demo.p50_ms, 20);
  EXPECT_DOUBLE_EQ(demo.p95_ms, 40);
  EXPECT_DOUBLE_EQ(demo.p99_ms, 40);
  EXPECT_DOUBLE_EQ(demo.max_ms, 40);
  EXPECT_DOUBLE_EQ(demo.error_rate, 0.2);
  EXPECT_DOUBLE_EQ(demo.throughput, 2.5);   // 5 requests in 2 s
  EXPECT_FALSE(demo.saturation);
  EXPECT_EQ(signals[1].target, "other");
  EXPECT_EQ(signals[1].requests, 1u);
  EXPECT_DOUBLE_EQ(signals[1].max_ms, 900);
}

TEST(GoldenSignals, ACaseWithoutATargetNameIsKnownByItsOrigin) {
  RunResults run = cases_run();
  for (CaseResult& c : run.cases) c.target.clear();
  const auto signals = golden_signals(run);
  ASSERT_EQ(signals.size(), 1u);
  EXPECT_EQ(signals[0].target, "http://127.0.0.1:8080");
  EXPECT_EQ(signals[0].requests, 6u);
}

TEST(GoldenSignals, TargetsAreQualifiedBySuiteInMultiSuiteRuns) {
  RunResults run = cases_run();
  run.suites.push_back("billing");
  run.cases.push_back(sent_case("b1", "billing", "invoice", "demo", 200, 7));
  const auto signals = golden_signals(run);
  ASSERT_EQ(signals.size(), 3u);
  EXPECT_EQ(signals[0].target, "shop/demo");
  EXPECT_EQ(signals[1].target, "shop/other");
  EXPECT_EQ(signals[2].target, "billing/demo");
  EXPECT_EQ(signals[2].requests, 1u);
}

LoadResult load_phase() {
  LoadResult load;
  load.suite = "shop";
  load.duration_s = 10;
  load.completed = 150;
  load.errors = 5;
  load.latency = repeated(300000, 50);
  load.latency.merge(repeated(2000000, 100));
  load.latency_by_request["shop/checkout"] = repeated(300000, 50);
  load.latency_by_request["shop/browse"] = repeated(2000000, 100);
  load.requests_by_request = {{"shop/checkout", 50}, {"shop/browse", 100}};
  load.errors_by_request = {{"shop/checkout", 5}};
  return load;
}

TEST(GoldenSignals, ALoadPhaseWithRequestsTiedToNoTargetIsOneEntry) {
  RunResults run;
  run.suites = {"shop"};
  run.cases = {sent_case("k1", "shop", "checkout", "api", 200, 1)};
  run.load = {load_phase()};
  const auto signals = golden_signals(run);
  ASSERT_EQ(signals.size(), 1u);
  EXPECT_EQ(signals[0].target, "all targets");
  EXPECT_EQ(signals[0].source, "load");
  EXPECT_EQ(signals[0].requests, 150u);
  EXPECT_DOUBLE_EQ(signals[0].error_rate, 5.0 / 150);
  EXPECT_DOUBLE_EQ(signals[0].throughput, 15);
  EXPECT_DOUBLE_EQ(signals[0].max_ms, 2000);
}

TEST(GoldenSignals, ALoadPhaseSplitsByTargetWhenEveryRequestHasOne) {
  RunResults run;
  run.suites = {"shop"};
  run.cases = {sent_case("k1", "shop", "checkout", "api", 200, 1), sent_case("b1", "shop", "browse", "web", 200, 1)};
  run.load = {load_phase()};
  const auto signals = golden_signals(run);
  ASSERT_EQ(signals.size(), 2u);
  // Keys in order: shop/browse, shop/checkout.
  EXPECT_EQ(signals[0].target, "web");
  EXPECT_EQ(signals[0].requests, 100u);
  EXPECT_DOUBLE_EQ(signals[0].p99_ms, 2000);
  EXPECT_DOUBLE_EQ(signals[0].throughput, 10);
  EXPECT_EQ(signals[1].target, "api");
  EXPECT_EQ(signals[1].requests, 50u);
  EXPECT_DOUBLE_EQ(signals[1].p50_ms, 300);
  EXPECT_DOUBLE_EQ(signals[1].error_rate, 0.1);
}

TEST(GoldenSignals, ALoadPhaseForOneTargetIsNamedAfterIt) {
  RunResults run;
  run.suites = {"shop"};
  run.cases = {sent_case("k1", "shop", "checkout", "api", 200, 1), sent_case("b1", "shop", "browse", "api", 200, 1)};
  run.load = {load_phase()};
  const auto signals = golden_signals(run);
  ASSERT_EQ(signals.size(), 1u);
  EXPECT_EQ(signals[0].target, "api");
  EXPECT_EQ(signals[0].requests, 150u);
}

}  // namespace
}  // namespace glassbox::reports
