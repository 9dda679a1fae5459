// The property generator: one case per use, its options checked with messages that name the
// option, and a seed that depends on the run's seed and the case only.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "generators/generator.hpp"
#include "tests/property/suite_text.hpp"

namespace glassbox::property_test {
namespace {

using ::testing::ElementsAre;

std::string generation_error(const std::string& use) {
  suite::Suite s = load(use);
  auto cases = generators::generate_all(s, 1);
  return cases ? "no error" : cases.error().to_string();
}

TEST(PropertyGenerator, MakesOneCaseAtNominalWithTheDrawsToMake) {
  suite::Suite s = load("{technique: property, inputs: [a, b], options: {runs: 50, classes: {b: low}}}");
  auto cases = generators::generate_all(s, 7);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  ASSERT_EQ(cases->size(), 1u);
  const suite::Case& c = cases->front();
  EXPECT_EQ(c.technique, "property");
  EXPECT_EQ(c.form, "rapidcheck");
  EXPECT_EQ(c.label, "a, b drawn from the named classes, 50 runs");
  ASSERT_TRUE(c.property.has_value());
  EXPECT_EQ(c.property->runs, 50);
  EXPECT_EQ(c.property->max_requests, 250);
  EXPECT_EQ(c.property->max_seconds, 30);
  EXPECT_EQ(c.property->run_seed, 7u);
  ASSERT_EQ(c.property->inputs.size(), 2u);
  EXPECT_EQ(c.property->inputs[0].input, "a");
  EXPECT_THAT(c.property->inputs[0].classes, ElementsAre("in_range"));
  EXPECT_THAT(c.property->inputs[1].classes, ElementsAre("low"));
  EXPECT_EQ(c.find("a")->value, Value(150));
  EXPECT_EQ(c.find("c")->value, Value(50));
  EXPECT_FALSE(c.find("c")->under_test);
}

TEST(PropertyGenerator, TheSeedDependsOnTheRunSeedOnly) {
  suite::Suite s = load("{technique: property, inputs: [a]}");
  auto first = generators::generate_all(s, 1);
  auto again = generators::generate_all(s, 1);
  auto other = generators::generate_all(s, 2);
  ASSERT_TRUE(first.ok() && again.ok() && other.ok());
  EXPECT_EQ(first->front().property->seed, again->front().property->seed);
  EXPECT_NE(first->front().property->seed, other->front().property->seed);
  EXPECT_EQ(first->front().label, "a drawn from valid classes, 100 runs");
}

TEST(PropertyGenerator, RunsOutOfRangeNameTheOption) {
  EXPECT_EQ(generation_error("{technique: property, inputs: [a], options: {runs: 0}}"),
            "suite.yaml:23:9: technique 'property' of request 'r': option 'runs' must be 1..100000, got 0");
}

TEST(PropertyGenerator, BoundsMustBeWholeNumbersInRange) {
  EXPECT_EQ(generation_error("{technique: property, options: {max_seconds: 1.5}}"),
            "suite.yaml:23:9: technique 'property' of request 'r': option 'max_seconds' must be 1..86400, got 1.5");
  EXPECT_EQ(generation_error("{technique: property, options: {runs: 10, max_requests: 5}}"),
            "suite.yaml:23:9: technique 'property' of request 'r': option 'max_requests' must be at least 'runs' "
            "(10), got 5");
}

TEST(PropertyGenerator, AnUnknownOptionGetsASuggestion) {
  EXPECT_EQ(generation_error("{technique: property, options: {run: 10}}"),
            "suite.yaml:23:9: technique 'property' of request 'r': unknown option 'run' (did you mean 'runs'? "
            "options: runs, max_requests, max_seconds, classes)");
}

TEST(PropertyGenerator, ClassesMustBeClassesOfInputsUnderTest) {
  EXPECT_EQ(generation_error("{technique: property, inputs: [b], options: {classes: {b: lo}}}"),
            "suite.yaml:23:9: technique 'property' of request 'r': option 'classes': input 'b' has no class 'lo' "
            "(did you mean 'low'? classes: low, high)");
  EXPECT_EQ(generation_error("{technique: property, inputs: [b], options: {classes: {a: in_range}}}"),
            "suite.yaml:23:9: technique 'property' of request 'r': option 'classes': input 'a' is not among the "
            "inputs under test (b)");
}

TEST(PropertyGenerator, AnUnknownFormIsAnError) {
  EXPECT_EQ(generation_error("{technique: property, form: quickcheck}"),
            "suite.yaml:23:9: technique 'property' has no form 'quickcheck' (forms: rapidcheck)");
}

}  // namespace
}  // namespace glassbox::property_test
