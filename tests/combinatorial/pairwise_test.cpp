// The pairwise technique on suites loaded from YAML: the array over valid classes,
// invalid classes one at a time, options and their errors, determinism.
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "generators/generator.hpp"
#include "suites/loader/loader.hpp"

namespace glassbox::generators {
namespace {

// Four inputs under test: 3 x 3 x 2 valid classes, plus the invalid classes the loader
// derives (payment.not_listed, country.not_listed, quantity.below_min, quantity.above_max).
std::string shop_suite(const std::string& use) {
  return R"(suite: shop
targets: {demo: builtin:demo}
inputs:
  payment: {type: enum, values: [card, invoice, paypal]}
  country: {type: enum, values: [DE, FR, US]}
  member: {type: bool}
  quantity: {type: int, min: 1, max: 99}
requests:
  order:
    method: POST
    path: /orders
    body: {payment: "{{payment}}", country: "{{country}}", member: "{{member}}", quantity: "{{quantity}}"}
    techniques:
      - )" + use + "\n";
}

suite::Suite load(const std::string& use) {
  auto loaded = loader::load_suite_text(shop_suite(use), "shop.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error().to_string();
  return loaded.ok() ? *loaded : suite::Suite{};
}

Expected<std::vector<suite::Case>> generate(const std::string& use, std::uint64_t seed = 1) {
  suite::Suite s = load(use);
  if (s.requests.empty()) return Error{"suite did not load"};
  const suite::Request& r = s.requests.front();
  return find_generator("pairwise")->generate(GenerationContext{s, r, r.techniques.front(), seed});
}

std::vector<const suite::Binding*> invalid_bindings(const suite::Case& c) {
  std::vector<const suite::Binding*> out;
  for (const suite::Binding& b : c.bindings)
    if (!b.valid) out.push_back(&b);
  return out;
}

// Every pair of valid classes of two inputs appears in some all-valid case.
void expect_all_pairs(const std::vector<suite::Case>& cases, const suite::Suite& s) {
  const suite::Request& r = s.requests.front();
  std::vector<std::string> names = r.referenced_inputs();
  for (std::size_t i = 0; i < names.size(); ++i) {
    for (std::size_t j = i + 1; j < names.size(); ++j) {
      for (const suite::InputClass& a : s.find_input(names[i])->classes) {
        for (const suite::InputClass& b : s.find_input(names[j])->classes) {
          if (!a.valid || !b.valid) continue;
          bool seen = std::any_of(cases.begin(), cases.end(), [&](const suite::Case& c) {
            return invalid_bindings(c).empty() && c.find(names[i])->class_name == a.name &&
                   c.find(names[j])->class_name == b.name;
          });
          EXPECT_TRUE(seen) << names[i] << "=" << a.name << ", " << names[j] << "=" << b.name;
        }
      }
    }
  }
}

TEST(Pairwise, CoversEveryPairOfValidClassesInTheOptimalNineCases) {
  auto cases = generate("pairwise");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  std::size_t valid = std::count_if(cases->begin(), cases->end(), [](const suite::Case& c) { return invalid_bindings(c).empty(); });
  EXPECT_EQ(valid, 9u);  // 3 x 3 is the least any pairwise array of these inputs can have
  expect_all_pairs(*cases, load("pairwise"));
}

TEST(Pairwise, ValidCasesListThePairsTheyCoverSoReportsCanCountThem) {
  auto cases = generate("{technique: pairwise, form: normal}");
  ASSERT_TRUE(cases.ok());
  std::set<std::string> pairs;
  for (const suite::Case& c : *cases) {
    EXPECT_EQ(c.covers.size(), 6u) << c.id;  // C(4, 2) pairs per row of four inputs
    pairs.insert(c.covers.begin(), c.covers.end());
  }
  // 3*3 + 3*2 + 3*1 + 3*2 + 3*1 + 2*1 pairs of valid classes (quantity has one valid class).
  EXPECT_EQ(pairs.size(), 9u + 6u + 3u + 6u + 3u + 2u);
  EXPECT_TRUE(pairs.count("pair:country=DE,payment=card")) << ::testing::PrintToString(pairs);
}

TEST(Pairwise, RobustAddsOneCasePerInvalidClassAndNeverTwoInvalidValues) {
  auto cases = generate("pairwise");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  std::vector<std::string> invalid_cases;
  for (const suite::Case& c : *cases) {
    auto invalid = invalid_bindings(c);
    ASSERT_LE(invalid.size(), 1u) << c.label;
    if (invalid.empty()) continue;
    invalid_cases.push_back(invalid.front()->input + "." + invalid.front()->class_name);
    EXPECT_THAT(c.covers, ::testing::ElementsAre("class:" + invalid_cases.back()));
    EXPECT_EQ(c.expected_outcome, "invalid (" + invalid_cases.back() + ")");
  }
  // In the order the request uses the inputs (its body's keys, sorted), then class order.
  EXPECT_THAT(invalid_cases, ::testing::ElementsAre("country.not_listed", "payment.not_listed", "quantity.below_min",
                                                     "quantity.above_max"));
  EXPECT_EQ(cases->size(), 13u);
}

TEST(Pairwise, NormalFormHasNoInvalidCases) {
  auto cases = generate("{technique: pairwise, form: normal}");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_EQ(cases->size(), 9u);
  for (const suite::Case& c : *cases) EXPECT_TRUE(invalid_bindings(c).empty()) << c.label;
}

TEST(Pairwise, CasesHaveStableIdsAndLabels) {
  auto cases = generate("pairwise");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  std::set<std::string> ids;
  for (const suite::Case& c : *cases) {
    EXPECT_TRUE(ids.insert(c.id).second) << c.id;
    EXPECT_EQ(c.technique, "pairwise");
    EXPECT_EQ(c.form, "robust");
    EXPECT_EQ(c.id.rfind("order/pairwise/robust/country=", 0), 0u) << c.id;
  }
  EXPECT_THAT(cases->back().label, ::testing::MatchesRegex("country=[A-Z]+, member=(true|false), payment=[a-z]+, "
                                                           "quantity=above_max"));
}

TEST(Pairwise, SameSeedSameCases) {
  auto a = generate("{technique: pairwise, options: {strength: 3}}", 42);
  auto b = generate("{technique: pairwise, options: {strength: 3}}", 42);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->size(), b->size());
  for (std::size_t i = 0; i < a->size(); ++i) {
    EXPECT_EQ((*a)[i].id, (*b)[i].id);
    EXPECT_EQ((*a)[i].inputs_as_json(), (*b)[i].inputs_as_json());
  }
}

TEST(Pairwise, StrengthThreeCoversEveryTripleOfTheThreeWayProduct) {
  auto cases = generate("{technique: pairwise, form: normal, options: {strength: 3}}");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  std::set<std::string> triples;
  for (const suite::Case& c : *cases)
    triples.insert(c.find("payment")->class_name + c.find("country")->class_name + c.find("member")->class_name);
  EXPECT_EQ(triples.size(), 18u);  // 3 x 3 x 2
}

TEST(Pairwise, ConstraintsKeepClassesApartAndRequireAddsCombinations) {
  auto cases = generate(
      "{technique: pairwise, form: normal, options: {constraints: [{payment: invoice, country: US}, "
      "{payment: paypal, member: false}], require: [{payment: card, country: DE, member: false}]}}");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  bool required_seen = false;
  for (const suite::Case& c : *cases) {
    std::string payment = c.find("payment")->class_name, country = c.find("country")->class_name,
                member = c.find("member")->class_name;
    EXPECT_FALSE(payment == "invoice" && country == "US") << c.label;
    EXPECT_FALSE(payment == "paypal" && member == "false") << c.label;
    required_seen = required_seen || (payment == "card" && country == "DE" && member == "false");
  }
  EXPECT_TRUE(required_seen);
}

TEST(Pairwise, InvalidStrengthIsAnErrorAtTheUse) {
  auto cases = generate("{technique: pairwise, options: {strength: 9}}");
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().to_string(), "shop.yaml:14:9: technique 'pairwise' of request 'order': option 'strength' "
                                       "must be 2..6, got 9");
}

TEST(Pairwise, OptionErrorsNameTheOption) {
  EXPECT_EQ(generate("{technique: pairwise, options: {strenght: 3}}").error().message,
            "technique 'pairwise' of request 'order': unknown option 'strenght' (did you mean 'strength'? options: "
            "strength, constraints, require)");
  EXPECT_EQ(generate("{technique: pairwise, options: {constraints: [{payment: cash, country: US}]}}").error().message,
            "technique 'pairwise' of request 'order': option 'constraints': input 'payment' has no valid class 'cash' "
            "(valid classes: card, invoice, paypal)");
  EXPECT_EQ(generate("{technique: pairwise, inputs: [payment, country], options: {require: [{member: true}]}}")
                .error()
                .message,
            "technique 'pairwise' of request 'order': option 'require': input 'member' is not among the inputs under "
            "test (payment, country)");
  EXPECT_EQ(generate("{technique: pairwise, options: {constraints: [{payment: card}]}}").error().message,
            "technique 'pairwise' of request 'order': option 'constraints': each entry must be a map naming at least 2 "
            "inputs (input: class), got {\"payment\":\"card\"}");
  EXPECT_EQ(generate("{technique: pairwise, options: {constraints: [{payment: card, member: true}, {payment: card, "
                     "member: false}], require: [{payment: card}]}}")
                .error()
                .message,
            "technique 'pairwise' of request 'order': required combination (payment=card) cannot appear: the "
            "forbidden combinations exclude it");
}

TEST(Pairwise, ConstraintsThatForbidEverythingAreAnError) {
  EXPECT_EQ(generate("{technique: pairwise, inputs: [member, payment], options: {constraints: [{member: true, payment: "
                     "card}, {member: true, payment: invoice}, {member: true, payment: paypal}, {member: false, "
                     "payment: card}, {member: false, payment: invoice}, {member: false, payment: paypal}]}}")
                .error()
                .message,
            "technique 'pairwise' of request 'order': option 'constraints' forbids every combination of classes");
}

TEST(Pairwise, IsListedInTheRegistryAndRunsThroughGenerateAll) {
  suite::Suite s = load("{technique: pairwise, inputs: [payment, country]}");
  auto cases = generate_all(s, 5);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_EQ(cases->size(), 11u);  // 3 x 3, then payment.not_listed and country.not_listed
  for (const suite::Case& c : *cases) EXPECT_EQ(c.technique, "pairwise");
}

// The example of docs/suite-format.md generates what the text beside it says.
TEST(Pairwise, DocumentedExampleGeneratesTheCasesItDescribes) {
  std::ifstream in(std::string(GLASSBOX_SOURCE_DIR) + "/docs/suite-format.md");
  std::stringstream doc;
  doc << in.rdbuf();
  std::string text = doc.str();
  std::size_t start = text.find("suite: pairwise-example");
  ASSERT_NE(start, std::string::npos);
  std::string yaml = text.substr(start, text.find("```", start) - start);
  auto s = loader::load_suite_text(yaml, "suite-format.md");
  ASSERT_TRUE(s.ok()) << s.error().to_string();
  const suite::Request& r = s->requests.front();
  ASSERT_EQ(r.techniques.size(), 2u);
  auto first = find_generator("pairwise")->generate(GenerationContext{*s, r, r.techniques[0], 1});
  ASSERT_TRUE(first.ok()) << first.error().to_string();
  EXPECT_EQ(first->size(), 13u);
  auto second = find_generator("pairwise")->generate(GenerationContext{*s, r, r.techniques[1], 1});
  ASSERT_TRUE(second.ok()) << second.error().to_string();
  std::set<std::string> triples;
  bool required_seen = false;
  for (const suite::Case& c : *second) {
    std::string payment = c.find("payment")->class_name, country = c.find("country")->class_name;
    EXPECT_FALSE(payment == "invoice" && country == "US") << c.label;
    required_seen = required_seen || (payment == "paypal" && c.find("member")->class_name == "true");
    triples.insert(payment + country + c.find("member")->class_name);
  }
  EXPECT_TRUE(required_seen);
  EXPECT_EQ(triples.size(), 16u);  // 18 triples less the two with invoice and US
}

}  // namespace
}  // namespace glassbox::generators
