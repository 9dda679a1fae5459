// `state_machines`: per machine, the setup request, states, events (requests), transitions
// with optional guards and expectations, the expectation for events that are not allowed, and
// the coverage levels to generate. Checked against the suite's requests and inputs, and for
// determinism (one transition per state and event) and reachability.
#include <deque>
#include <set>

#include <fmt/format.h>

#include "suites/loader/did_you_mean.hpp"
#include "suites/loader/parts.hpp"
#include "suites/loader/validate.hpp"

namespace glassbox::loader::detail {

namespace {

const Keys kMachineKeys = {"setup", "initial", "states", "events", "transitions", "invalid", "state_pointer",
                           "coverage", "max_steps"};
const Keys kTransitionKeys = {"id", "from", "event", "to", "guard", "expect"};
const Keys kCoverageLevels = {"all_states", "all_transitions", "1_switch", "invalid_events"};

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

Expected<std::string> read_known(Context& ctx, const Entry& entry, const std::vector<std::string>& known,
                                 std::string_view what, std::string_view owner) {
  LOADER_ASSIGN(std::string name, read_nonempty_string(ctx, entry));
  if (!contains(known, name)) {
    return error_at(ctx, entry, fmt::format("unknown {} '{}' in {}{}", what, name, owner,
                                            name_hint(name, known, std::string(what) + "s")));
  }
  return name;
}

std::vector<std::string> request_names(const suite::Suite& suite) {
  std::vector<std::string> names;
  for (const suite::Request& r : suite.requests) names.push_back(r.name);
  return names;
}

// `guard: {quantity: 2, item: {class: long}}`: values for inputs the event's request uses.
Expected<std::map<std::string, Value>> load_guard(Context& ctx, const Entry& entry, const suite::Request& request,
                                                  const suite::Suite& suite, std::string_view owner) {
  LOADER_ASSIGN(auto entries, map_entries(ctx, entry));
  std::vector<std::string> used;
  for (const std::string& name : request.referenced_inputs())
    if (suite.find_input(name)) used.push_back(name);  // not the captured values
  std::map<std::string, Value> guard;
  for (const Entry& e : entries) {
    if (!contains(used, e.key) || !suite.find_input(e.key)) {
      return ctx.error(e.key_node, fmt::format("the guard of {} names '{}', which request '{}' does not use as an "
                                               "input{}",
                                               owner, e.key, request.name, name_hint(e.key, used, "it uses")));
    }
    if (e.value.IsMap()) {
      LOADER_ASSIGN(Fields fields, Fields::open(ctx, e, fmt::format("'{}'", e.key), "in a guard", {"class"}));
      const Entry* cls = fields.find("class");
      if (!cls) return error_at(ctx, e, fmt::format("a guard value is a value or {{class: name}}, got {}", describe(e.value)));
      LOADER_ASSIGN(std::string name, read_nonempty_string(ctx, *cls));
      const suite::Input* input = suite.find_input(e.key);
      std::vector<std::string> classes;
      for (const auto& c : input->classes) classes.push_back(c.name);
      if (!contains(classes, name)) {
        return error_at(ctx, *cls, fmt::format("input '{}' has no class '{}'{}", e.key, name,
                                               name_hint(name, classes, "classes")));
      }
      guard[e.key] = Value{{"class", name}};
      continue;
    }
    LOADER_ASSIGN(Value value, read_value(ctx, e.value, Templates::Plain));
    guard[e.key] = std::move(value);
  }
  return guard;
}

Expected<suite::Transition> load_transition(Context& ctx, const Entry& item, const suite::StateMachine& m,
                                            const suite::Suite& suite) {
  suite::Transition t;
  t.where = where_of(ctx, item);
  const std::string owner = fmt::format("a transition of state machine '{}'", m.name);
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, item, owner, "in " + owner, kTransitionKeys));
  for (const char* key : {"from", "event", "to"})
    if (!fields.find(key)) return ctx.error(t.where, fmt::format("{} needs 'from', 'event' and 'to'", owner));
  std::vector<std::string> events;
  for (const auto& [event, request] : m.events) events.push_back(event);
  LOADER_SET(t.from, read_known(ctx, *fields.find("from"), m.states, "state", owner));
  LOADER_SET(t.event, read_known(ctx, *fields.find("event"), events, "event", owner));
  LOADER_SET(t.to, read_known(ctx, *fields.find("to"), m.states, "state", owner));
  t.id = fmt::format("{}-{}->{}", t.from, t.event, t.to);
  if (const Entry* id = fields.find("id")) LOADER_SET(t.id, read_nonempty_string(ctx, *id));
  const suite::Request* request = suite.find_request(m.events.at(t.event));
  if (const Entry* guard = fields.find("guard")) LOADER_SET(t.guard, load_guard(ctx, *guard, *request, suite, owner));
  if (const Entry* expect = fields.find("expect")) {
    LOADER_ASSIGN(suite::Expectation e, load_expectation(ctx, *expect, "in a transition's 'expect'"));
    if (!e.status) e.status = request->expect.status;
    t.expect = std::move(e);
  }
  return t;
}

// States no transition path from the initial state reaches: a machine that cannot be tested.
std::vector<std::string> unreachable(const suite::StateMachine& m) {
  std::set<std::string> seen{m.initial};
  std::deque<std::string> queue{m.initial};
  while (!queue.empty()) {
    std::string s = queue.front();
    queue.pop_front();
    for (const suite::Transition& t : m.transitions)
      if (t.from == s && seen.insert(t.to).second) queue.push_back(t.to);
  }
  std::vector<std::string> out;
  for (const std::string& s : m.states)
    if (!seen.count(s)) out.push_back(s);
  return out;
}

Status load_events(Context& ctx, const Entry& entry, const suite::Suite& suite, suite::StateMachine& m) {
  LOADER_ASSIGN(auto entries, map_entries(ctx, entry));
  if (entries.empty()) return error_at(ctx, entry, fmt::format("state machine '{}' needs at least one event", m.name));
  const std::string owner = fmt::format("the events of state machine '{}'", m.name);
  for (const Entry& e : entries) LOADER_SET(m.events[e.key], read_known(ctx, e, request_names(suite), "request", owner));
  return ok_status();
}

Expected<suite::StateMachine> load_machine(Context& ctx, const Entry& entry, const suite::Suite& suite) {
  suite::StateMachine m;
  m.name = entry.key;
  m.where = ctx.at(entry.key_node);
  const std::string owner = fmt::format("state machine '{}'", m.name);
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry, owner, "in " + owner, kMachineKeys));
  for (const char* key : {"setup", "initial", "states", "events", "transitions"}) {
    if (!fields.find(key)) {
      return ctx.error(m.where, fmt::format("{} needs '{}' (see 'State machines' in docs/suite-format.md)", owner, key));
    }
  }
  LOADER_SET(m.setup, read_known(ctx, *fields.find("setup"), request_names(suite), "request", owner));
  for (const std::string& name : suite.find_request(m.setup)->referenced_inputs()) {
    if (contains(ctx.capture_names, name) && !suite.find_input(name)) {
      return error_at(ctx, *fields.find("setup"),
                      fmt::format("the setup request '{}' of {} uses the captured value '{}': the setup is the first "
                                  "step, so nothing has been captured yet",
                                  m.setup, owner, name));
    }
  }
  LOADER_ASSIGN(auto states, list_items(ctx, *fields.find("states")));
  for (const Entry& s : states) {
    LOADER_ASSIGN(std::string state, read_nonempty_string(ctx, s));
    if (contains(m.states, state)) return error_at(ctx, s, fmt::format("{} lists state '{}' twice", owner, state));
    m.states.push_back(std::move(state));
  }
  if (m.states.empty()) return error_at(ctx, *fields.find("states"), fmt::format("{} needs at least one state", owner));
  LOADER_SET(m.initial, read_known(ctx, *fields.find("initial"), m.states, "state", owner));
  LOADER_TRY(load_events(ctx, *fields.find("events"), suite, m));

  LOADER_ASSIGN(auto transitions, list_items(ctx, *fields.find("transitions")));
  for (const Entry& item : transitions) {
    LOADER_ASSIGN(suite::Transition t, load_transition(ctx, item, m, suite));
    if (const suite::Transition* same = m.find(t.from, t.event)) {
      return ctx.error(t.where, fmt::format("{} has two transitions for event '{}' in state '{}' ('{}' and '{}'): "
                                            "make them one, or tell them apart with different events",
                                            owner, t.event, t.from, same->id, t.id));
    }
    for (const suite::Transition& other : m.transitions)
      if (other.id == t.id) return ctx.error(t.where, fmt::format("{} has two transitions with id '{}'", owner, t.id));
    m.transitions.push_back(std::move(t));
  }
  if (auto lost = unreachable(m); !lost.empty()) {
    return error_at(ctx, *fields.find("transitions"),
                    fmt::format("in {}, no transition leads from '{}' to state '{}'", owner, m.initial, lost.front()));
  }

  m.invalid.status = suite::StatusSpec{{}, {4}};
  if (const Entry* invalid = fields.find("invalid")) {
    LOADER_SET(m.invalid, load_expectation(ctx, *invalid, fmt::format("in 'invalid' of {}", owner)));
    if (!m.invalid.status) m.invalid.status = suite::StatusSpec{{}, {4}};
  }
  if (const Entry* pointer = fields.find("state_pointer")) {
    LOADER_SET(m.state_pointer, read_string(ctx, *pointer));
    if (auto problem = json_pointer_problem(m.state_pointer)) return error_at(ctx, *pointer, *problem);
  }
  if (const Entry* coverage = fields.find("coverage")) {
    LOADER_ASSIGN(auto levels, list_items(ctx, *coverage, Single::Allowed));
    for (const Entry& level : levels) {
      LOADER_ASSIGN(std::string name, read_known(ctx, level, kCoverageLevels, "coverage level", owner));
      m.coverage.push_back(*suite::transition_coverage_from_string(name));
    }
  } else {
    m.coverage = {suite::TransitionCoverage::AllTransitions, suite::TransitionCoverage::InvalidEvents};
  }
  if (const Entry* max_steps = fields.find("max_steps")) LOADER_SET(m.max_steps, read_int_in(ctx, *max_steps, 1, 1000));
  return m;
}

}  // namespace

Expected<std::vector<suite::StateMachine>> load_state_machines(Context& ctx, const Entry& machines,
                                                               const suite::Suite& suite) {
  LOADER_ASSIGN(auto entries, map_entries(ctx, machines));
  std::vector<suite::StateMachine> out;
  for (const Entry& e : entries) {
    LOADER_ASSIGN(suite::StateMachine m, load_machine(ctx, e, suite));
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace glassbox::loader::detail
