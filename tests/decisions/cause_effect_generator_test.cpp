// The cause_effect technique end to end from YAML: the graph's table becomes one case per
// rule, each input taking a class that gives its causes their values, with the
// expectations of the effects that hold.
#include <gtest/gtest.h>

#include "tests/decisions/decision_suites.hpp"

namespace glassbox::decisions_test {
namespace {

using loader::testing::load_ok;

const char* const kDiscountGraph = R"(      - technique: cause_effect
        causes:
          member: {member: true}
          gold: {tier: gold}
          silver: {tier: silver}
        effects:
          top: {when: {and: [member, gold]}, expect: {json: {/discount: 20}}}
          some: {when: {and: [member, {not: gold}]}, expect: {json: {/discount: 10}}}
        constraints:
          - {exclusive: [gold, silver]}
)";

std::vector<std::string> labels(const Generated& g) {
  std::vector<std::string> out;
  for (const suite::Case& c : g.cases) out.push_back(c.label);
  return out;
}

TEST(CauseEffectTechnique, OneCasePerAllowedCombination) {
  Generated g = generate_first(load_ok(quote_suite(kDiscountGraph)));
  ASSERT_EQ(g.error, "");
  EXPECT_EQ(labels(g), (std::vector<std::string>{
                           "R1: member, gold, !silver -> top",
                           "R2: member, !gold, silver -> some",
                           "R3: member, !gold, !silver -> some",
                           "R4: !member, gold, !silver -> none",
                           "R5: !member, !gold, silver -> none",
                           "R6: !member, !gold, !silver -> none",
                       }));
}

TEST(CauseEffectTechnique, InputsTakeClassesThatGiveTheCausesTheirValues) {
  Generated g = generate_first(load_ok(quote_suite(kDiscountGraph)));
  ASSERT_EQ(g.cases.size(), 6u);
  EXPECT_EQ(g.cases[0].find("member")->value, Value(true));
  EXPECT_EQ(g.cases[0].find("tier")->value, Value("gold"));
  EXPECT_EQ(g.cases[1].find("tier")->value, Value("silver"));
  // Neither gold nor silver: the valid class left, never the invalid not_listed.
  EXPECT_EQ(g.cases[2].find("tier")->value, Value("bronze"));
  EXPECT_EQ(g.cases[5].find("member")->value, Value(false));
  EXPECT_FALSE(g.cases[0].find("amount")->under_test);
}

TEST(CauseEffectTechnique, CaseExpectsTheEffectsThatHoldAndCoversThem) {
  Generated g = generate_first(load_ok(quote_suite(kDiscountGraph)));
  ASSERT_EQ(g.cases.size(), 6u);
  const suite::Case& r1 = g.cases[0];
  EXPECT_EQ(r1.id, "quote/cause_effect/rules/rule=R1,member=true,tier=gold");
  EXPECT_EQ(r1.covers, (std::vector<std::string>{"rule:R1", "effect:top"}));
  ASSERT_EQ(r1.expect.json.size(), 2u);  // the request's /currency, then the effect's /discount
  EXPECT_EQ(r1.expect.json[1].pointer, "/discount");
  EXPECT_EQ(r1.expect.json[1].operand, Value(20));
  const suite::Case& r6 = g.cases[5];
  EXPECT_EQ(r6.covers, std::vector<std::string>{"rule:R6"});
  EXPECT_EQ(r6.expect.json.size(), 1u);
}

TEST(CauseEffectTechnique, CausesOnOneInputThatCannotHoldTogetherNeedNoConstraint) {
  std::string graph = kDiscountGraph;
  graph.erase(graph.find("        constraints:"));
  Generated g = generate_first(load_ok(quote_suite(graph)));
  ASSERT_EQ(g.error, "");
  EXPECT_EQ(g.cases.size(), 6u);  // member x {gold, silver, neither}
}

TEST(CauseEffectTechnique, ConstraintsThatExcludeEverythingAreAnError) {
  Generated g = generate_first(load_ok(quote_suite(R"(      - technique: cause_effect
        causes:
          gold: {tier: gold}
          silver: {tier: silver}
        effects:
          top: {when: gold}
        constraints:
          - {one_and_only_one: [gold, silver]}
          - {requires: [gold, silver]}
          - {requires: [silver, gold]}
)")));
  EXPECT_EQ(g.error, "suite.yaml:25:9: cause-effect graph of request 'quote': no combination of causes satisfies "
                     "the constraints and the inputs' classes");
}

TEST(CauseEffectTechnique, UnknownClassIsAnErrorAtTheCause) {
  Generated g = generate_first(load_ok(quote_suite(R"(      - technique: cause_effect
        causes:
          big: {amount: larg}
        effects:
          top: {when: big}
)")));
  EXPECT_EQ(g.error, "suite.yaml:27:11: input 'amount' has no class 'larg' (did you mean 'large'?)");
}

}  // namespace
}  // namespace glassbox::decisions_test
