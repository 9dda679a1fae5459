// The checks on decision tables (complete, consistent, no redundant rule) and the expansion
// of don't-cares, on hand-built tables so each message can be checked verbatim.
#include <gtest/gtest.h>

#include <set>

#include "generators/decision_table/table.hpp"

namespace glassbox::generators::decisions {
namespace {

constexpr std::size_t T = 0, F = 1;                   // member: true, false
constexpr std::size_t Gold = 0, Silver = 1, Bronze = 2;  // tier

Rule rule(std::string id, std::vector<std::vector<std::size_t>> allowed, std::size_t action, int line) {
  return Rule{std::move(id), std::move(allowed), action, {"suite.yaml", line, 13}};
}

Table member_by_tier(std::vector<Rule> rules) {
  Table table;
  table.owner = "request 'quote'";
  table.conditions = {{"member", {"true", "false"}, 2}, {"tier", {"gold", "silver", "bronze"}, 3}};
  table.rules = std::move(rules);
  table.where = {"suite.yaml", 10, 9};
  return table;
}

std::string problem(const Table& table) {
  Status s = check_table(table);
  return s ? "ok" : s.error().to_string();
}

TEST(DecisionTableChecks, CompleteConsistentTableWithDontCaresPasses) {
  Table table = member_by_tier({rule("R1", {{T}, {Gold}}, 0, 11), rule("R2", {{T}, {Silver, Bronze}}, 1, 12),
                                rule("R3", {{F}, {}}, 2, 13)});
  EXPECT_EQ(problem(table), "ok");
}

TEST(DecisionTableChecks, IncompleteListsExactlyTheMissingCombinations) {
  Table table = member_by_tier({rule("R1", {{T}, {Gold}}, 0, 11), rule("R2", {{F}, {Silver}}, 1, 12)});
  // Missing, in table order: (T,silver) (T,bronze) (F,gold) (F,bronze).
  EXPECT_EQ(problem(table),
            "suite.yaml:10:9: decision table of request 'quote' is incomplete: no rule covers member=true, "
            "tier=silver; member=true, tier=bronze; member=false, tier=gold (and 1 more)");
}

TEST(DecisionTableChecks, IncompleteWithFewMissingListsThemAll) {
  Table table = member_by_tier({rule("R1", {{}, {Gold, Silver}}, 0, 11)});
  EXPECT_EQ(problem(table),
            "suite.yaml:10:9: decision table of request 'quote' is incomplete: no rule covers member=true, "
            "tier=bronze; member=false, tier=bronze");
}

TEST(DecisionTableChecks, OverlapWithDifferentActionsNamesBothRulesAtTheLaterOne) {
  Table table = member_by_tier({rule("R1", {{T}, {}}, 0, 11), rule("R2", {{F}, {}}, 1, 12),
                                rule("R3", {{}, {Gold}}, 2, 13)});
  EXPECT_EQ(problem(table),
            "suite.yaml:13:13: decision table of request 'quote': rules R1 and R3 both cover member=true, tier=gold "
            "with different expectations");
}

TEST(DecisionTableChecks, OverlapOnSeveralCombinationsCountsTheOthers) {
  Table table = member_by_tier({rule("R1", {{}, {}}, 0, 11), rule("R2", {{T}, {}}, 1, 12)});
  EXPECT_EQ(problem(table),
            "suite.yaml:12:13: decision table of request 'quote': rules R1 and R2 both cover member=true, tier=gold "
            "with different expectations (and 2 more combinations)");
}

TEST(DecisionTableChecks, OverlapWithTheSameActionsIsAllowed) {
  Table table = member_by_tier({rule("R1", {{T}, {}}, 0, 11), rule("R2", {{}, {Gold}}, 0, 12),
                                rule("R3", {{F}, {Silver, Bronze}}, 1, 13)});
  EXPECT_EQ(problem(table), "ok");
}

TEST(DecisionTableChecks, RuleCoveredByOthersWithTheSameActionsIsRedundant) {
  Table table = member_by_tier({rule("R1", {{T}, {}}, 0, 11), rule("R2", {{F}, {}}, 0, 12),
                                rule("R3", {{}, {Gold}}, 0, 13)});
  EXPECT_EQ(problem(table),
            "suite.yaml:13:13: decision table of request 'quote': rule R3 is redundant: every combination it covers "
            "is covered by R1, R2 with the same expectation; remove it");
}

TEST(DecisionTableChecks, OfTwoIdenticalRulesTheLaterIsRedundant) {
  Table table = member_by_tier({rule("R1", {{T}, {}}, 0, 11), rule("R2", {{F}, {}}, 1, 12),
                                rule("R2b", {{F}, {}}, 1, 14)});
  EXPECT_EQ(problem(table),
            "suite.yaml:14:13: decision table of request 'quote': rule R2b is redundant: every combination it covers "
            "is covered by R2 with the same expectation; remove it");
}

TEST(DecisionTableChecks, InconsistencyIsReportedBeforeIncompleteness) {
  Table table = member_by_tier({rule("R1", {{T}, {Gold}}, 0, 11), rule("R2", {{T}, {Gold}}, 1, 12)});
  EXPECT_EQ(problem(table),
            "suite.yaml:12:13: decision table of request 'quote': rules R1 and R2 both cover member=true, tier=gold "
            "with different expectations");
}

TEST(DecisionTableChecks, TooManyCombinationsIsAnError) {
  Table table;
  table.owner = "request 'q'";
  table.where = {"suite.yaml", 3, 5};
  std::vector<std::string> ten = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
  for (int k = 0; k < 6; ++k) table.conditions.push_back({"c" + std::to_string(k), ten, 10});
  table.rules.push_back(rule("R1", std::vector<std::vector<std::size_t>>(6), 0, 4));
  EXPECT_EQ(problem(table),
            "suite.yaml:3:5: decision table of request 'q' has 1000000 combinations of conditions (the limit is "
            "100000); split it into smaller tables");
}

TEST(DontCareExpansion, ListedValuesAreTheOnlyChoices) {
  Table table = member_by_tier({rule("R2", {{T}, {Silver, Bronze}}, 0, 12)});
  std::set<std::size_t> tiers;
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    SplitMix64 rng(seed);
    std::vector<std::size_t> picked = pick_combination(table, table.rules[0], rng);
    EXPECT_EQ(picked[0], T);
    tiers.insert(picked[1]);
  }
  EXPECT_EQ(tiers, (std::set<std::size_t>{Silver, Bronze}));
}

TEST(DontCareExpansion, DontCareTakesOnlyPreferredValues) {
  Table table = member_by_tier({rule("R1", {{}, {}}, 0, 11)});
  table.conditions[1].values.push_back("not_listed");  // named by some rule, not preferred
  std::set<std::size_t> tiers;
  for (std::uint64_t seed = 0; seed < 100; ++seed) {
    SplitMix64 rng(seed);
    tiers.insert(pick_combination(table, table.rules[0], rng)[1]);
  }
  EXPECT_EQ(tiers, (std::set<std::size_t>{Gold, Silver, Bronze}));
}

TEST(DontCareExpansion, SameSeedSamePick) {
  Table table = member_by_tier({rule("R1", {{}, {}}, 0, 11)});
  SplitMix64 a(42), b(42);
  EXPECT_EQ(pick_combination(table, table.rules[0], a), pick_combination(table, table.rules[0], b));
}

}  // namespace
}  // namespace glassbox::generators::decisions
