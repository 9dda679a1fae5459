// Boundary value analysis of int inputs on hand-checked suites: the exact cases of each form.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

#include "tests/generators/suite_builder.hpp"

namespace glassbox::generators {
namespace {

using namespace fixtures;
using ::testing::ElementsAre;

// a: 1..10 (nominal 5), b: 0..4 (nominal 2); too_big of a expects 422.
suite::Suite two_input_suite(const std::string& form) {
  suite::Suite s;
  s.inputs = {bounded_int("a", 1, 10), bounded_int("b", 0, 4)};
  s.inputs[0].classes[2].expect = status(422);
  s.requests = {request_using({"a", "b"})};
  s.requests[0].techniques = {use("boundaries", form)};
  return s;
}

const Generator& boundaries() { return *find_generator("boundaries"); }

TEST(Boundaries, NormalMovesOneInputAtATimeThroughItsFourPoints) {
  auto cases = run(boundaries(), two_input_suite("normal"));
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases), ElementsAre("nominal", "a=min", "a=min+", "a=max-", "a=max", "b=min", "b=min+",
                                             "b=max-", "b=max"));
  EXPECT_THAT(values_of(*cases, "a"), ElementsAre("5", "1", "2", "9", "10", "5", "5", "5", "5"));
  EXPECT_THAT(values_of(*cases, "b"), ElementsAre("2", "2", "2", "2", "2", "0", "1", "3", "4"));
}

TEST(Boundaries, NormalIsTheDefaultForm) {
  auto cases = run(boundaries(), two_input_suite(""));
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_EQ(cases->size(), 9u);
  EXPECT_EQ(cases->front().form, "normal");
}

TEST(Boundaries, RobustAddsThePointsJustOutside) {
  auto cases = run(boundaries(), two_input_suite("robust"));
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases),
              ElementsAre("nominal", "a=min-", "a=min", "a=min+", "a=max-", "a=max", "a=max+", "b=min-", "b=min",
                          "b=min+", "b=max-", "b=max", "b=max+"));
  EXPECT_THAT(values_of(*cases, "a"), ElementsAre("5", "0", "1", "2", "9", "10", "11", "5", "5", "5", "5", "5", "5"));
}

TEST(Boundaries, WorstCaseTakesEveryCombinationFirstInputSlowest) {
  auto cases = run(boundaries(), two_input_suite("worst_case"));
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  ASSERT_EQ(cases->size(), 25u);
  std::vector<std::string> labels = labels_of(*cases);
  EXPECT_THAT(std::vector<std::string>(labels.begin(), labels.begin() + 6),
              ElementsAre("a=min, b=min", "a=min, b=min+", "a=min, b=nominal", "a=min, b=max-", "a=min, b=max",
                          "a=min+, b=min"));
  EXPECT_EQ(labels[12], "a=nominal, b=nominal");
  EXPECT_EQ(cases->at(12).id, "r/boundaries/worst_case/a=nominal,b=nominal");
}

TEST(Boundaries, RobustWorstCaseOfOneInputIsItsSevenPoints) {
  suite::Suite s = two_input_suite("robust_worst_case");
  s.requests[0].techniques = {use("boundaries", "robust_worst_case", {"a"})};
  auto cases = run(boundaries(), s);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases),
              ElementsAre("a=min-", "a=min", "a=min+", "a=nominal", "a=max-", "a=max", "a=max+"));
}

TEST(Boundaries, BindingsNameTheirPointAndTheClassTheValueFallsIn) {
  auto cases = run(boundaries(), two_input_suite("robust"));
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  const suite::Case& below = (*cases)[1];  // a=min-
  const suite::Binding& a = *below.find("a");
  EXPECT_EQ(a.boundary, "min-");
  EXPECT_EQ(a.class_name, "too_small");
  EXPECT_FALSE(a.valid);
  EXPECT_TRUE(a.under_test);
  const suite::Binding& b = *below.find("b");
  EXPECT_EQ(b.boundary, "nominal");
  EXPECT_EQ(b.class_name, "in_range");
  EXPECT_TRUE(b.valid);
  EXPECT_EQ(below.id, "r/boundaries/robust/a=min-,b=nominal");
}

TEST(Boundaries, ExpectationFollowsTheClassOfTheValue) {
  auto cases = run(boundaries(), two_input_suite("robust"));
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_EQ((*cases)[0].expected_outcome, "valid");
  EXPECT_EQ((*cases)[0].expect.status->to_string(), "200");
  EXPECT_EQ((*cases)[1].expected_outcome, "invalid (a.too_small)");
  EXPECT_EQ((*cases)[1].expect.status->to_string(), "400");
  EXPECT_EQ((*cases)[6].expected_outcome, "invalid (a.too_big)");
  EXPECT_EQ((*cases)[6].expect.status->to_string(), "422");
}

TEST(Boundaries, InputsOutsideTheGroupStayAtNominalAndSayNominal) {
  suite::Suite s = two_input_suite("normal");
  s.requests[0].techniques = {use("boundaries", "normal", {"b"})};
  auto cases = run(boundaries(), s);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases), ElementsAre("nominal", "b=min", "b=min+", "b=max-", "b=max"));
  const suite::Binding& a = *cases->at(1).find("a");
  EXPECT_FALSE(a.under_test);
  EXPECT_EQ(a.boundary, "nominal");
  EXPECT_EQ(a.value, 5);
  EXPECT_EQ(cases->at(1).id, "r/boundaries/normal/b=min");
}

TEST(Boundaries, BoundsMayComeFromTheValidClasses) {
  suite::Suite s = two_input_suite("normal");
  s.inputs[0].range = {};
  s.inputs[0].classes = {valid_class("low", 1, 5), valid_class("high", 6, 20), invalid_class("above", 21, std::nullopt)};
  s.requests[0].techniques = {use("boundaries", "normal", {"a"})};
  auto cases = run(boundaries(), s);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(values_of(*cases, "a"), ElementsAre("10", "1", "2", "19", "20"));
}

TEST(Boundaries, ANarrowRangeGivesFewerPointsRatherThanDuplicates) {
  suite::Suite s = two_input_suite("robust");
  s.inputs[0] = bounded_int("a", 3, 4);  // nominal 3 = min; min+ = max = 4; max- = min
  s.requests[0].techniques = {use("boundaries", "robust", {"a"})};
  auto cases = run(boundaries(), s);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases), ElementsAre("nominal", "a=min-", "a=max", "a=max+"));
  EXPECT_THAT(values_of(*cases, "a"), ElementsAre("3", "2", "4", "5"));
}

TEST(Boundaries, PointsBeyondInt64AreSkipped) {
  constexpr auto lowest = std::numeric_limits<std::int64_t>::min();
  constexpr auto highest = std::numeric_limits<std::int64_t>::max();
  suite::Suite s;
  suite::Input a;
  a.name = "a";
  a.range = {lowest, highest};
  a.classes = {valid_class("any", lowest, highest)};
  s.inputs = {a};
  s.requests = {request_using({"a"})};
  s.requests[0].techniques = {use("boundaries", "robust")};
  auto cases = run(boundaries(), s);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases), ElementsAre("nominal", "a=min", "a=min+", "a=max-", "a=max"));
  EXPECT_THAT(values_of(*cases, "a"), ElementsAre("-1", "-9223372036854775808", "-9223372036854775807",
                                                  "9223372036854775806", "9223372036854775807"));
}

TEST(Boundaries, NoInputsGivesOneCase) {
  for (std::string form : {"normal", "robust", "worst_case", "robust_worst_case"}) {
    suite::Suite s;
    s.requests = {request_using({})};
    s.requests[0].techniques = {use("boundaries", form)};
    auto cases = run(boundaries(), s);
    ASSERT_TRUE(cases.ok()) << cases.error().to_string();
    EXPECT_THAT(labels_of(*cases), ElementsAre("no inputs")) << form;
  }
}

TEST(Boundaries, UnknownFormIsAnErrorWithASuggestion) {
  auto cases = run(boundaries(), two_input_suite("robst"));
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().to_string(),
            "suite.yaml:12:5: technique 'boundaries' has no form 'robst' (did you mean 'robust'? forms: normal, "
            "robust, worst_case, robust_worst_case)");
}

TEST(Boundaries, UnknownFormWithoutACloseNameListsTheForms) {
  auto cases = run(boundaries(), two_input_suite("pairwise"));
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().message,
            "technique 'boundaries' has no form 'pairwise' (forms: normal, robust, worst_case, robust_worst_case)");
}

TEST(Boundaries, UnknownInputIsAnErrorWithASuggestion) {
  suite::Suite s = two_input_suite("normal");
  s.requests[0].techniques = {use("boundaries", "normal", {"bb"})};
  auto cases = run(boundaries(), s);
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().message, "technique 'boundaries' names unknown input 'bb' (did you mean 'b'?)");
}

TEST(Boundaries, AnInputWithoutBoundsIsAnError) {
  suite::Suite s = two_input_suite("normal");
  s.inputs[1].range = {};
  s.inputs[1].classes = {valid_class("listed", std::nullopt, std::nullopt)};
  s.inputs[1].classes[0].values = {1, 2, 3};
  auto cases = run(boundaries(), s);
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().to_string(),
            "suite.yaml:12:5: technique 'boundaries' needs bounds for input 'b' (set min/max, or min_length/max_length "
            "for strings)");
}

TEST(Boundaries, AnOpenEndedRangeIsAnErrorNamingTheMissingEnd) {
  suite::Suite s = two_input_suite("normal");
  s.inputs[1].range = {0, std::nullopt};
  s.inputs[1].classes = {valid_class("positive", 0, std::nullopt)};
  auto cases = run(boundaries(), s);
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().message, "technique 'boundaries' needs bounds for input 'b' (set max; only min is set)");

  s.inputs[1].range = {std::nullopt, 9};
  s.inputs[1].classes = {valid_class("small", std::nullopt, 9)};
  cases = run(boundaries(), s);
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().message, "technique 'boundaries' needs bounds for input 'b' (set min; only max is set)");
}

TEST(Boundaries, TooManyCombinationsIsAnError) {
  suite::Suite s;
  std::vector<std::string> names;
  for (int i = 0; i < 7; ++i) {
    names.push_back("i" + std::to_string(i));
    s.inputs.push_back(bounded_int(names.back(), 0, 10));
  }
  s.requests = {request_using(names)};
  s.requests[0].techniques = {use("boundaries", "robust_worst_case")};
  auto cases = run(boundaries(), s);
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().message,
            "technique 'boundaries' form 'robust_worst_case' would generate 823543 cases for request 'r' (the limit "
            "is 100000); put fewer inputs in one group");
}

}  // namespace
}  // namespace glassbox::generators
