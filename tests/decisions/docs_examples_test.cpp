// The decision-table and cause-effect examples of docs/suite-format.md and
// suites/examples/demo.yaml generate what the text says they do. (tests/loader checks
// that every example loads; these go on to generate.)
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/decisions/decision_suites.hpp"

namespace glassbox::decisions_test {
namespace {

using loader::testing::load_ok;

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The first ```yaml block of the reference whose text holds `marker`.
std::string doc_example(std::string_view marker) {
  std::string doc = read_file(std::string(GLASSBOX_SOURCE_DIR) + "/docs/suite-format.md");
  for (std::size_t at = doc.find("```yaml\n"); at != std::string::npos; at = doc.find("```yaml\n", at + 1)) {
    std::size_t start = at + 8;
    std::string block = doc.substr(start, doc.find("```", start) - start);
    if (block.find(marker) != std::string::npos) return block;
  }
  ADD_FAILURE() << "no yaml block with " << marker;
  return "";
}

std::string error_message(const std::string& yaml) {
  Generated g = generate_first(load_ok(yaml));
  std::size_t after_location = g.error.find(": ");
  return after_location == std::string::npos ? g.error : g.error.substr(after_location + 2);
}

TEST(DocsExamples, DecisionTableExampleGivesThreeCases) {
  Generated g = generate_first(load_ok(doc_example("technique: decision_table")));
  ASSERT_EQ(g.error, "");
  EXPECT_EQ(g.cases.size(), 3u);
}

TEST(DocsExamples, DecisionTableExampleErrorsAreAsShown) {
  std::string yaml = doc_example("technique: decision_table");
  std::string r2 = "          - {id: R2, when: {member: true, coupon: false}, expect: {json: {/rule: R2}}}\n";
  std::string r4 = "          - {id: R4, when: {member: false, coupon: false}, expect: {json: {/rule: R4}}}\n";
  ASSERT_NE(yaml.find(r2), std::string::npos);
  EXPECT_EQ(error_message(yaml + r4),
            "decision table of request 'discount': rules R3 and R4 both cover member=false, coupon=false with "
            "different expectations");
  std::string without_r2 = yaml;
  without_r2.erase(without_r2.find(r2), r2.size());
  EXPECT_EQ(error_message(without_r2),
            "decision table of request 'discount' is incomplete: no rule covers member=true, coupon=false");
}

TEST(DocsExamples, CauseEffectExampleGivesOneCasePerCombination) {
  Generated g = generate_first(load_ok(doc_example("technique: cause_effect")));
  ASSERT_EQ(g.error, "");
  ASSERT_EQ(g.cases.size(), 4u);
  EXPECT_EQ(g.cases[1].label, "R2: member, !coupon -> member_only");
  EXPECT_EQ(g.cases[1].covers, (std::vector<std::string>{"rule:R2", "effect:member_only"}));
}

TEST(DemoExample, DiscountTableAndGraphGenerateOneCasePerRule) {
  auto loaded = loader::load_suite_file(std::string(GLASSBOX_SOURCE_DIR) + "/suites/examples/demo.yaml",
                                        loader::testing::with_env());
  ASSERT_TRUE(loaded) << loaded.error().to_string();
  auto cases = generators::generate_all(*loaded, 1);
  ASSERT_TRUE(cases) << cases.error().to_string();
  std::vector<std::string> rules;
  for (const suite::Case& c : *cases)
    if (c.technique == "decision_table" || c.technique == "cause_effect") rules.push_back(c.label);
  EXPECT_EQ(rules, (std::vector<std::string>{
                       "R1: member=true, coupon=true", "R2: member=true, coupon=false",
                       "R3: member=false, coupon=true", "R4: member=false, coupon=false",
                       "R1: member, coupon -> both", "R2: member, !coupon -> member_only",
                       "R3: !member, coupon -> coupon_only", "R4: !member, !coupon -> neither"}));
}

}  // namespace
}  // namespace glassbox::decisions_test
