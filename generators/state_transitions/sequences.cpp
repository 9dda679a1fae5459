#include "generators/state_transitions/sequences.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

namespace glassbox::generators {

namespace {

using suite::Transition;
using Path = std::vector<const Transition*>;

// Shortest path from `from` to every state reachable from it (breadth first, transitions in
// suite order, so ties go to the one written first).
std::map<std::string, Path> shortest_paths(const suite::StateMachine& m, const std::string& from) {
  std::map<std::string, Path> paths{{from, {}}};
  std::deque<std::string> queue{from};
  while (!queue.empty()) {
    const std::string state = queue.front();
    queue.pop_front();
    for (const Transition& t : m.transitions) {
      if (t.from != state || paths.count(t.to)) continue;
      Path p = paths[state];
      p.push_back(&t);
      paths.emplace(t.to, std::move(p));
      queue.push_back(t.to);
    }
  }
  return paths;
}

void add_state_covers(const suite::StateMachine& m, TransitionSequence& s) {
  s.covers.push_back("state:" + m.initial);
  for (const Transition* t : s.path) s.covers.push_back("state:" + t->to);
}

// Deepest states first: the path to a far state passes through nearer ones, so fewer
// sequences reach them all.
std::vector<TransitionSequence> all_states(const suite::StateMachine& m) {
  const auto paths = shortest_paths(m, m.initial);
  std::vector<std::string> order = m.states;
  std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
    const std::size_t da = paths.count(a) ? paths.at(a).size() : 0, db = paths.count(b) ? paths.at(b).size() : 0;
    return da > db;
  });
  std::set<std::string> reached;
  std::vector<TransitionSequence> out;
  for (const std::string& state : order) {
    if (reached.count(state) || !paths.count(state)) continue;
    TransitionSequence s{paths.at(state), std::nullopt, {}};
    add_state_covers(m, s);
    reached.insert(m.initial);
    for (const Transition* t : s.path) reached.insert(t->to);
    out.push_back(std::move(s));
  }
  return out;
}

// Greedy walks: from the current state take an untaken transition if there is one, else go
// by the shortest route to the nearest state that has one; a walk ends at max_steps or when
// no untaken transition can be reached.
std::vector<TransitionSequence> all_transitions(const suite::StateMachine& m) {
  std::set<const Transition*> untaken;
  for (const Transition& t : m.transitions) untaken.insert(&t);
  std::vector<TransitionSequence> out;
  const std::size_t limit = static_cast<std::size_t>(m.max_steps);
  while (!untaken.empty()) {
    TransitionSequence s;
    std::string state = m.initial;
    while (s.path.size() < limit) {
      const Transition* next = nullptr;
      for (const Transition& t : m.transitions)
        if (t.from == state && untaken.count(&t)) {
          next = &t;
          break;
        }
      if (next) {
        s.path.push_back(next);
        untaken.erase(next);
        state = next->to;
        continue;
      }
      // The nearest state with an untaken transition, by the shortest route from here.
      const auto routes = shortest_paths(m, state);
      const Path* best = nullptr;
      for (const Transition& t : m.transitions) {
        if (!untaken.count(&t)) continue;
        auto it = routes.find(t.from);
        if (it != routes.end() && (!best || it->second.size() < best->size())) best = &it->second;
      }
      if (!best || s.path.size() + best->size() + 1 > limit) break;
      for (const Transition* t : *best) s.path.push_back(t);
      state = s.path.back()->to;
    }
    if (s.path.empty()) {
      // Not even one untaken transition fits the step limit from the start: take the first
      // one by its shortest path anyway, so every transition is tested.
      const Transition* first = nullptr;
      for (const Transition& t : m.transitions)
        if (untaken.count(&t)) {
          first = &t;
          break;
        }
      s.path = shortest_paths(m, m.initial).at(first->from);
      s.path.push_back(first);
      untaken.erase(first);
    }
    for (const Transition* t : s.path) s.covers.push_back("transition:" + t->id);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<TransitionSequence> one_switch(const suite::StateMachine& m) {
  const auto paths = shortest_paths(m, m.initial);
  std::vector<TransitionSequence> out;
  for (const Transition& first : m.transitions) {
    if (!paths.count(first.from)) continue;
    for (const Transition& second : m.transitions) {
      if (second.from != first.to) continue;
      TransitionSequence s{paths.at(first.from), std::nullopt, {}};
      s.path.push_back(&first);
      s.path.push_back(&second);
      s.covers.push_back("switch:" + first.id + "+" + second.id);
      out.push_back(std::move(s));
    }
  }
  return out;
}

std::vector<TransitionSequence> invalid_events(const suite::StateMachine& m) {
  const auto paths = shortest_paths(m, m.initial);
  std::vector<TransitionSequence> out;
  for (const std::string& state : m.states) {
    if (!paths.count(state)) continue;
    for (const auto& [event, request] : m.events) {
      if (m.find(state, event)) continue;
      TransitionSequence s{paths.at(state), event, {}};
      s.covers.push_back("invalid:" + state + "/" + event);
      out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace

std::vector<TransitionSequence> transition_sequences(const suite::StateMachine& machine,
                                                     suite::TransitionCoverage level) {
  switch (level) {
    case suite::TransitionCoverage::AllStates: return all_states(machine);
    case suite::TransitionCoverage::AllTransitions: return all_transitions(machine);
    case suite::TransitionCoverage::OneSwitch: return one_switch(machine);
    case suite::TransitionCoverage::InvalidEvents: return invalid_events(machine);
  }
  return {};
}

std::string end_state(const suite::StateMachine& machine, const TransitionSequence& sequence) {
  return sequence.path.empty() ? machine.initial : sequence.path.back()->to;
}

}  // namespace glassbox::generators
