// Equivalence partitions on small, hand-checked suites: the exact cases of each form.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/generators/suite_builder.hpp"

namespace glassbox::generators {
namespace {

using namespace fixtures;
using ::testing::ElementsAre;

// a: small 1..10, large 11..100 (valid); too_small ..0, too_big 101.. (invalid, 422)
// b: ok 1..5 (valid); bad 6.. (invalid)
suite::Suite two_input_suite(const std::string& form) {
  suite::Suite s;
  suite::Input a;
  a.name = "a";
  a.range = {1, 100};
  a.classes = {valid_class("small", 1, 10), valid_class("large", 11, 100), invalid_class("too_small", std::nullopt, 0),
               invalid_class("too_big", 101, std::nullopt)};
  a.classes[3].expect = status(422);
  suite::Input b;
  b.name = "b";
  b.range = {1, 5};
  b.classes = {valid_class("ok", 1, 5), invalid_class("bad", 6, std::nullopt)};
  s.inputs = {a, b};
  s.requests = {request_using({"a", "b"})};
  s.requests[0].techniques = {use("partitions", form)};
  return s;
}

const Generator& partitions() { return *find_generator("partitions"); }

TEST(Partitions, WeakNormalUsesEachValidClassOnce) {
  auto cases = run(partitions(), two_input_suite("weak_normal"));
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases), ElementsAre("a=small, b=ok", "a=large, b=ok"));
  EXPECT_THAT(ids_of(*cases), ElementsAre("r/partitions/weak_normal/a=small,b=ok", "r/partitions/weak_normal/a=large,b=ok"));
}

TEST(Partitions, WeakRobustAddsOneCasePerInvalidClassWithOthersAtFirstValidClass) {
  auto cases = run(partitions(), two_input_suite("weak_robust"));
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases), ElementsAre("a=small, b=ok", "a=large, b=ok", "a=too_small, b=ok", "a=too_big, b=ok",
                                             "a=small, b=bad"));
}

TEST(Partitions, DefaultFormIsWeakRobust) {
  auto cases = run(partitions(), two_input_suite(""));
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_EQ(cases->size(), 5u);
  for (const suite::Case& c : *cases) EXPECT_EQ(c.form, "weak_robust");
}

TEST(Partitions, StrongNormalTakesEveryCombinationOfValidClasses) {
  auto cases = run(partitions(), two_input_suite("strong_normal"));
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases), ElementsAre("a=small, b=ok", "a=large, b=ok"));
}

TEST(Partitions, StrongRobustTakesEveryCombinationOfAllClassesFirstInputSlowest) {
  auto cases = run(partitions(), two_input_suite("strong_robust"));
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases),
              ElementsAre("a=small, b=ok", "a=small, b=bad", "a=large, b=ok", "a=large, b=bad", "a=too_small, b=ok",
                          "a=too_small, b=bad", "a=too_big, b=ok", "a=too_big, b=bad"));
}

TEST(Partitions, RepresentativesBelongToTheirClass) {
  auto cases = run(partitions(), two_input_suite("strong_robust"));
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  const suite::Suite s = two_input_suite("strong_robust");
  for (const suite::Case& c : *cases) {
    for (const suite::Binding& b : c.bindings) {
      const suite::InputClass* cls = s.find_input(b.input)->classify(b.value);
      ASSERT_NE(cls, nullptr) << b.value.dump();
      EXPECT_EQ(cls->name, b.class_name);
      EXPECT_EQ(cls->valid, b.valid);
      EXPECT_TRUE(b.under_test);
      EXPECT_EQ(b.boundary, "");
    }
  }
}

TEST(Partitions, OpenEndedClassesDrawWithinAThousandOfTheirClosedEnd) {
  auto cases = run(partitions(), two_input_suite("weak_robust"));
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  std::int64_t too_small = (*cases)[2].find("a")->value.get<std::int64_t>();
  std::int64_t too_big = (*cases)[3].find("a")->value.get<std::int64_t>();
  EXPECT_GE(too_small, -1000);
  EXPECT_LE(too_small, 0);
  EXPECT_GE(too_big, 101);
  EXPECT_LE(too_big, 1101);
}

TEST(Partitions, AClassHasOneRepresentativeThroughoutARequest) {
  auto cases = run(partitions(), two_input_suite("strong_robust"));
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_EQ((*cases)[0].find("a")->value, (*cases)[1].find("a")->value);  // a=small twice
  EXPECT_EQ((*cases)[0].find("b")->value, (*cases)[2].find("b")->value);  // b=ok twice
}

TEST(Partitions, ClassValuesAreDrawnFromTheList) {
  suite::Suite s = two_input_suite("weak_robust");
  s.inputs[1].classes[1].values = {"abc", nullptr};  // b.bad: wrong-typed values
  auto cases = run(partitions(), s);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  const Value& bad = (*cases)[4].find("b")->value;
  EXPECT_TRUE(bad == Value("abc") || bad.is_null()) << bad.dump();
  EXPECT_EQ((*cases)[4].find("b")->class_name, "bad");
}

TEST(Partitions, ExpectationFollowsTheInvalidClass) {
  auto cases = run(partitions(), two_input_suite("weak_robust"));
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_EQ((*cases)[0].expected_outcome, "valid");
  EXPECT_EQ((*cases)[0].expect.status->to_string(), "200");
  EXPECT_EQ((*cases)[2].expected_outcome, "invalid (a.too_small)");
  EXPECT_EQ((*cases)[2].expect.status->to_string(), "400");
  EXPECT_EQ((*cases)[3].expected_outcome, "invalid (a.too_big)");
  EXPECT_EQ((*cases)[3].expect.status->to_string(), "422");  // the class's own override
}

TEST(Partitions, SeveralInvalidClassesGetTheRequestsDefaultInvalidExpectation) {
  auto cases = run(partitions(), two_input_suite("strong_robust"));
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  const suite::Case& c = (*cases)[7];  // a=too_big, b=bad
  EXPECT_EQ(c.expected_outcome, "invalid (a.too_big, b.bad)");
  EXPECT_EQ(c.expect.status->to_string(), "400");
}

TEST(Partitions, InputsOutsideTheGroupStayAtNominalInReferenceOrder) {
  suite::Suite s = two_input_suite("weak_normal");
  s.inputs.push_back(bounded_int("c", 0, 9));
  s.requests[0] = request_using({"c", "a", "b"});
  s.requests[0].techniques = {use("partitions", "weak_normal", {"b"})};
  auto cases = run(partitions(), s);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  ASSERT_EQ(cases->size(), 1u);
  const suite::Case& c = cases->front();
  EXPECT_EQ(c.label, "b=ok");
  EXPECT_EQ(c.id, "r/partitions/weak_normal/b=ok");
  ASSERT_EQ(c.bindings.size(), 3u);
  EXPECT_EQ(c.bindings[0].input, "c");
  EXPECT_EQ(c.bindings[0].value, 4);  // floor((0 + 9) / 2)
  EXPECT_EQ(c.bindings[0].class_name, "in_range");
  EXPECT_FALSE(c.bindings[0].under_test);
  EXPECT_EQ(c.bindings[0].boundary, "");
  EXPECT_EQ(c.bindings[1].input, "a");
  EXPECT_EQ(c.bindings[1].value, 50);  // floor((1 + 100) / 2)
  EXPECT_EQ(c.bindings[1].class_name, "large");
  EXPECT_TRUE(c.bindings[2].under_test);
}

TEST(Partitions, ADeclaredNominalIsUsedForHeldInputs) {
  suite::Suite s = two_input_suite("weak_normal");
  s.inputs[0].nominal = Value(7);
  s.requests[0].techniques = {use("partitions", "weak_normal", {"b"})};
  auto cases = run(partitions(), s);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_EQ(cases->front().find("a")->value, 7);
  EXPECT_EQ(cases->front().find("a")->class_name, "small");
}

TEST(Partitions, AHeldNominalOutsideEveryClassMakesTheCaseInvalid) {
  suite::Suite s = two_input_suite("weak_normal");
  s.inputs[0].nominal = Value("x");
  s.requests[0].techniques = {use("partitions", "weak_normal", {"b"})};
  auto cases = run(partitions(), s);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  const suite::Binding* a = cases->front().find("a");
  EXPECT_EQ(a->class_name, "");
  EXPECT_FALSE(a->valid);
  EXPECT_EQ(cases->front().expected_outcome, "invalid (a.unclassified)");
}

TEST(Partitions, NoInputsGivesExactlyOneCase) {
  for (std::string form : {"weak_robust", "weak_normal", "strong_normal", "strong_robust"}) {
    suite::Suite s;
    s.requests = {request_using({})};
    s.requests[0].techniques = {use("partitions", form)};
    auto cases = run(partitions(), s);
    ASSERT_TRUE(cases.ok()) << cases.error().to_string();
    ASSERT_EQ(cases->size(), 1u) << form;
    EXPECT_EQ(cases->front().label, "no inputs");
    EXPECT_TRUE(cases->front().bindings.empty());
    EXPECT_EQ(cases->front().expected_outcome, "valid");
  }
}

TEST(Partitions, ReferencedNamesThatAreNotInputsAreLeftAlone) {
  suite::Suite s = two_input_suite("weak_normal");
  s.requests[0].headers.push_back({"Authorization", "Bearer {{token}}"});  // a captured value
  auto cases = run(partitions(), s);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_EQ(cases->front().bindings.size(), 2u);
}

TEST(Partitions, UnknownInputIsAnErrorWithASuggestion) {
  suite::Suite s = two_input_suite("weak_normal");
  s.requests[0].techniques = {use("partitions", "", {"a", "d"})};
  auto cases = run(partitions(), s);
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().to_string(), "suite.yaml:12:5: technique 'partitions' names unknown input 'd' (did you mean 'a'?)");
}

TEST(Partitions, UnknownInputWithoutACloseNameListsTheInputs) {
  suite::Suite s = two_input_suite("weak_normal");
  s.requests[0].techniques = {use("partitions", "", {"quantity"})};
  auto cases = run(partitions(), s);
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().message, "technique 'partitions' names unknown input 'quantity' (inputs: a, b)");
}

TEST(Partitions, UnknownFormIsAnErrorWithASuggestion) {
  auto cases = run(partitions(), two_input_suite("strong_robst"));
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().to_string(),
            "suite.yaml:12:5: technique 'partitions' has no form 'strong_robst' (did you mean 'strong_robust'? forms: "
            "weak_robust, weak_normal, strong_normal, strong_robust)");
}

TEST(Partitions, TooManyCombinationsIsAnError) {
  suite::Suite s;
  std::vector<std::string> names;
  for (int i = 0; i < 9; ++i) {
    names.push_back("i" + std::to_string(i));
    s.inputs.push_back(bounded_int(names.back(), 0, 10));
    s.inputs.back().classes.push_back(valid_class("extra", 11, 20));
  }
  s.requests = {request_using(names)};
  s.requests[0].techniques = {use("partitions", "strong_robust")};
  auto cases = run(partitions(), s);
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().message,
            "technique 'partitions' form 'strong_robust' would generate 262144 cases for request 'r' (the limit is "
            "100000); put fewer inputs in one group");
}

}  // namespace
}  // namespace glassbox::generators
