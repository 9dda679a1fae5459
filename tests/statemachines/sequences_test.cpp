// The sequences of each coverage level, on the demo's order machine and, as properties, on
// random machines: every walk starts in the initial state and follows transitions, and each
// level covers what it promises.
#include "generators/state_transitions/sequences.hpp"

#include <set>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "suites/loader/loader.hpp"
#include "tests/statemachines/machine_suite.hpp"

namespace glassbox::generators {
namespace {

suite::Suite load(const std::string& text) {
  auto loaded = loader::load_suite_text(text, "suite.yaml");
  EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().to_string());
  return loaded.ok() ? *loaded : suite::Suite{};
}

std::vector<std::string> paths(const suite::StateMachine& m, suite::TransitionCoverage level) {
  std::vector<std::string> out;
  for (const TransitionSequence& s : transition_sequences(m, level)) {
    std::string text;
    for (const suite::Transition* t : s.path) text += (text.empty() ? "" : ",") + t->event;
    if (s.invalid_event) text += "!" + *s.invalid_event;
    out.push_back(text);
  }
  return out;
}

TEST(TransitionSequences, OrderMachineAtEveryLevel) {
  const suite::Suite s = load(testing::order_suite());
  ASSERT_EQ(s.state_machines.size(), 1u);
  const suite::StateMachine& m = s.state_machines[0];
  using L = suite::TransitionCoverage;
  EXPECT_EQ(paths(m, L::AllStates), (std::vector<std::string>{"pay,ship,deliver", "cancel"}));
  EXPECT_EQ(paths(m, L::AllTransitions), (std::vector<std::string>{"pay,ship,deliver", "cancel", "pay,cancel"}));
  EXPECT_EQ(paths(m, L::OneSwitch), (std::vector<std::string>{"pay,ship", "pay,cancel", "pay,ship,deliver"}));
  EXPECT_EQ(paths(m, L::InvalidEvents),
            (std::vector<std::string>{"!deliver", "!ship", "pay!deliver", "pay!pay", "pay,ship!cancel", "pay,ship!pay",
                                      "pay,ship!ship", "pay,ship,deliver!cancel", "pay,ship,deliver!deliver",
                                      "pay,ship,deliver!pay", "pay,ship,deliver!ship", "cancel!cancel",
                                      "cancel!deliver", "cancel!pay", "cancel!ship"}));
}

TEST(TransitionSequences, MaxStepsSplitsLongWalks) {
  suite::Suite s = load(testing::order_suite("    max_steps: 1\n"));
  EXPECT_EQ(paths(s.state_machines[0], suite::TransitionCoverage::AllTransitions),
            (std::vector<std::string>{"pay", "cancel", "pay,ship", "pay,cancel", "pay,ship,deliver"}));
}

// A random machine whose every state is reachable: state i > 0 gets a transition from a lower
// state, plus random extra transitions (one per state and event).
suite::StateMachine random_machine() {
  const int states = *rc::gen::inRange(1, 7);
  const int events = *rc::gen::inRange(1, 4);
  suite::StateMachine m;
  m.name = "m";
  m.initial = "s0";
  for (int i = 0; i < states; ++i) m.states.push_back("s" + std::to_string(i));
  for (int e = 0; e < events; ++e) m.events["e" + std::to_string(e)] = "r";
  auto add = [&](int from, int event, int to) {
    const std::string f = "s" + std::to_string(from), ev = "e" + std::to_string(event);
    if (m.find(f, ev)) return;
    m.transitions.push_back({f + "-" + ev + "->s" + std::to_string(to), f, ev, "s" + std::to_string(to), {}, {}, {}});
  };
  for (int i = 1; i < states; ++i) add(*rc::gen::inRange(0, i), *rc::gen::inRange(0, events), i);
  const int extra = *rc::gen::inRange(0, 8);
  for (int k = 0; k < extra; ++k)
    add(*rc::gen::inRange(0, states), *rc::gen::inRange(0, events), *rc::gen::inRange(0, states));
  m.max_steps = *rc::gen::inRange(1, 6);
  // A state no transition reaches (its slot was taken) is left out, as the loader requires.
  std::set<std::string> reached{m.initial};
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& t : m.transitions)
      if (reached.count(t.from) && reached.insert(t.to).second) grew = true;
  }
  std::erase_if(m.states, [&](const std::string& s) { return !reached.count(s); });
  std::erase_if(m.transitions, [&](const suite::Transition& t) { return !reached.count(t.from); });
  return m;
}

// Every sequence is a walk from the initial state.
void expect_walks(const suite::StateMachine& m, const std::vector<TransitionSequence>& sequences) {
  for (const TransitionSequence& s : sequences) {
    std::string state = m.initial;
    for (const suite::Transition* t : s.path) {
      RC_ASSERT(t->from == state);
      state = t->to;
    }
    if (s.invalid_event) RC_ASSERT(m.find(state, *s.invalid_event) == nullptr);
  }
}

RC_GTEST_PROP(TransitionSequences, EveryLevelCoversWhatItPromises, ()) {
  // The transitions point into m.transitions: keep the machine in place.
  const suite::StateMachine m = random_machine();
  using L = suite::TransitionCoverage;
  auto states = transition_sequences(m, L::AllStates);
  auto transitions = transition_sequences(m, L::AllTransitions);
  auto switches = transition_sequences(m, L::OneSwitch);
  auto invalid = transition_sequences(m, L::InvalidEvents);
  for (const auto* level : {&states, &transitions, &switches, &invalid}) expect_walks(m, *level);

  std::set<std::string> reached;
  for (const auto& s : states) reached.insert(end_state(m, s)), reached.insert(m.initial);
  for (const auto& s : states)
    for (const auto* t : s.path) reached.insert(t->to);
  RC_ASSERT(reached.size() == m.states.size());

  std::set<const suite::Transition*> taken;
  for (const auto& s : transitions) taken.insert(s.path.begin(), s.path.end());
  RC_ASSERT(taken.size() == m.transitions.size());

  std::size_t pairs = 0;
  for (const auto& a : m.transitions)
    for (const auto& b : m.transitions) pairs += a.to == b.from;
  RC_ASSERT(switches.size() == pairs);

  std::size_t refused = 0;
  for (const std::string& state : m.states)
    for (const auto& [event, request] : m.events) refused += m.find(state, event) == nullptr;
  RC_ASSERT(invalid.size() == refused);
}

}  // namespace
}  // namespace glassbox::generators
