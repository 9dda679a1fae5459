// The runner's step helpers: captures from responses, the step's case, and how step results
// fold into the case's result.
#include "suites/runner/steps.hpp"

#include <gtest/gtest.h>

namespace glassbox::runner {
namespace {

suite::Case two_steps() {
  suite::Case c;
  c.id = "order/state_transitions/all_states/pay";
  c.request = "order";
  c.technique = "state_transitions";
  c.steps.push_back(suite::Step{"create", "setup: create", {suite::Binding{"item", "x", "", true, "nominal", false}}, {}});
  c.steps.push_back(suite::Step{"pay", "pay: created -> paid", {}, {}});
  return c;
}

TEST(Steps, CapturesValuesByPointerAndSaysWhyOneIsMissing) {
  suite::Request create;
  create.capture = {{"order_id", "/id"}, {"total", "/price/total"}};
  probes::HttpResponse response;
  response.body = R"({"id": "o-7", "price": {"currency": "EUR"}})";
  Captured captured;
  capture_values(create, "step 1 (setup: create)", response, captured);
  EXPECT_EQ(captured.values.at("order_id"), Value("o-7"));
  EXPECT_FALSE(captured.values.count("total"));
  EXPECT_EQ(captured.missing.at("total"), "step 1 (setup: create) answered no /price/total");
  response.body = "not json";
  Captured none;
  capture_values(create, "step 1 (setup: create)", response, none);
  EXPECT_EQ(none.missing.at("order_id"), "step 1 (setup: create) answered no JSON to take /id from");
  EXPECT_EQ(unbuilt_step_message(suite::Case{}, none, "unknown input 'order_id' in '{{order_id}}'"),
            "cannot fill {{order_id}}: step 1 (setup: create) answered no JSON to take /id from");
}

TEST(Steps, StepCaseCarriesCapturedValuesAsBindings) {
  Captured captured;
  captured.values["order_id"] = "o-7";
  suite::Case step = step_case(two_steps(), 1, captured);
  EXPECT_EQ(step.request, "pay");
  EXPECT_EQ(step.label, "pay: created -> paid");
  ASSERT_NE(step.find("order_id"), nullptr);
  EXPECT_EQ(step.find("order_id")->value, Value("o-7"));
  EXPECT_EQ(step_count(two_steps()), 2u);
  EXPECT_EQ(step_count(suite::Case{}), 1u);
}

TEST(Steps, AFailedStepFailsTheCaseAndTheRestAreNotSent) {
  reports::CaseResult total;
  reports::CaseResult first;
  first.outcome = reports::Outcome::Passed;
  first.request = "create";
  first.exchange.status = 201;
  first.attempts.push_back({"aaaa", 201, "", 1.0});
  fold_step(total, first, 0, 3, "setup: create");
  EXPECT_EQ(total.outcome, reports::Outcome::Passed);
  EXPECT_EQ(total.message, "");
  reports::CaseResult second;
  second.outcome = reports::Outcome::Failed;
  second.request = "pay";
  second.message = "status: expected 200, got 409";
  second.exchange.status = 409;
  second.attempts.push_back({"bbbb", 409, "", 1.0});
  fold_step(total, second, 1, 3, "pay: created -> paid");
  skip_remaining_steps(total, [] {
    suite::Case c = two_steps();
    c.steps.push_back(suite::Step{"ship", "ship: paid -> shipped", {}, {}});
    return c;
  }(), 2);
  EXPECT_EQ(total.outcome, reports::Outcome::Failed);
  EXPECT_EQ(total.message, "step 2 of 3 (pay: created -> paid): status: expected 200, got 409");
  ASSERT_EQ(total.steps.size(), 3u);
  EXPECT_EQ(total.steps[1].status, 409);
  EXPECT_EQ(total.steps[2].outcome, reports::Outcome::Skipped);
  EXPECT_EQ(total.steps[2].label, "ship: paid -> shipped");
  EXPECT_EQ(total.attempts.size(), 2u);  // every step's attempts: their span ids parent the services' spans
  EXPECT_EQ(total.exchange.status, 409);
}

}  // namespace
}  // namespace glassbox::runner
