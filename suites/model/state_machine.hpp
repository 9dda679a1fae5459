// State machines: a service's entity (an order, a session) with states, events that are
// requests, and transitions, some guarded. The state-transition technique turns a machine into
// multi-step cases: a setup request brings a fresh entity into the initial state, then each step
// sends an event's request, with values captured from earlier responses (an order id) filled
// into its templates. Plain data; see docs/suite-format.md "State machines".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "suites/model/expectation.hpp"
#include "suites/model/expected.hpp"
#include "suites/model/value.hpp"

namespace glassbox::suite {

// A transition `from --event--> to`. A guard fixes input values of the event's request (by
// value or by class name) that make the transition the one taken.
struct Transition {
  std::string id;              // "created-pay->paid" unless named
  std::string from;
  std::string event;
  std::string to;
  std::map<std::string, Value> guard;   // input name -> value, or {"class": name}
  std::optional<Expectation> expect;    // replaces the event request's `expect` for this step
  SourceLocation where;
};

// How much of the machine the generated sequences cover.
enum class TransitionCoverage {
  AllStates,        // every state reached at least once
  AllTransitions,   // every transition taken at least once (0-switch)
  OneSwitch,        // every pair of consecutive transitions
  InvalidEvents,    // every event that is not allowed, in every state (expected to be rejected)
};
std::string_view to_string(TransitionCoverage c);   // "all_states", "all_transitions", "1_switch", "invalid_events"
std::optional<TransitionCoverage> transition_coverage_from_string(std::string_view s);

struct StateMachine {
  std::string name;
  std::string setup;                         // request that creates the entity in `initial`
  std::string initial;
  std::vector<std::string> states;
  std::map<std::string, std::string> events; // event -> request name
  std::vector<Transition> transitions;
  Expectation invalid;                       // an event that is not allowed (default: status 4xx)
  std::string state_pointer;                 // JSON pointer where responses report the state ("" = not checked)
  std::vector<TransitionCoverage> coverage;  // default: all_transitions and invalid_events
  int max_steps = 12;                        // transitions per sequence at most
  SourceLocation where;

  const Transition* find(std::string_view from, std::string_view event) const;
};

}  // namespace glassbox::suite
