// generate_all and the registry: suite order, duplicate removal, unknown techniques.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/generators/suite_builder.hpp"

namespace glassbox::generators {
namespace {

using namespace fixtures;
using ::testing::ElementsAre;

suite::Suite two_request_suite() {
  suite::Suite s;
  s.inputs = {bounded_int("a", 1, 10), bounded_int("b", 0, 4)};
  s.requests = {request_using({"a"}, "first"), request_using({"b"}, "second")};
  s.requests[0].techniques = {use("boundaries", "normal"), use("partitions", "weak_normal")};
  s.requests[1].techniques = {use("partitions", "weak_robust")};
  return s;
}

TEST(GenerateAll, RequestsInSuiteOrderAndUsesInRequestOrder) {
  auto cases = generate_all(two_request_suite(), 1);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(ids_of(*cases),
              ElementsAre("first/boundaries/normal/a=nominal", "first/boundaries/normal/a=min",
                          "first/boundaries/normal/a=min+", "first/boundaries/normal/a=max-",
                          "first/boundaries/normal/a=max", "first/partitions/weak_normal/a=in_range",
                          "second/partitions/weak_robust/b=in_range", "second/partitions/weak_robust/b=too_small",
                          "second/partitions/weak_robust/b=too_big"));
  EXPECT_EQ(cases->front().request, "first");
  EXPECT_EQ(cases->front().technique, "boundaries");
}

TEST(GenerateAll, ACaseAnEarlierUseProducedIsKeptOnce) {
  suite::Suite s = two_request_suite();
  s.requests[1].techniques = {use("partitions", "weak_normal"), use("partitions", "weak_robust", {"b"}),
                              use("partitions", "weak_normal", {"b", "b"})};
  auto cases = generate_all(s, 1);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  std::vector<std::string> second;
  for (const suite::Case& c : *cases)
    if (c.request == "second") second.push_back(c.id);
  EXPECT_THAT(second, ElementsAre("second/partitions/weak_normal/b=in_range", "second/partitions/weak_robust/b=in_range",
                                  "second/partitions/weak_robust/b=too_small",
                                  "second/partitions/weak_robust/b=too_big"));
}

TEST(GenerateAll, ARequestWithoutTechniquesHasNoCases) {
  suite::Suite s = two_request_suite();
  s.requests[0].techniques.clear();
  auto cases = generate_all(s, 1);
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_EQ(cases->size(), 3u);
}

TEST(GenerateAll, SameSeedSameCasesOtherSeedSameIds) {
  auto one = generate_all(two_request_suite(), 42);
  auto again = generate_all(two_request_suite(), 42);
  auto other = generate_all(two_request_suite(), 43);
  ASSERT_TRUE(one.ok() && again.ok() && other.ok());
  ASSERT_EQ(one->size(), again->size());
  for (std::size_t i = 0; i < one->size(); ++i) EXPECT_EQ((*one)[i].inputs_as_json(), (*again)[i].inputs_as_json());
  EXPECT_EQ(ids_of(*one), ids_of(*other));
}

TEST(GenerateAll, UnknownTechniqueIsAnErrorWithASuggestion) {
  suite::Suite s = two_request_suite();
  s.requests[1].techniques = {use("partition")};
  auto cases = generate_all(s, 1);
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().to_string(),
            "suite.yaml:12:5: unknown technique 'partition' (did you mean 'partitions'? techniques: partitions, "
            "boundaries, decision_table, cause_effect, pairwise, error_guessing, state_transitions, property)");
}

TEST(GenerateAll, UnknownTechniqueWithoutACloseNameListsTheTechniques) {
  suite::Suite s = two_request_suite();
  s.requests[1].techniques = {use("fuzzing")};
  auto cases = generate_all(s, 1);
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().message,
            "unknown technique 'fuzzing' (techniques: partitions, boundaries, decision_table, cause_effect, pairwise, "
            "error_guessing, state_transitions, property)");
}

TEST(GenerateAll, AGeneratorErrorStopsGeneration) {
  suite::Suite s = two_request_suite();
  s.requests[1].techniques = {use("boundaries", "worst", {"b"})};
  auto cases = generate_all(s, 1);
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().message,
            "technique 'boundaries' has no form 'worst' (forms: normal, robust, worst_case, robust_worst_case)");
}

TEST(Registry, ListsEveryTechniqueWithFormsAndASummary) {
  std::vector<std::string_view> names;
  for (const Generator* g : all_generators()) {
    names.push_back(g->name());
    EXPECT_FALSE(g->summary().empty());
    EXPECT_FALSE(g->forms().empty());
  }
  EXPECT_THAT(names, ElementsAre("partitions", "boundaries", "decision_table", "cause_effect", "pairwise",
                                 "error_guessing", "state_transitions", "property"));
  EXPECT_THAT(find_generator("partitions")->forms(),
              ElementsAre("weak_robust", "weak_normal", "strong_normal", "strong_robust"));
  EXPECT_THAT(find_generator("boundaries")->forms(), ElementsAre("normal", "robust", "worst_case", "robust_worst_case"));
}

TEST(Registry, FindsByExactNameOnly) {
  EXPECT_EQ(find_generator("boundaries")->name(), "boundaries");
  EXPECT_EQ(find_generator("Boundaries"), nullptr);
  EXPECT_EQ(find_generator(""), nullptr);
}

}  // namespace
}  // namespace glassbox::generators
