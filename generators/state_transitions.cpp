// The state-transition technique: a state machine's sequences (state_transitions/sequences.hpp)
// as multi-step cases. Step 1 sends the machine's setup request (a fresh entity in the initial
// state); each transition sends its event's request and expects the request's `expect` (or the
// transition's own), plus the state reached at the machine's state_pointer; a sequence for an
// event that is not allowed ends with that event, expected to be refused (the machine's
// `invalid`). Inputs of every step take their nominal values, or what a transition's guard
// fixes. Cases are named after their path, so they keep their ids when others are added.
#include <fmt/format.h>

#include "generators/case_builder.hpp"
#include "generators/representatives.hpp"
#include "generators/state_transitions/sequences.hpp"
#include "generators/techniques.hpp"
#include "generators/values.hpp"

namespace glassbox::generators {

namespace {

// The step's bindings: every suite input the request's templates use, at nominal or as the
// guard fixes it. Captured names are filled in by the runner.
std::vector<suite::Binding> step_bindings(const suite::Suite& suite, const suite::Request& request,
                                          const std::map<std::string, Value>& guard, std::uint64_t seed) {
  std::vector<suite::Binding> out;
  for (const std::string& name : request.referenced_inputs()) {
    const suite::Input* input = suite.find_input(name);
    if (!input) continue;
    auto fixed = guard.find(name);
    if (fixed == guard.end()) {
      out.push_back(classified_binding(*input, nominal_value(*input), "nominal", Role::Held));
      continue;
    }
    if (fixed->second.is_object() && fixed->second.contains("class")) {
      const std::string cls = fixed->second["class"].get<std::string>();
      for (const suite::InputClass& c : input->classes)
        if (c.name == cls) out.push_back(classified_binding(*input, representative(*input, c, seed, request.name), "", Role::UnderTest));
      continue;
    }
    out.push_back(classified_binding(*input, fixed->second, "", Role::UnderTest));
  }
  return out;
}

suite::Step transition_step(const GenerationContext& context, const suite::StateMachine& m, const suite::Transition& t) {
  const suite::Request& request = *context.suite.find_request(m.events.at(t.event));
  suite::Step step;
  step.request = request.name;
  step.label = fmt::format("{}: {} -> {}", t.event, t.from, t.to);
  step.bindings = step_bindings(context.suite, request, t.guard, context.seed);
  step.expect = t.expect ? *t.expect : request.expect;
  if (!m.state_pointer.empty()) {
    suite::JsonCheck state{m.state_pointer, suite::MatchKind::Equals, Value(t.to), t.where};
    step.expect = suite::merge(step.expect, suite::Expectation{std::nullopt, {}, {state}, std::nullopt, {}, t.where});
  }
  return step;
}

std::string path_text(const suite::StateMachine& m, const TransitionSequence& s) {
  std::string text = m.initial;
  for (const suite::Transition* t : s.path) text += fmt::format(" -{}-> {}", t->event, t->to);
  if (s.invalid_event) text += fmt::format(" -{}-> refused", *s.invalid_event);
  return text;
}

std::string path_id(const TransitionSequence& s) {
  std::string id;
  for (const suite::Transition* t : s.path) id += (id.empty() ? "" : ",") + t->event;
  if (s.invalid_event) id += (id.empty() ? "" : ",") + (*s.invalid_event + "=refused");
  return id.empty() ? "setup" : id;
}

class StateTransitionsGenerator final : public Generator {
 public:
  std::string_view name() const override { return "state_transitions"; }
  std::string_view summary() const override {
    return "multi-step cases through a state machine: all states, all transitions, 1-switch, invalid events";
  }
  std::vector<std::string_view> forms() const override {
    return {"all_transitions", "all_states", "1_switch", "invalid_events"};
  }

  Expected<std::vector<suite::Case>> generate(const GenerationContext& context) const override {
    const std::string machine_name = context.use.options.value("machine", std::string());
    const suite::StateMachine* m = context.suite.find_state_machine(machine_name);
    if (!m) {
      return Error{fmt::format("technique 'state_transitions' needs option 'machine' naming a state machine of the "
                               "suite, got '{}'",
                               machine_name),
                   context.use.where};
    }
    auto resolved = resolve_form(*this, context.use);
    if (!resolved) return resolved.error();
    const std::string form = *resolved;
    const auto level = suite::transition_coverage_from_string(form);
    const suite::Request& setup = *context.suite.find_request(m->setup);
    std::vector<suite::Case> cases;
    for (const TransitionSequence& s : transition_sequences(*m, *level)) {
      suite::Case c;
      c.request = m->name;
      c.technique = std::string(name());
      c.form = form;
      c.label = path_text(*m, s);
      c.covers = s.covers;
      suite::Step first;
      first.request = setup.name;
      first.label = "setup: " + setup.name;
      first.bindings = step_bindings(context.suite, setup, {}, context.seed);
      first.expect = setup.expect;
      c.bindings = first.bindings;
      c.steps.push_back(std::move(first));
      for (const suite::Transition* t : s.path) c.steps.push_back(transition_step(context, *m, *t));
      if (s.invalid_event) {
        const suite::Request& request = *context.suite.find_request(m->events.at(*s.invalid_event));
        suite::Step refused;
        refused.request = request.name;
        refused.label = fmt::format("{} in {} (not allowed)", *s.invalid_event, end_state(*m, s));
        refused.bindings = step_bindings(context.suite, request, {}, context.seed);
        refused.expect = m->invalid;
        c.steps.push_back(std::move(refused));
      }
      c.expect = c.steps.back().expect;
      c.expected_outcome = s.invalid_event ? "refused" : "valid";
      c.id = suite::safe_case_id(fmt::format("{}/{}/{}/{}", m->name, name(), form, path_id(s)));
      cases.push_back(std::move(c));
    }
    return cases;
  }
};

}  // namespace

const Generator& state_transitions_generator() {
  static const StateTransitionsGenerator generator;
  return generator;
}

}  // namespace glassbox::generators
