#include "suites/model/state_machine.hpp"

#include <array>

namespace glassbox::suite {

namespace {
constexpr std::array<std::pair<TransitionCoverage, std::string_view>, 4> kNames{{
    {TransitionCoverage::AllStates, "all_states"},
    {TransitionCoverage::AllTransitions, "all_transitions"},
    {TransitionCoverage::OneSwitch, "1_switch"},
    {TransitionCoverage::InvalidEvents, "invalid_events"},
}};
}  // namespace

std::string_view to_string(TransitionCoverage c) {
  for (const auto& [value, name] : kNames)
    if (value == c) return name;
  return "all_transitions";
}

std::optional<TransitionCoverage> transition_coverage_from_string(std::string_view s) {
  for (const auto& [value, name] : kNames)
    if (name == s) return value;
  return std::nullopt;
}

const Transition* StateMachine::find(std::string_view from, std::string_view event) const {
  for (const Transition& t : transitions)
    if (t.from == from && t.event == event) return &t;
  return nullptr;
}

}  // namespace glassbox::suite
