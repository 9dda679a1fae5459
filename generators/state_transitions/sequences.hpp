// The transition sequences that reach a coverage level of a state machine: all states, all
// transitions (0-switch), all pairs of consecutive transitions (1-switch), and every event
// that is not allowed in every reachable state. Sequences start in the machine's initial
// state and follow shortest paths (transitions tried in the order the suite lists them), so
// the result is deterministic and short.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "suites/model/state_machine.hpp"

namespace glassbox::generators {

struct TransitionSequence {
  std::vector<const suite::Transition*> path;   // taken in order from the initial state
  std::optional<std::string> invalid_event;     // sent last, in the state `path` reaches: must be refused
  std::vector<std::string> covers;              // "state:paid", "transition:<id>", "switch:<id>+<id>", "invalid:<state>/<event>"
};

std::vector<TransitionSequence> transition_sequences(const suite::StateMachine& machine,
                                                     suite::TransitionCoverage level);

// The state a sequence's path ends in.
std::string end_state(const suite::StateMachine& machine, const TransitionSequence& sequence);

}  // namespace glassbox::generators
