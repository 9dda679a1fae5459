// Loading decision tables and cause-effect graphs: what is kept, and the errors (with
// line:column) for tables and graphs that are not well-formed.
#include <gtest/gtest.h>

#include "suites/model/cause_effect.hpp"
#include "suites/model/decision_table.hpp"
#include "tests/decisions/decision_suites.hpp"

namespace glassbox::decisions_test {
namespace {

using loader::testing::load_error;
using loader::testing::load_ok;

TEST(DecisionTableLoader, KeepsConditionsRulesEntriesAndLocations) {
  suite::Suite s = load_ok(quote_suite(R"(      - technique: decision_table
        conditions: [member, tier]
        rules:
          - {id: R1, when: {member: true, tier: [gold, silver]}, expect: {status: 201}}
          - {when: {member: false, tier: "-"}}
          - {when: {tier: bronze, member: True}}
)"));
  ASSERT_EQ(s.requests.size(), 1u);
  const auto& table = s.requests[0].techniques[0].decision_table;
  ASSERT_TRUE(table);
  EXPECT_EQ(table->conditions, (std::vector<std::string>{"member", "tier"}));
  ASSERT_EQ(table->rules.size(), 3u);
  EXPECT_EQ(table->rules[0].id, "R1");
  EXPECT_EQ(table->rules[0].when[1].classes, (std::vector<std::string>{"gold", "silver"}));
  EXPECT_EQ(table->rules[0].expect.status->to_string(), "201");
  EXPECT_EQ(table->rules[1].id, "R2");  // unnamed rules are numbered by position
  EXPECT_TRUE(table->rules[1].when[1].dont_care());
  EXPECT_EQ(table->rules[2].when[0].classes, std::vector<std::string>{"true"});  // True is the bool
  EXPECT_EQ(table->rules[0].where.to_string(), "suite.yaml:28:13");
}

TEST(CauseEffectLoader, KeepsCausesEffectsAndConstraints) {
  suite::Suite s = load_ok(quote_suite(R"(      - technique: cause_effect
        causes:
          member: {member: true}
          cheap: {tier: [silver, bronze]}
        effects:
          e1: {when: {or: [member, {not: cheap}]}, expect: {status: 201}}
        constraints:
          - {inclusive: [member, cheap]}
          - {masks: [e1, e1]}
)"));
  const auto& graph = s.requests[0].techniques[0].cause_effect;
  ASSERT_TRUE(graph);
  ASSERT_EQ(graph->causes.size(), 2u);
  EXPECT_EQ(graph->causes[1].input, "tier");
  EXPECT_EQ(graph->causes[1].classes, (std::vector<std::string>{"silver", "bronze"}));
  ASSERT_EQ(graph->effects.size(), 1u);
  EXPECT_EQ(graph->effects[0].when.op, suite::CauseExpr::Op::Or);
  EXPECT_EQ(graph->effects[0].when.operands[1].op, suite::CauseExpr::Op::Not);
  ASSERT_EQ(graph->constraints.size(), 2u);
  EXPECT_EQ(graph->constraints[0].kind, suite::ConstraintKind::Inclusive);
  EXPECT_EQ(graph->constraints[1].kind, suite::ConstraintKind::Masks);
}

std::string table_error(std::string_view rules) {
  return load_error(quote_suite(std::string("      - technique: decision_table\n") + std::string(rules)));
}

std::string graph_error(std::string_view body) {
  return load_error(quote_suite(std::string("      - technique: cause_effect\n") + std::string(body)));
}

TEST(DecisionTableLoader, UnknownConditionInput) {
  EXPECT_EQ(table_error("        conditions: [membr]\n        rules: [{when: {}}]\n"),
            "suite.yaml:26:22: unknown input 'membr' in technique 'decision_table' of request 'quote' (did you mean "
            "'member'?)");
}

TEST(DecisionTableLoader, WhenNamesSomethingThatIsNotACondition) {
  EXPECT_EQ(table_error("        conditions: [member, tier]\n        rules:\n          - {when: {tire: gold}}\n"),
            "suite.yaml:28:21: 'tire' in rule 'R1' is not a condition of the table (did you mean 'tier'?)");
}

TEST(DecisionTableLoader, RuleIdUsedTwice) {
  EXPECT_EQ(table_error("        conditions: [member]\n        rules:\n          - {id: A, when: {member: true}}\n"
                        "          - {id: A, when: {member: false}}\n"),
            "suite.yaml:29:13: rule id 'A' is used twice in the decision table of request 'quote'");
}

TEST(DecisionTableLoader, UnknownRuleKey) {
  EXPECT_EQ(table_error("        conditions: [member]\n        rules:\n          - {when: {}, expects: {status: 200}}\n"),
            "suite.yaml:28:24: unknown key 'expects' in a rule of request 'quote' (did you mean 'expect'?)");
}

TEST(DecisionTableLoader, NeedsConditionsAndRules) {
  EXPECT_EQ(table_error("        conditions: [member]\n"),
            "suite.yaml:25:9: a decision_table technique of request 'quote' needs 'conditions' (inputs) and 'rules'");
}

TEST(DecisionTableLoader, DontCareInsideAList) {
  EXPECT_EQ(table_error("        conditions: [tier]\n        rules:\n          - {when: {tier: [gold, \"-\"]}}\n"),
            "suite.yaml:28:34: 'tier' must list class names, got '-' (write '-' alone for don't care)");
}

TEST(DecisionTableLoader, TableKeysOnAnotherTechnique) {
  EXPECT_EQ(load_error(quote_suite("      - {technique: partitions, rules: []}\n")),
            "suite.yaml:25:33: 'rules' applies to technique 'decision_table' only, not 'partitions'");
}

TEST(DecisionTableLoader, InputsDoNotApply) {
  EXPECT_EQ(table_error("        inputs: [member]\n        conditions: [member]\n        rules: [{when: {}}]\n"),
            "suite.yaml:26:9: 'inputs' does not apply to technique 'decision_table': it varies the inputs its "
            "conditions name");
}

TEST(CauseEffectLoader, UnknownCauseInAnExpression) {
  EXPECT_EQ(graph_error("        causes: {member: {member: true}}\n        effects:\n"
                        "          e1: {when: {and: [member, membr]}}\n"),
            "suite.yaml:28:37: unknown cause 'membr' (did you mean 'member'?)");
}

TEST(CauseEffectLoader, CauseNamesOneInput) {
  EXPECT_EQ(graph_error("        causes: {both: {member: true, tier: gold}}\n        effects: {e1: {when: both}}\n"),
            "suite.yaml:26:24: cause 'both' must name one input and its classes, e.g. {member: true}");
}

TEST(CauseEffectLoader, RequiresTakesTwoCauses) {
  EXPECT_EQ(graph_error("        causes: {a: {member: true}, b: {tier: gold}, c: {tier: silver}}\n"
                        "        effects: {e1: {when: a}}\n        constraints:\n          - {requires: [a, b, c]}\n"),
            "suite.yaml:29:24: 'requires' takes two causes: [cause, required cause]");
}

TEST(CauseEffectLoader, MasksNamesEffects) {
  EXPECT_EQ(graph_error("        causes: {a: {member: true}}\n        effects: {e1: {when: a}, e2: {when: {not: a}}}\n"
                        "        constraints:\n          - {masks: [e1, a]}\n"),
            "suite.yaml:29:26: unknown effect 'a' in 'masks' (effects: e1, e2)");
}

TEST(CauseEffectLoader, NotInDefaults) {
  std::string yaml = quote_suite("      - partitions\n");
  yaml.replace(yaml.find("requests:"), 0,
               "defaults:\n  techniques:\n    - {technique: cause_effect, causes: {a: {member: true}}}\n");
  EXPECT_EQ(load_error(yaml),
            "suite.yaml:19:7: technique 'cause_effect' cannot be set in defaults: its rules belong to one request");
}

}  // namespace
}  // namespace glassbox::decisions_test
