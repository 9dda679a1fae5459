// A run against its baseline: each kind of measure regressing and holding, the thresholds
// that switch kinds off, and the order of the items.
#include "reports/verdicts/comparison.hpp"

#include <gtest/gtest.h>

#include "tests/verdicts/sli_fixtures.hpp"

namespace glassbox::reports {
namespace {

using testing::repeated;
using testing::sent_case;

// Four cases on one target with every final attempt at `latency_ms`; the first `errors`
// of them answer 503 (and fail).
RunResults cases_run(double latency_ms, int errors = 0) {
  RunResults r;
  r.environment = "alpha";
  r.started_at = "2026-11-25T10:00:00Z";
  r.duration_ms = 1000;
  for (int i = 0; i < 4; ++i) {
    CaseResult c = sent_case("case" + std::to_string(i), "shop", "classify", "demo", i < errors ? 503 : 200, latency_ms);
    if (i < errors) c.outcome = Outcome::Failed;
    r.cases.push_back(c);
  }
  r.latency = repeated(static_cast<std::uint64_t>(latency_ms * 1000), 4);
  return r;
}

const Regression* find(const Comparison& c, const std::string& subject) {
  for (const Regression& r : c.items)
    if (r.subject == subject) return &r;
  return nullptr;
}

TEST(CompareRuns, NamesTheBaseline) {
  const Comparison c = compare_with_defaults(cases_run(100), cases_run(100), "alpha.json");
  EXPECT_EQ(c.baseline_file, "alpha.json");
  EXPECT_EQ(c.baseline_environment, "alpha");
  EXPECT_EQ(c.baseline_started_at, "2026-11-25T10:00:00Z");
  EXPECT_FALSE(c.regressed());
}

TEST(CompareRuns, LatencyGrowingPastItsAllowanceRegresses) {
  const Comparison c = compare_with_defaults(cases_run(100), cases_run(130), "alpha.json");
  const Regression* p95 = find(c, "p95 latency (cases)");
  ASSERT_NE(p95, nullptr);
  EXPECT_EQ(p95->kind, "latency");
  EXPECT_EQ(p95->baseline, "100 ms");
  EXPECT_EQ(p95->current, "130 ms");
  EXPECT_EQ(p95->change, "+30%");
  EXPECT_EQ(p95->allowed, "+10%");
  EXPECT_TRUE(p95->regressed);
  EXPECT_TRUE(c.regressed());
}

TEST(CompareRuns, LatencyWithinItsAllowanceHolds) {
  const Comparison c = compare_with_defaults(cases_run(100), cases_run(105), "alpha.json");
  const Regression* p99 = find(c, "p99 latency (cases)");
  ASSERT_NE(p99, nullptr);
  EXPECT_EQ(p99->change, "+5%");
  EXPECT_FALSE(p99->regressed);
  EXPECT_FALSE(c.regressed());
}

TEST(CompareRuns, AThresholdPerPercentile) {
  suite::CompareThresholds t;
  t.latency = {{0.5, 0.5}, {0.99, 0.2}};
  const Comparison c = compare_runs(cases_run(100), cases_run(130), t, "alpha.json");
  EXPECT_FALSE(find(c, "p50 latency (cases)")->regressed);
  EXPECT_TRUE(find(c, "p99 latency (cases)")->regressed);
  EXPECT_EQ(find(c, "p95 latency (cases)"), nullptr);
}

TEST(CompareRuns, ErrorRateGrowingPastItsPointsRegresses) {
  const Comparison c = compare_with_defaults(cases_run(100), cases_run(100, 1), "alpha.json");
  const Regression* errors = find(c, "error rate (cases)");
  ASSERT_NE(errors, nullptr);
  EXPECT_EQ(errors->kind, "error_rate");
  EXPECT_EQ(errors->baseline, "0%");
  EXPECT_EQ(errors->current, "25%");
  EXPECT_EQ(errors->change, "+25 points");
  EXPECT_EQ(errors->allowed, "+1 point");
  EXPECT_TRUE(errors->regressed);
}

TEST(CompareRuns, ErrorRateThatFellHolds) {
  const Comparison c = compare_with_defaults(cases_run(100, 2), cases_run(100, 1), "alpha.json");
  const Regression* errors = find(c, "error rate (cases)");
  ASSERT_NE(errors, nullptr);
  EXPECT_EQ(errors->change, "-25 points");
  EXPECT_FALSE(errors->regressed);
}

TEST(CompareRuns, ACaseThatPassedAndFailsNowRegresses) {
  const Comparison c = compare_with_defaults(cases_run(100), cases_run(100, 1), "alpha.json");
  const Regression* failing = find(c, "case0");
  ASSERT_NE(failing, nullptr);
  EXPECT_EQ(failing->kind, "case");
  EXPECT_EQ(failing->baseline, "passed");
  EXPECT_EQ(failing->current, "failed");
  EXPECT_EQ(failing->change, "passed -> failed");
  EXPECT_TRUE(failing->regressed);
  EXPECT_EQ(find(c, "cases that passed in the baseline"), nullptr);
}

TEST(CompareRuns, CasesThatStillPassHold) {
  // case0 failed in the baseline already: not newly failing.
  const Comparison c = compare_with_defaults(cases_run(100, 1), cases_run(100, 1), "alpha.json");
  const Regression* held = find(c, "cases that passed in the baseline");
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(held->baseline, "3 passed");
  EXPECT_EQ(held->current, "3 pass");
  EXPECT_EQ(held->change, "none newly failing");
  EXPECT_FALSE(held->regressed);
  EXPECT_EQ(find(c, "case0"), nullptr);
}

TEST(CompareRuns, NewFailuresAreNotJudgedWhenSwitchedOff) {
  suite::CompareThresholds t;
  t.new_failures = false;
  t.error_rate_points = 1;
  const Comparison c = compare_runs(cases_run(100), cases_run(100, 1), t, "alpha.json");
  EXPECT_EQ(find(c, "case0"), nullptr);
  EXPECT_FALSE(c.regressed());
}

CoverageItem item(std::string name, std::vector<std::string> cases, bool declared = true) {
  return {.suite = "shop", .service = "triangle", .kind = "branches", .item = std::move(name), .declared = declared,
          .cases = std::move(cases)};
}

TEST(CompareRuns, ACoveredItemNoCaseReachesNowRegresses) {
  RunResults baseline = cases_run(100);
  baseline.coverage = {item("classify.branch=isosceles", {"case1", "case2"}), item("classify.branch=scalene", {"case0"}),
                       item("classify.branch=invalid", {})};
  RunResults current = cases_run(100);
  current.coverage = {item("classify.branch=isosceles", {}), item("classify.branch=scalene", {"case0"}),
                      item("classify.branch=invalid", {})};
  const Comparison c = compare_with_defaults(baseline, current, "alpha.json");
  const Regression* lost = find(c, "branches classify.branch=isosceles (service triangle)");
  ASSERT_NE(lost, nullptr);
  EXPECT_EQ(lost->kind, "coverage");
  EXPECT_EQ(lost->baseline, "covered by 2 cases");
  EXPECT_EQ(lost->current, "not covered");
  EXPECT_EQ(lost->change, "covered -> not covered");
  EXPECT_TRUE(lost->regressed);
  // Never covered: nothing lost.
  EXPECT_EQ(find(c, "branches classify.branch=invalid (service triangle)"), nullptr);
}

TEST(CompareRuns, CoverageKeptHolds) {
  RunResults baseline = cases_run(100);
  baseline.coverage = {item("classify.branch=scalene", {"case0"}), item("validate", {"case0"}, false)};
  RunResults current = cases_run(100);
  current.coverage = {item("classify.branch=scalene", {"case3"})};
  const Comparison c = compare_with_defaults(baseline, current, "alpha.json");
  const Regression* held = find(c, "coverage items covered in the baseline");
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(held->baseline, "1 covered");
  EXPECT_EQ(held->current, "1 covered");
  EXPECT_FALSE(held->regressed);
}

LoadResult load_phase(std::uint64_t latency_us, std::uint64_t completed, std::uint64_t errors) {
  LoadResult load;
  load.suite = "shop";
  load.duration_s = 10;
  load.completed = completed;
  load.errors = errors;
  load.latency = repeated(latency_us, completed);
  return load;
}

TEST(CompareRuns, LoadPhasesAreComparedWhenBothRunsHaveOne) {
  RunResults baseline = cases_run(100);
  baseline.load = {load_phase(20000, 100, 0)};
  RunResults current = cases_run(100);
  current.load = {load_phase(30000, 80, 4)};
  const Comparison c = compare_with_defaults(baseline, current, "alpha.json");
  const Regression* p99 = find(c, "p99 latency (load)");
  ASSERT_NE(p99, nullptr);
  EXPECT_EQ(p99->baseline, "20 ms");
  EXPECT_EQ(p99->change, "+50%");
  EXPECT_TRUE(p99->regressed);
  const Regression* throughput = find(c, "throughput (load)");
  ASSERT_NE(throughput, nullptr);
  EXPECT_EQ(throughput->kind, "throughput");
  EXPECT_EQ(throughput->baseline, "10/s");
  EXPECT_EQ(throughput->current, "8/s");
  EXPECT_EQ(throughput->change, "-20%");
  EXPECT_EQ(throughput->allowed, "-10%");
  EXPECT_TRUE(throughput->regressed);
  EXPECT_EQ(find(c, "error rate (load)")->current, "5%");
  EXPECT_EQ(find(c, "p99 latency (cases)"), nullptr);
}

TEST(CompareRuns, ThroughputWithinItsAllowedDropHolds) {
  RunResults baseline = cases_run(100);
  baseline.load = {load_phase(20000, 100, 0)};
  RunResults current = cases_run(100);
  current.load = {load_phase(20000, 95, 0)};
  const Comparison c = compare_with_defaults(baseline, current, "alpha.json");
  EXPECT_EQ(find(c, "throughput (load)")->change, "-5%");
  EXPECT_FALSE(c.regressed());
}

TEST(CompareRuns, ABetaLoadRunIsComparedWithTheAlphaCases) {
  // Each side is measured where it has most: the baseline's cases, the current run's load.
  RunResults current = cases_run(100);
  current.load = {load_phase(20000, 100, 0)};
  const Comparison c = compare_with_defaults(cases_run(100), current, "alpha.json");
  EXPECT_NE(find(c, "p99 latency (cases -> load)"), nullptr);
  EXPECT_NE(find(c, "error rate (cases -> load)"), nullptr);
  EXPECT_EQ(find(c, "p99 latency (cases)"), nullptr);
  EXPECT_EQ(find(c, "throughput (load)"), nullptr);   // throughput needs two load phases
}

TEST(CompareRuns, RegressionsComeFirst) {
  const Comparison c = compare_with_defaults(cases_run(100), cases_run(100, 1), "alpha.json");
  ASSERT_GE(c.items.size(), 3u);
  bool held_seen = false;
  for (const Regression& r : c.items) {
    if (!r.regressed) held_seen = true;
    else EXPECT_FALSE(held_seen) << r.subject << " comes after a measure that held";
  }
  EXPECT_EQ(c.items.front().kind, "error_rate");
}

}  // namespace
}  // namespace glassbox::reports
