// State machines from suite text to multi-step cases: what the loader accepts and refuses
// (verbatim messages), and the cases generate_all makes (steps, expectations, ids, covers).
#include <gtest/gtest.h>

#include "generators/generator.hpp"
#include "suites/loader/loader.hpp"
#include "tests/statemachines/machine_suite.hpp"

namespace glassbox::generators {
namespace {

std::string load_error(const std::string& text) {
  auto loaded = loader::load_suite_text(text, "suite.yaml");
  return loaded ? "loaded" : loaded.error().to_string();
}

std::vector<suite::Case> machine_cases(const std::string& text) {
  auto loaded = loader::load_suite_text(text, "suite.yaml");
  EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().to_string());
  if (!loaded) return {};
  auto cases = generate_all(*loaded, 1);
  EXPECT_TRUE(cases.ok());
  std::vector<suite::Case> out;
  for (auto& c : *cases)
    if (c.technique == "state_transitions") out.push_back(c);
  return out;
}

TEST(StateMachineCases, StepsStartWithSetupAndExpectTheStateReached) {
  auto cases = machine_cases(testing::order_suite("    state_pointer: /state\n    invalid: {status: 409}\n"));
  // default coverage: all_transitions (3 walks) and invalid_events (15)
  ASSERT_EQ(cases.size(), 18u);
  const suite::Case& walk = cases[0];
  EXPECT_EQ(walk.id, "order/state_transitions/all_transitions/pay,ship,deliver");
  EXPECT_EQ(walk.request, "order");
  EXPECT_EQ(walk.label, "created -pay-> paid -ship-> shipped -deliver-> delivered");
  ASSERT_EQ(walk.steps.size(), 4u);
  EXPECT_EQ(walk.steps[0].request, "create_order");
  EXPECT_EQ(walk.steps[0].label, "setup: create_order");
  EXPECT_EQ(walk.steps[0].expect.status->to_string(), "201");
  EXPECT_EQ(walk.steps[1].label, "pay: created -> paid");
  ASSERT_EQ(walk.steps[1].expect.json.size(), 1u);
  EXPECT_EQ(walk.steps[1].expect.json[0].pointer, "/state");
  EXPECT_EQ(walk.steps[1].expect.json[0].operand, Value("paid"));
  EXPECT_EQ(walk.steps[2].bindings.size(), 1u);  // ship's body uses quantity, at nominal
  EXPECT_EQ(walk.steps[2].bindings[0].input, "quantity");
  EXPECT_EQ(walk.covers, (std::vector<std::string>{"transition:created-pay->paid", "transition:paid-ship->shipped",
                                                   "transition:shipped-deliver->delivered"}));
  const suite::Case& refused = cases[3];
  EXPECT_EQ(refused.id, "order/state_transitions/invalid_events/deliver=refused");
  ASSERT_EQ(refused.steps.size(), 2u);
  EXPECT_EQ(refused.steps[1].label, "deliver in created (not allowed)");
  EXPECT_EQ(refused.steps[1].expect.status->to_string(), "409");
  EXPECT_EQ(refused.expected_outcome, "refused");
}

TEST(StateMachineCases, GuardFixesTheStepsInputs) {
  auto cases = machine_cases(testing::order_suite("    coverage: all_states\n", ", guard: {quantity: 7}"));
  ASSERT_EQ(cases.size(), 2u);
  ASSERT_EQ(cases[0].steps.size(), 4u);
  EXPECT_EQ(cases[0].steps[2].bindings[0].value, Value(7));
  EXPECT_TRUE(cases[0].steps[2].bindings[0].under_test);
}

TEST(StateMachineCases, RequestsUsingCapturesGetNoCasesOfTheirOwn) {
  auto loaded = loader::load_suite_text(testing::order_suite(), "suite.yaml");
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded->find_request("pay")->techniques.empty());
  EXPECT_FALSE(loaded->find_request("create_order")->techniques.empty());
}

TEST(StateMachineErrors, TheLoaderRefusesMachinesItCannotTest) {
  std::string base = testing::order_suite();
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string text = base;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  EXPECT_EQ(load_error(replaced("      - {from: shipped, event: deliver, to: delivered}\n", "")),
            "suite.yaml:24:7: in state machine 'order', no transition leads from 'created' to state 'delivered'");
  EXPECT_EQ(load_error(replaced("deliver: deliver,", "deliver: delivr,")),
            "suite.yaml:22:45: unknown request 'delivr' in the events of state machine 'order' (did you mean 'deliver'?)");
  EXPECT_EQ(load_error(replaced("{from: paid, event: cancel, to: cancelled}", "{from: paid, event: cancel, to: canceled}")),
            "suite.yaml:27:41: unknown state 'canceled' in a transition of state machine 'order' (did you mean "
            "'cancelled'?)");
  EXPECT_EQ(load_error(replaced("setup: create_order", "setup: pay")),
            "suite.yaml:19:12: the setup request 'pay' of state machine 'order' uses the captured value 'order_id': "
            "the setup is the first step, so nothing has been captured yet");
  EXPECT_EQ(load_error(replaced("  pay: {method: POST, path: \"/orders/{{order_id}}/pay\"}",
                                "  pay: {method: POST, path: \"/orders/{{order_id}}/pay\", techniques: [partitions]}")),
            "suite.yaml:13:57: request 'pay' uses the captured value 'order_id', so it runs only as a step of a state "
            "machine: remove its 'techniques'");
  EXPECT_EQ(load_error(testing::order_suite("", ", guard: {item: x}")),
            "suite.yaml:26:56: the guard of a transition of state machine 'order' names 'item', which request 'ship' "
            "does not use as an input (it uses: quantity)");
  EXPECT_EQ(load_error(testing::order_suite("    coverage: [all_paths]\n")),
            "suite.yaml:29:16: unknown coverage level 'all_paths' in state machine 'order' (did you mean 'all_states'?)");
}

}  // namespace
}  // namespace glassbox::generators
