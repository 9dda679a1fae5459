// Every case of a suite: each request in suite order, each technique use in the order the
// request lists them, then each state machine's sequences. A case whose id an earlier use already produced (e.g. the
// all-nominal case of two boundary groups) is kept once, where it first appeared.
#include <unordered_set>

#include <fmt/format.h>

#include "generators/did_you_mean.hpp"
#include "generators/generator.hpp"

namespace glassbox::generators {

namespace {

Error unknown_technique(const suite::TechniqueUse& use) {
  std::vector<std::string_view> names;
  for (const Generator* g : all_generators()) names.push_back(g->name());
  std::string suggestion;
  if (auto close = did_you_mean(use.technique, names)) suggestion = fmt::format("did you mean '{}'? ", *close);
  return Error{fmt::format("unknown technique '{}' ({}techniques: {})", use.technique, suggestion, join_names(names)),
               use.where};
}

}  // namespace

Expected<std::vector<suite::Case>> generate_all(const suite::Suite& suite, std::uint64_t seed) {
  std::vector<suite::Case> all;
  std::unordered_set<std::string> seen;
  for (const suite::Request& request : suite.requests) {
    for (const suite::TechniqueUse& use : request.techniques) {
      const Generator* generator = find_generator(use.technique);
      if (!generator) return unknown_technique(use);
      auto cases = generator->generate(GenerationContext{suite, request, use, seed});
      if (!cases) return cases.error();
      for (suite::Case& c : *cases)
        if (seen.insert(c.id).second) all.push_back(std::move(c));
    }
  }
  // State machines: one use of the state-transition technique per coverage level the machine
  // asks for, applied to its setup request.
  for (const suite::StateMachine& machine : suite.state_machines) {
    for (suite::TransitionCoverage level : machine.coverage) {
      suite::TechniqueUse use;
      use.technique = "state_transitions";
      use.form = std::string(suite::to_string(level));
      use.options = Value{{"machine", machine.name}};
      use.where = machine.where;
      const Generator* generator = find_generator(use.technique);
      auto cases = generator->generate(GenerationContext{suite, *suite.find_request(machine.setup), use, seed});
      if (!cases) return cases.error();
      for (suite::Case& c : *cases)
        if (seen.insert(c.id).second) all.push_back(std::move(c));
    }
  }
  return all;
}

}  // namespace glassbox::generators
