#include <gtest/gtest.h>

#include "reports/model/results_json.hpp"
#include "tests/reports/fake_results.hpp"

namespace glassbox::reports {
namespace {

using testing::fake_cases;
using testing::run_of;

// Shards as `--shard I/N` would produce them: the same run split by case, each with its
// own histograms, start time and duration.
std::vector<RunResults> shards_of(const std::vector<CaseResult>& cases, std::size_t split) {
  RunResults first = run_of({cases.begin(), cases.begin() + static_cast<std::ptrdiff_t>(split)});
  RunResults second = run_of({cases.begin() + static_cast<std::ptrdiff_t>(split), cases.end()});
  first.shard = "1/2";
  second.shard = "2/2";
  first.duration_ms = 900;
  second.started_at = "2024-05-06T07:08:10.000Z";  // started a second later
  second.interrupted = false;
  return {first, second};
}

TEST(MergeResults, TwoShardsMergeIntoTheWholeRun) {
  const auto cases = fake_cases();
  const Expected<RunResults> merged = merge_results(shards_of(cases, 3));
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_EQ(to_json(*merged), to_json(run_of(cases)));
}

TEST(MergeResults, ACaseIdSeenTwiceKeepsTheFirst) {
  const auto cases = fake_cases();
  RunResults again = run_of({cases[0]});
  again.cases[0].outcome = Outcome::Failed;
  const Expected<RunResults> merged = merge_results({run_of(cases), again});
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  ASSERT_EQ(merged->cases.size(), cases.size());
  EXPECT_EQ(merged->cases[0].outcome, Outcome::Passed);
}

TEST(MergeResults, CoverageItemsMergeTheirCasesAndTotalsAreRecounted) {
  auto shards = shards_of(fake_cases(), 3);
  const auto item = [](std::string kind, std::string name, bool declared, std::vector<std::string> cases) {
    return CoverageItem{"triangle", "eval-svc", std::move(kind), std::move(name), declared, std::move(cases)};
  };
  shards[0].coverage = {item("branches", "b=1", true, {"c1"}), item("branches", "b=2", true, {}),
                        item("branches", "b=3", true, {}), item("branches", "b=9", false, {"c1"})};
  shards[0].coverage_totals = {CoverageTotal{"triangle", "eval-svc", "branches", 1, 3, 90.0}};
  shards[1].coverage = {item("branches", "b=1", true, {"c5", "c1"}), item("branches", "b=2", true, {"c4"}),
                        item("branches", "b=3", true, {}), item("branches", "b=8", false, {"c4"})};
  shards[1].coverage_totals = {CoverageTotal{"triangle", "eval-svc", "branches", 2, 3, 90.0}};
  const Expected<RunResults> merged = merge_results(shards);
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  ASSERT_EQ(merged->coverage.size(), 5u);
  EXPECT_EQ(merged->coverage[0].cases, (std::vector<std::string>{"c1", "c5"}));
  EXPECT_EQ(merged->coverage[1].cases, (std::vector<std::string>{"c4"}));
  EXPECT_TRUE(merged->coverage[2].cases.empty());
  EXPECT_EQ(merged->coverage[3].item, "b=9");
  EXPECT_EQ(merged->coverage[4].item, "b=8");
  EXPECT_FALSE(merged->coverage[4].declared);
  ASSERT_EQ(merged->coverage_totals.size(), 1u);
  EXPECT_EQ(merged->coverage_totals[0].covered, 2);
  EXPECT_EQ(merged->coverage_totals[0].declared, 3);
  EXPECT_EQ(merged->coverage_totals[0].goal, std::optional<double>(90.0));
  EXPECT_FALSE(merged->passed());
}

TEST(MergeResults, ListsTheShardsWhenSomeAreMissing) {
  auto shards = shards_of(fake_cases(), 3);
  shards[0].shard = "1/4";
  shards[1].shard = "3/4";
  const Expected<RunResults> merged = merge_results(shards);
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_EQ(merged->shard, "1/4,3/4");
}

TEST(MergeResults, ListsDistinctHostnames) {
  auto shards = shards_of(fake_cases(), 3);
  shards[1].hostname = "ci-agent-9";
  const Expected<RunResults> merged = merge_results(shards);
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_EQ(merged->hostname, "ci-agent-7,ci-agent-9");
}

TEST(MergeResults, RefusesDifferentSeeds) {
  auto shards = shards_of(fake_cases(), 3);
  shards[1].seed = 7;
  const Expected<RunResults> merged = merge_results(shards);
  ASSERT_FALSE(merged.ok());
  EXPECT_EQ(merged.error().message,
            "cannot merge results of different runs: part 2 has seed 7, part 1 has seed 18446744073709551557");
}

TEST(MergeResults, RefusesDifferentSuites) {
  auto shards = shards_of(fake_cases(), 3);
  shards[1].suites = {"triangle"};
  const Expected<RunResults> merged = merge_results(shards);
  ASSERT_FALSE(merged.ok());
  EXPECT_EQ(merged.error().message,
            "cannot merge results of different runs: part 2 has suites triangle, part 1 has suites triangle, orders");
}

TEST(MergeResults, RefusesDifferentEnvironments) {
  auto shards = shards_of(fake_cases(), 3);
  shards[1].environment = "";
  const Expected<RunResults> merged = merge_results(shards);
  ASSERT_FALSE(merged.ok());
  EXPECT_EQ(merged.error().message,
            "cannot merge results of different runs: part 2 has no environment, part 1 has environment alpha");
}

TEST(MergeResults, RefusesAnEmptyList) {
  const Expected<RunResults> merged = merge_results({});
  ASSERT_FALSE(merged.ok());
  EXPECT_EQ(merged.error().message, "cannot merge results: no results given");
}

}  // namespace
}  // namespace glassbox::reports
