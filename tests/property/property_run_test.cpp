// The shrinking loop against an in-process fake service (a function instead of HTTP): the
// smallest failing input is found, the bounds stop shrinking and say so, and a seed replays
// the same draws.
#include <chrono>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "generators/generator.hpp"
#include "suites/runner/case_judge.hpp"
#include "suites/runner/property_run.hpp"
#include "tests/property/suite_text.hpp"

namespace glassbox::property_test {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using reports::Outcome;

// A fake service that rejects `a` above 200 (the suite claims 1..300 is valid) and records
// every value of `a` it was sent.
struct FakeService {
  const suite::Suite& suite;
  std::int64_t accepts_up_to = 200;
  std::vector<std::int64_t> seen;

  reports::CaseResult operator()(const suite::Case& drawn) {
    reports::CaseResult r = runner::describe_case(suite.name, drawn);
    const std::int64_t a = drawn.find("a")->value.get<std::int64_t>();
    seen.push_back(a);
    r.outcome = a <= accepts_up_to ? Outcome::Passed : Outcome::Failed;
    if (r.outcome == Outcome::Failed) r.message = "status: expected 2xx, got 400";
    return r;
  }
};

suite::Case property_case(const suite::Suite& s, std::uint64_t seed = 1) {
  auto cases = generators::generate_all(s, seed);
  if (!cases) throw std::runtime_error(cases.error().to_string());
  return cases->front();
}

TEST(PropertyRun, ShrinksAFailureToTheSmallestFailingValue) {
  suite::Suite s = load("{technique: property, inputs: [a], options: {runs: 100}}");
  suite::Case c = property_case(s);
  FakeService service{s};
  reports::CaseResult r = runner::run_property_case(s, c, [&](const suite::Case& d) { return service(d); });
  EXPECT_EQ(r.outcome, Outcome::Failed);
  EXPECT_EQ(r.inputs["a"], Value(201));
  // The draw that failed first is the first value above 200 the service saw.
  std::size_t first_failure = 0;
  while (service.seen[first_failure] <= 200) ++first_failure;
  const std::string prefix = fmt::format("property failed on draw {} of 100; smallest failing input a=201 (after ",
                                         first_failure + 1);
  EXPECT_EQ(r.message.substr(0, prefix.size()), prefix);
  EXPECT_THAT(r.message, MatchesRegex(".*after [0-9]+ shrink steps?; replay with --seed 1\\): status: expected 2xx, "
                                      "got 400"));
  ASSERT_FALSE(r.checks.empty());
  EXPECT_EQ(r.checks.front().name, "property");
  EXPECT_FALSE(r.checks.front().passed);
  EXPECT_THAT(r.checks.front().actual,
              HasSubstr(fmt::format("; {} requests", service.seen.size())));
}

TEST(PropertyRun, APassingPropertySaysHowManyDrawsPassed) {
  suite::Suite s = load("{technique: property, inputs: [a, b], options: {runs: 60}}");
  suite::Case c = property_case(s);
  FakeService service{s, 300};
  reports::CaseResult r = runner::run_property_case(s, c, [&](const suite::Case& d) { return service(d); });
  EXPECT_EQ(r.outcome, Outcome::Passed);
  EXPECT_EQ(r.message, "60 of 60 draws passed (60 requests)");
  EXPECT_EQ(service.seen.size(), 60u);
  for (std::int64_t a : service.seen) {
    EXPECT_GE(a, 1);
    EXPECT_LE(a, 300);
  }
  ASSERT_FALSE(r.checks.empty());
  EXPECT_TRUE(r.checks.front().passed);
  EXPECT_EQ(r.checks.front().actual, "60 draws passed; 60 requests");
}

TEST(PropertyRun, InputsOutsideTheUseStayAtNominal) {
  suite::Suite s = load("{technique: property, inputs: [b], options: {runs: 30, classes: {b: high}}}");
  suite::Case c = property_case(s);
  std::vector<Value> bs;
  reports::CaseResult r = runner::run_property_case(s, c, [&](const suite::Case& d) {
    EXPECT_EQ(d.find("a")->value, Value(150));
    EXPECT_EQ(d.find("c")->value, Value(50));
    bs.push_back(d.find("b")->value);
    reports::CaseResult passed = runner::describe_case(s.name, d);
    passed.outcome = Outcome::Passed;
    return passed;
  });
  EXPECT_EQ(r.outcome, Outcome::Passed);
  for (const Value& b : bs) {
    EXPECT_GE(b.get<int>(), 4);
    EXPECT_LE(b.get<int>(), 10);
  }
}

TEST(PropertyRun, TheRequestBoundStopsShrinkingWithTheSmallestFailureSoFar) {
  suite::Suite s = load("{technique: property, inputs: [a], options: {runs: 20, max_requests: 20}}");
  suite::Case c = property_case(s);
  FakeService service{s};
  reports::CaseResult r = runner::run_property_case(s, c, [&](const suite::Case& d) { return service(d); });
  ASSERT_EQ(r.outcome, Outcome::Failed);
  EXPECT_EQ(service.seen.size(), 20u);
  EXPECT_THAT(r.message, HasSubstr(", shrinking stopped by the bound (20 requests); replay with --seed 1)"));
  // The smallest failure so far is the smallest failing value the service was sent.
  std::int64_t smallest = 1000;
  for (std::int64_t a : service.seen)
    if (a > 200) smallest = std::min(smallest, a);
  EXPECT_EQ(r.inputs["a"], Value(smallest));
}

TEST(PropertyRun, TheTimeBoundStopsShrinking) {
  suite::Suite s = load("{technique: property, inputs: [a], options: {runs: 100, max_seconds: 3}}");
  suite::Case c = property_case(s);
  FakeService service{s, 0};  // every draw fails
  // A clock that moves one second per request.
  auto now = [&] { return std::chrono::steady_clock::time_point(std::chrono::seconds(service.seen.size())); };
  reports::CaseResult r =
      runner::run_property_case(s, c, [&](const suite::Case& d) { return service(d); }, {now, [] { return false; }});
  ASSERT_EQ(r.outcome, Outcome::Failed);
  EXPECT_EQ(service.seen.size(), 3u);
  EXPECT_THAT(r.message, HasSubstr("property failed on draw 1 of 100"));
  EXPECT_THAT(r.message, HasSubstr("shrinking stopped by the bound (3 s)"));
}

TEST(PropertyRun, TheTimeBoundEndsTheDrawingOfAPassingProperty) {
  suite::Suite s = load("{technique: property, inputs: [a], options: {runs: 100, max_seconds: 3}}");
  suite::Case c = property_case(s);
  FakeService service{s, 300};
  auto now = [&] { return std::chrono::steady_clock::time_point(std::chrono::seconds(service.seen.size())); };
  reports::CaseResult r =
      runner::run_property_case(s, c, [&](const suite::Case& d) { return service(d); }, {now, [] { return false; }});
  EXPECT_EQ(r.outcome, Outcome::Passed);
  EXPECT_EQ(r.message, "3 of 100 draws passed (3 requests); drawing stopped by the bound (3 s)");
  ASSERT_FALSE(r.checks.empty());
  EXPECT_TRUE(r.checks.front().passed);
  EXPECT_EQ(r.checks.front().actual, "3 draws passed; 3 requests; stopped by the bound (3 s)");
}

TEST(PropertyRun, TheSameSeedReplaysTheSameDrawsAndAnotherSeedDrawsOthers) {
  suite::Suite s = load("{technique: property, inputs: [a], options: {runs: 40}}");
  auto values_for = [&](std::uint64_t seed) {
    FakeService service{s};
    runner::run_property_case(s, property_case(s, seed), [&](const suite::Case& d) { return service(d); });
    return service.seen;
  };
  EXPECT_EQ(values_for(1), values_for(1));
  EXPECT_NE(values_for(1), values_for(2));
}

TEST(PropertyRun, AnInterruptedRunSendsNothingMoreAndSkipsTheCase) {
  suite::Suite s = load("{technique: property, inputs: [a], options: {runs: 50}}");
  suite::Case c = property_case(s);
  FakeService service{s, 300};
  reports::CaseResult r = runner::run_property_case(
      s, c, [&](const suite::Case& d) { return service(d); },
      {[] { return std::chrono::steady_clock::now(); }, [&] { return service.seen.size() >= 10; }});
  EXPECT_EQ(service.seen.size(), 10u);
  EXPECT_EQ(r.outcome, Outcome::Skipped);
  EXPECT_EQ(r.message, "10 of 50 draws passed (10 requests); drawing stopped by the interrupted run");
}

// An input marked `secret: true` is drawn like any other, but its values appear nowhere in
// the result: not in the smallest failing input the message names, not in the inputs of a
// case that could not run.
TEST(PropertyRun, TheValuesOfASecretInputStayOutOfTheResult) {
  suite::Suite s = load("{technique: property, inputs: [a], options: {runs: 100}}");
  for (suite::Input& input : s.inputs)
    if (input.name == "a") input.secret = true;
  suite::Case c = property_case(s);
  FakeService service{s};
  reports::CaseResult failed = runner::run_property_case(s, c, [&](const suite::Case& d) { return service(d); });
  EXPECT_EQ(failed.outcome, Outcome::Failed);
  EXPECT_THAT(failed.message, HasSubstr("smallest failing input a=*** (after "));
  EXPECT_THAT(failed.message, ::testing::Not(HasSubstr("a=201")));

  // Nothing answers: the result is the case as described, with the secret redacted.
  reports::CaseResult skipped = runner::run_property_case(
      s, c, [&](const suite::Case& d) { return service(d); },
      {[] { return std::chrono::steady_clock::now(); }, [] { return true; }});
  EXPECT_EQ(skipped.outcome, Outcome::Skipped);
  ASSERT_TRUE(skipped.inputs.contains("a"));
  EXPECT_EQ(skipped.inputs["a"], Value("***"));
}

}  // namespace
}  // namespace glassbox::property_test
