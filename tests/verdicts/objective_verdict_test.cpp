// One objective's verdict from its measured value: every branch of every kind with its exact
// message, and the property that only a broken threshold fails. Also the number formats the
// messages use.
#include "reports/verdicts/objective_verdict.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "reports/verdicts/sli_format.hpp"

namespace glassbox::reports {
namespace {

using suite::ObjectiveKind;

suite::Objective objective(ObjectiveKind kind, double threshold, double quantile = 0.99) {
  suite::Objective o;
  o.kind = kind;
  o.threshold = threshold;
  o.quantile = quantile;
  return o;
}

ObjectiveVerdict judge(ObjectiveKind kind, double threshold, double measured, double warn_at = 0.9) {
  return judge_objective(objective(kind, threshold), measured, warn_at, "unused");
}

TEST(ObjectiveVerdict, LatencyOverItsThresholdFailsWithHowFarOver) {
  const ObjectiveVerdict v = judge(ObjectiveKind::Latency, 200, 312);
  EXPECT_EQ(v.verdict, Verdict::Fail);
  EXPECT_EQ(v.message, "p99 latency 312 ms > 200 ms (56% over)");
  ASSERT_TRUE(v.margin);
  EXPECT_DOUBLE_EQ(*v.margin, -112);
  EXPECT_EQ(v.unit, "ms");
  EXPECT_EQ(v.comparison, "<=");
}

TEST(ObjectiveVerdict, LatencyWellUnderItsThresholdPassesWithItsMargin) {
  const ObjectiveVerdict v = judge(ObjectiveKind::Latency, 200, 150);
  EXPECT_EQ(v.verdict, Verdict::Pass);
  EXPECT_EQ(v.message, "p99 latency 150 ms <= 200 ms (margin 50 ms)");
  EXPECT_DOUBLE_EQ(*v.margin, 50);
}

TEST(ObjectiveVerdict, LatencyAboveTheWarningShareWarns) {
  // warn_at 0.9 of 200 ms: above 180 ms warns.
  const ObjectiveVerdict v = judge(ObjectiveKind::Latency, 200, 190);
  EXPECT_EQ(v.verdict, Verdict::Warn);
  EXPECT_EQ(v.message, "p99 latency 190 ms <= 200 ms (margin 10 ms; warns above 180 ms)");
}

TEST(ObjectiveVerdict, LatencyExactlyAtTheThresholdPasses) {
  const ObjectiveVerdict v = judge(ObjectiveKind::Latency, 200, 200, 1.0);
  EXPECT_EQ(v.verdict, Verdict::Pass);
  EXPECT_EQ(v.message, "p99 latency 200 ms <= 200 ms (margin 0 ms)");
}

TEST(ObjectiveVerdict, WarnAtOneNeverWarns) {
  EXPECT_EQ(judge(ObjectiveKind::Latency, 200, 199.9, 1.0).verdict, Verdict::Pass);
  EXPECT_EQ(judge(ObjectiveKind::Throughput, 50, 50.1, 1.0).verdict, Verdict::Pass);
}

TEST(ObjectiveVerdict, MaxLatencyIsNamedMax) {
  const ObjectiveVerdict v = judge_objective(objective(ObjectiveKind::Latency, 500, 1.0), 615, 0.9, "");
  EXPECT_EQ(v.message, "max latency 615 ms > 500 ms (23% over)");
}

TEST(ObjectiveVerdict, ErrorRateOverItsThresholdFails) {
  const ObjectiveVerdict v = judge(ObjectiveKind::ErrorRate, 0.01, 0.025);
  EXPECT_EQ(v.verdict, Verdict::Fail);
  EXPECT_EQ(v.message, "error rate 2.5% > 1% (150% over)");
  EXPECT_EQ(v.unit, "%");
}

TEST(ObjectiveVerdict, ErrorRateUnderItsThresholdPassesWithMarginInPoints) {
  const ObjectiveVerdict v = judge(ObjectiveKind::ErrorRate, 0.01, 0.005);
  EXPECT_EQ(v.verdict, Verdict::Pass);
  EXPECT_EQ(v.message, "error rate 0.5% <= 1% (margin 0.5 points)");
}

TEST(ObjectiveVerdict, ErrorRateNearItsThresholdWarns) {
  const ObjectiveVerdict v = judge(ObjectiveKind::ErrorRate, 0.01, 0.0095);
  EXPECT_EQ(v.verdict, Verdict::Warn);
  EXPECT_EQ(v.message, "error rate 0.95% <= 1% (margin 0.05 points; warns above 0.9%)");
}

TEST(ObjectiveVerdict, AnyErrorAgainstAZeroThresholdFailsWithoutAShare) {
  const ObjectiveVerdict v = judge(ObjectiveKind::ErrorRate, 0, 0.01);
  EXPECT_EQ(v.verdict, Verdict::Fail);
  EXPECT_EQ(v.message, "error rate 1% > 0%");
}

TEST(ObjectiveVerdict, AvailabilityAboveItsTargetPasses) {
  const ObjectiveVerdict v = judge(ObjectiveKind::Availability, 0.999, 0.9995);
  EXPECT_EQ(v.verdict, Verdict::Pass);
  EXPECT_EQ(v.message, "availability 99.95% >= 99.9% (margin 0.05 points)");
  EXPECT_EQ(v.comparison, ">=");
}

TEST(ObjectiveVerdict, AvailabilityBelowItsTargetFailsInPoints) {
  const ObjectiveVerdict v = judge(ObjectiveKind::Availability, 0.999, 0.995);
  EXPECT_EQ(v.verdict, Verdict::Fail);
  EXPECT_EQ(v.message, "availability 99.5% < 99.9% (0.4 points under)");
}

TEST(ObjectiveVerdict, AvailabilityWarnsWhenErrorsUseMostOfTheAllowedShare) {
  // Allowed errors: 0.1%; warn_at 0.9 warns once errors pass 0.09%, i.e. below 99.91%.
  // 99.905% has 0.095% errors.
  const ObjectiveVerdict v = judge(ObjectiveKind::Availability, 0.999, 0.99905);
  EXPECT_EQ(v.verdict, Verdict::Warn);
  EXPECT_EQ(v.message, "availability 99.905% >= 99.9% (margin 0.005 points; warns below 99.91%)");
}

TEST(ObjectiveVerdict, ThroughputBelowItsMinimumFails) {
  const ObjectiveVerdict v = judge(ObjectiveKind::Throughput, 50, 45);
  EXPECT_EQ(v.verdict, Verdict::Fail);
  EXPECT_EQ(v.message, "throughput 45/s < 50/s (10% under)");
  EXPECT_EQ(v.unit, "/s");
}

TEST(ObjectiveVerdict, ThroughputWellAboveItsMinimumPasses) {
  const ObjectiveVerdict v = judge(ObjectiveKind::Throughput, 50, 120);
  EXPECT_EQ(v.verdict, Verdict::Pass);
  EXPECT_EQ(v.message, "throughput 120/s >= 50/s (margin 70/s)");
}

TEST(ObjectiveVerdict, ThroughputJustAboveItsMinimumWarns) {
  // Warns below 50 / 0.9 = 55.56/s.
  const ObjectiveVerdict v = judge(ObjectiveKind::Throughput, 50, 52);
  EXPECT_EQ(v.verdict, Verdict::Warn);
  EXPECT_EQ(v.message, "throughput 52/s >= 50/s (margin 2/s; warns below 55.56/s)");
}

TEST(ObjectiveVerdict, NoValueIsNotMeasuredWithTheReason) {
  const ObjectiveVerdict v =
      judge_objective(objective(ObjectiveKind::Throughput, 50), std::nullopt, 0.9, "no requests in scope (all requests)");
  EXPECT_EQ(v.verdict, Verdict::NotMeasured);
  EXPECT_EQ(v.message, "throughput not measured: no requests in scope (all requests)");
  EXPECT_FALSE(v.margin);
}

TEST(ObjectiveVerdict, NaNIsNotMeasured) {
  const ObjectiveVerdict v = judge_objective(objective(ObjectiveKind::ErrorRate, 0.01),
                                             std::numeric_limits<double>::quiet_NaN(), 0.9, "nothing counted");
  EXPECT_EQ(v.verdict, Verdict::NotMeasured);
  EXPECT_EQ(v.message, "error rate not measured: nothing counted");
}

RC_GTEST_PROP(ObjectiveVerdict, FailsExactlyWhenTheThresholdIsBroken, ()) {
  const auto kind = *rc::gen::element(ObjectiveKind::Latency, ObjectiveKind::ErrorRate, ObjectiveKind::Availability,
                                      ObjectiveKind::Throughput);
  const bool ratio = kind == ObjectiveKind::ErrorRate || kind == ObjectiveKind::Availability;
  const double scale = ratio ? 1.0 / 1000 : 1.0;
  const double threshold = *rc::gen::inRange(0, 1000) * scale;
  const double measured = *rc::gen::inRange(0, 1000) * scale;
  const double warn_at = *rc::gen::inRange(1, 101) / 100.0;
  const ObjectiveVerdict v = judge_objective(objective(kind, threshold), measured, warn_at, "");
  const bool broken = is_upper_bound(kind) ? measured > threshold : measured < threshold;
  RC_ASSERT((v.verdict == Verdict::Fail) == broken);
  RC_ASSERT(v.verdict != Verdict::NotMeasured);
  RC_ASSERT(v.margin.has_value());
  RC_ASSERT((*v.margin < 0) == broken);
}

TEST(SliFormat, NumbersDropTrailingZeros) {
  EXPECT_EQ(format_number(312), "312");
  EXPECT_EQ(format_number(85.456), "85.46");
  EXPECT_EQ(format_number(-0.001), "0");
  EXPECT_EQ(format_number(std::numeric_limits<double>::infinity()), "inf");
}

TEST(SliFormat, PointsAndChangesReadAsPeopleSayThem) {
  EXPECT_EQ(format_points(0.01), "1 point");
  EXPECT_EQ(format_points(0.015), "1.5 points");
  EXPECT_EQ(format_change(0.23), "+23%");
  EXPECT_EQ(format_change(-0.055), "-5.5%");
  EXPECT_EQ(format_change(0), "+0%");
  EXPECT_EQ(format_percent(0.9995), "99.95%");
  EXPECT_EQ(format_per_second(45.25), "45.25/s");
}

TEST(SliFormat, DurationsUseTheLargestUnitThatDividesThem) {
  using std::chrono::seconds;
  EXPECT_EQ(format_duration(seconds(3600)), "1h");
  EXPECT_EQ(format_duration(seconds(259200)), "3d");
  EXPECT_EQ(format_duration(seconds(1800)), "30m");
  EXPECT_EQ(format_duration(seconds(300)), "5m");
  EXPECT_EQ(format_duration(seconds(47)), "47s");
  EXPECT_EQ(format_duration(seconds(90)), "90s");
  EXPECT_EQ(format_duration(seconds(30 * 24 * 3600)), "30d");
  EXPECT_EQ(format_duration(seconds(0)), "0s");
}

}  // namespace
}  // namespace glassbox::reports
