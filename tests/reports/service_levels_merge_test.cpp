// Merging shard results with service levels: load phases of one suite add up, verdicts are
// kept side by side as each shard judged them, the first comparison is kept.
#include <gtest/gtest.h>

#include "reports/model/results_json.hpp"
#include "tests/reports/service_levels_fixture.hpp"

namespace glassbox::reports {
namespace {

using testing::service_level_run;

// Two shards of one run: the first keeps the cases' first half and the load's first 20 s,
// the second the rest; both ran the same load profile side by side.
std::vector<RunResults> two_shards() {
  RunResults a = service_level_run();
  RunResults b = service_level_run();
  a.shard = "1/2";
  b.shard = "2/2";
  a.cases.resize(1);
  b.cases.erase(b.cases.begin());
  b.comparison->baseline_file = "other.json";
  b.load[0].duration_s = 31.5;
  b.load[0].timeline.push_back({30, 5, 1, Histogram()});
  b.load[0].timeline.back().latency.record(2'000, 5);
  return {a, b};
}

TEST(ServiceLevelsMerge, LoadOfTheSameSuiteAddsCountersAndMergesHistograms) {
  const auto parts = two_shards();
  const Expected<RunResults> merged = merge_results(parts);
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  ASSERT_EQ(merged->load.size(), 1u);
  const LoadResult& l = merged->load[0];
  EXPECT_EQ(l.sent, 12000u);
  EXPECT_EQ(l.completed, 12000u);
  EXPECT_EQ(l.errors, 36u);
  EXPECT_EQ(l.late, 24u);
  EXPECT_EQ(l.planned_rate, 400);
  EXPECT_EQ(l.duration_s, 31.5);
  EXPECT_EQ(l.statuses.at(503), 30u);
  EXPECT_EQ(l.error_kinds.at("timeout"), 6u);
  EXPECT_EQ(l.latency.count(), 12000u);
  EXPECT_EQ(l.latency.max(), parts[0].load[0].latency.max());
  EXPECT_EQ(l.service_time.count(), 12000u);
  EXPECT_EQ(l.requests_by_request.at("checkout/get_order"), 4020u);
  EXPECT_EQ(l.latency_by_request.at("checkout/get_order").count(), 4020u);
}

TEST(ServiceLevelsMerge, TimelinesAddByIntervalStart) {
  const Expected<RunResults> merged = merge_results(two_shards());
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  const auto& timeline = merged->load[0].timeline;
  ASSERT_EQ(timeline.size(), 31u);
  EXPECT_EQ(timeline[13].start_s, 13);
  EXPECT_EQ(timeline[13].requests, 400u);
  EXPECT_EQ(timeline[13].errors, 30u);
  EXPECT_EQ(timeline[13].latency.count(), 400u);
  EXPECT_EQ(timeline[30].start_s, 30);
  EXPECT_EQ(timeline[30].requests, 5u);
}

TEST(ServiceLevelsMerge, LoadOfDifferentSuitesStaysApart) {
  auto parts = two_shards();
  parts[1].load[0].suite = "payments";
  const Expected<RunResults> merged = merge_results(parts);
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  ASSERT_EQ(merged->load.size(), 2u);
  EXPECT_EQ(merged->load[1].suite, "payments");
  EXPECT_EQ(merged->load[1].sent, 6000u);
}

TEST(ServiceLevelsMerge, VerdictsBudgetsAndLogsAreKeptSideBySideAndJudgedAsTheyWere) {
  auto parts = two_shards();
  for (SloResult& s : parts[0].slos)
    if (s.verdict == Verdict::Fail) s.verdict = Verdict::Pass;
  parts[0].error_budgets[0].verdict = Verdict::Pass;
  const Expected<RunResults> merged = merge_results(parts);
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_EQ(merged->slos.size(), 10u);
  EXPECT_EQ(merged->slos[0].verdict, Verdict::Pass);
  EXPECT_EQ(merged->slos[5].verdict, Verdict::Fail);
  EXPECT_EQ(merged->error_budgets.size(), 2u);
  EXPECT_EQ(merged->logs.size(), 4u);
  EXPECT_EQ(merged->golden_signals.size(), 4u);
  EXPECT_FALSE(merged->passed());
}

TEST(ServiceLevelsMerge, KeepsTheFirstComparison) {
  auto parts = two_shards();
  parts[0].comparison.reset();
  Expected<RunResults> merged = merge_results(parts);
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_EQ(merged->comparison->baseline_file, "other.json");
  merged = merge_results(two_shards());
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_EQ(merged->comparison->baseline_file, "alpha/results.json");
}

TEST(ServiceLevelsMerge, CaseLogLinesComeWithTheirCases) {
  const Expected<RunResults> merged = merge_results(two_shards());
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  ASSERT_EQ(merged->cases.size(), 2u);
  EXPECT_EQ(merged->cases[1].log_lines.size(), 2u);
}

TEST(ServiceLevelsMerge, RefusesLoadHistogramsOfAnotherGeometry) {
  auto parts = two_shards();
  parts[1].load[0].timeline[3].latency = Histogram(5);
  const Expected<RunResults> merged = merge_results(parts);
  ASSERT_FALSE(merged.ok());
  EXPECT_EQ(merged.error().message,
            "cannot merge results: part 2 has load histograms of suite 'checkout' with sub_bucket_bits other than 7");
}

TEST(ServiceLevelsMerge, OneFileRendersUnchanged) {
  const RunResults run = service_level_run();
  const Expected<RunResults> merged = merge_results({run});
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_EQ(to_json(*merged), to_json(run));
}

}  // namespace
}  // namespace glassbox::reports
