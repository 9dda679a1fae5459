// The decision_table technique end to end from YAML: one case per rule with the rule's
// actions, ids and covers naming the rule, don't-cares expanded to one value, and the
// table's checks reported at the rule or table they concern.
#include <gtest/gtest.h>

#include <set>

#include "tests/decisions/decision_suites.hpp"

namespace glassbox::decisions_test {
namespace {

using loader::testing::load_ok;

const char* const kDiscountTable = R"(      - technique: decision_table
        conditions: [member, tier]
        rules:
          - {id: R1, when: {member: true, tier: gold}, expect: {json: {/discount: 20}}}
          - {id: R2, when: {member: true, tier: [silver, bronze]}, expect: {json: {/discount: 10}}}
          - {id: R3, when: {member: false, tier: "-"}, expect: {json: {/discount: 0}}}
)";

const suite::JsonCheck* check_at(const suite::Case& c, std::string_view pointer) {
  for (const suite::JsonCheck& check : c.expect.json)
    if (check.pointer == pointer) return &check;
  return nullptr;
}

TEST(DecisionTableTechnique, OneCasePerRuleInRuleOrder) {
  Generated g = generate_first(load_ok(quote_suite(kDiscountTable)));
  ASSERT_EQ(g.error, "");
  ASSERT_EQ(g.cases.size(), 3u);
  EXPECT_EQ(g.cases[0].label, "R1: member=true, tier=gold");
  EXPECT_EQ(g.cases[1].label.substr(0, 17), "R2: member=true, ");
  EXPECT_EQ(g.cases[2].label.substr(0, 18), "R3: member=false, ");
}

TEST(DecisionTableTechnique, CaseExpectsTheRulesActionsOverTheRequestsExpectation) {
  Generated g = generate_first(load_ok(quote_suite(kDiscountTable)));
  ASSERT_EQ(g.cases.size(), 3u);
  const suite::Case& r1 = g.cases[0];
  ASSERT_TRUE(r1.expect.status);
  EXPECT_EQ(r1.expect.status->to_string(), "200");
  ASSERT_TRUE(check_at(r1, "/discount"));
  EXPECT_EQ(check_at(r1, "/discount")->operand, Value(20));
  ASSERT_TRUE(check_at(r1, "/currency"));  // the request's own check stays
  EXPECT_EQ(check_at(g.cases[2], "/discount")->operand, Value(0));
}

TEST(DecisionTableTechnique, IdAndCoversNameTheRule) {
  Generated g = generate_first(load_ok(quote_suite(kDiscountTable)));
  ASSERT_EQ(g.cases.size(), 3u);
  EXPECT_EQ(g.cases[0].id, "quote/decision_table/rules/rule=R1,member=true,tier=gold");
  EXPECT_EQ(g.cases[0].covers, std::vector<std::string>{"rule:R1"});
  EXPECT_EQ(g.cases[0].technique, "decision_table");
  EXPECT_EQ(g.cases[0].form, "rules");
}

TEST(DecisionTableTechnique, InputsOutsideTheTableStayAtNominal) {
  Generated g = generate_first(load_ok(quote_suite(kDiscountTable)));
  ASSERT_EQ(g.cases.size(), 3u);
  const suite::Binding* amount = g.cases[0].find("amount");
  ASSERT_TRUE(amount);
  EXPECT_FALSE(amount->under_test);
  EXPECT_EQ(amount->value, Value(500));
  const suite::Binding* member = g.cases[0].find("member");
  ASSERT_TRUE(member);
  EXPECT_TRUE(member->under_test);
  EXPECT_EQ(member->value, Value(true));
}

TEST(DecisionTableTechnique, DontCareTakesOneValidValueDrawnFromTheSeed) {
  suite::Suite suite = load_ok(quote_suite(kDiscountTable));
  std::set<std::string> tiers;
  for (std::uint64_t seed = 0; seed < 40; ++seed) {
    Generated g = generate_first(suite, seed);
    ASSERT_EQ(g.cases.size(), 3u);
    tiers.insert(g.cases[2].find("tier")->class_name);
    EXPECT_EQ(g.cases[2].find("tier")->value, Value(g.cases[2].find("tier")->class_name));
    Generated again = generate_first(suite, seed);
    EXPECT_EQ(again.cases[2].id, g.cases[2].id);
  }
  EXPECT_EQ(tiers, (std::set<std::string>{"gold", "silver", "bronze"}));  // never not_listed
}

TEST(DecisionTableTechnique, RuleNamingAnInvalidClassGetsTheInvalidExpectationWithItsActions) {
  Generated g = generate_first(load_ok(quote_suite(R"(      - technique: decision_table
        conditions: [amount]
        rules:
          - {id: ok, when: {amount: [small, large]}}
          - {id: refused, when: {amount: negative}, expect: {json: {/error: negative amount}}}
)")));
  ASSERT_EQ(g.error, "");
  ASSERT_EQ(g.cases.size(), 2u);
  EXPECT_EQ(g.cases[0].expect.status->to_string(), "200");
  EXPECT_EQ(g.cases[1].expect.status->to_string(), "400");
  EXPECT_EQ(g.cases[1].expected_outcome, "invalid (amount.negative)");
  ASSERT_TRUE(check_at(g.cases[1], "/error"));
  EXPECT_LT(g.cases[1].find("amount")->value.get<int>(), 0);
}

TEST(DecisionTableTechnique, UnknownClassIsAnErrorAtTheEntry) {
  Generated g = generate_first(load_ok(quote_suite(R"(      - technique: decision_table
        conditions: [member, tier]
        rules:
          - {id: R1, when: {member: true, tier: gld}}
          - {id: R2, when: {member: false}}
)")));
  EXPECT_EQ(g.error, "suite.yaml:28:49: input 'tier' has no class 'gld' (did you mean 'gold'?)");
}

TEST(DecisionTableTechnique, IncompleteTableIsAnErrorAtTheTechnique) {
  Generated g = generate_first(load_ok(quote_suite(R"(      - technique: decision_table
        conditions: [member, tier]
        rules:
          - {id: R1, when: {member: true}}
          - {id: R2, when: {member: false, tier: gold}}
)")));
  EXPECT_EQ(g.error, "suite.yaml:25:9: decision table of request 'quote' is incomplete: no rule covers "
                     "member=false, tier=silver; member=false, tier=bronze");
}

TEST(DecisionTableTechnique, InconsistentRulesAreAnErrorAtTheLaterRule) {
  Generated g = generate_first(load_ok(quote_suite(R"(      - technique: decision_table
        conditions: [member, tier]
        rules:
          - {id: R1, when: {member: true}, expect: {json: {/discount: 10}}}
          - {id: R2, when: {member: false}}
          - {id: R3, when: {tier: gold}, expect: {json: {/discount: 20}}}
)")));
  EXPECT_EQ(g.error, "suite.yaml:30:13: decision table of request 'quote': rules R1 and R3 both cover member=true, "
                     "tier=gold with different expectations");
}

TEST(DecisionTableTechnique, RedundantRuleIsAnErrorAtThatRule) {
  Generated g = generate_first(load_ok(quote_suite(R"(      - technique: decision_table
        conditions: [member, tier]
        rules:
          - {id: R1, when: {member: true}, expect: {json: {/discount: 10}}}
          - {id: R2, when: {member: false}}
          - {id: R3, when: {member: true, tier: gold}, expect: {json: {/discount: 10}}}
)")));
  EXPECT_EQ(g.error, "suite.yaml:30:13: decision table of request 'quote': rule R3 is redundant: every combination "
                     "it covers is covered by R1 with the same expectation; remove it");
}

TEST(DecisionTableTechnique, IsListedInTheRegistry) {
  ASSERT_TRUE(generators::find_generator("decision_table"));
  EXPECT_EQ(generators::find_generator("decision_table")->forms(), std::vector<std::string_view>{"rules"});
}

}  // namespace
}  // namespace glassbox::decisions_test
