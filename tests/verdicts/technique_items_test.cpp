// A technique's own coverage from the items its cases cover.
#include "reports/verdicts/technique_items.hpp"

#include <gtest/gtest.h>

namespace glassbox::reports {
namespace {

CaseResult covering(std::string technique, std::string form, std::vector<std::string> covers, Outcome outcome) {
  CaseResult c;
  c.technique = std::move(technique);
  c.form = std::move(form);
  c.covers = std::move(covers);
  c.outcome = outcome;
  return c;
}

TEST(TechniqueItems, CountsDistinctItemsPerKindAndThoseWhoseCasesAllPassed) {
  RunResults r;
  r.cases = {covering("decision_table", "rules", {"rule:R1"}, Outcome::Passed),
             covering("decision_table", "rules", {"rule:R2"}, Outcome::Failed),
             covering("partitions", "weak_robust", {}, Outcome::Passed),
             covering("state_transitions", "all_transitions", {"transition:a", "transition:b"}, Outcome::Passed),
             covering("state_transitions", "all_transitions", {"transition:b", "transition:c"}, Outcome::Error),
             covering("state_transitions", "all_states", {"state:x"}, Outcome::Passed)};
  const auto items = technique_items(r);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items_summary(items, "decision_table", "rules"), "rule 1/2");
  // b is covered by a passing and an erroring case: it did not hold.
  EXPECT_EQ(items_summary(items, "state_transitions", "all_transitions"), "transition 1/3");
  EXPECT_EQ(items_summary(items, "state_transitions", "all_states"), "state 1/1");
  EXPECT_EQ(items_summary(items, "partitions", "weak_robust"), "");
}

}  // namespace
}  // namespace glassbox::reports
