// What the decision-table and cause-effect generators share once a rule is chosen: naming
// an input's classes, binding an input to a class, and finishing a rule's case (its
// actions merged into the expectation, "rule:<id>" in covers, the rule id in the case id).
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "generators/case_builder.hpp"

namespace glassbox::generators::decisions {

// The class of `input` named `name`, or an error at `where`:
//   input 'tier' has no class 'gld' (did you mean 'gold'?)
//   input 'tier' has no class 'x' (classes: gold, silver, not_listed)
Expected<const suite::InputClass*> find_class(const suite::Input& input, std::string_view name,
                                              const SourceLocation& where);

// The input bound to the class's representative (drawn as partitions draw it), under test.
suite::Binding class_binding(const GenerationContext& context, const suite::Input& input,
                             const suite::InputClass& cls);

// `use` with its inputs replaced by `inputs`, for resolve_group: the inputs a table or
// graph names are under test, the request's others held at nominal.
suite::TechniqueUse with_inputs(const suite::TechniqueUse& use, std::vector<std::string> inputs);

// Merges each action over the case's expectation (already resolved by the usual rule),
// adds `covers` and makes the id "<request>/<technique>/<form>/rule=<id>,<bindings>".
void finish_rule_case(suite::Case& c, std::string_view rule_id, const std::vector<const suite::Expectation*>& actions,
                      std::vector<std::string> covers);

}  // namespace glassbox::generators::decisions
