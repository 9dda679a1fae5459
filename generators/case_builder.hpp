// What every technique does around its own combinatorics: find the group of inputs under
// test, hold the request's other inputs at their nominal values, resolve the form, and turn
// a set of bindings into a finished case (expectation and id filled in).
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "generators/generator.hpp"

namespace glassbox::generators {

// A use that would produce more cases than this is an error, not an hour of generating:
// strong and worst-case forms grow exponentially with the group.
inline constexpr double kMaxCasesPerUse = 100000;

struct Group {
  std::vector<const suite::Input*> under_test;  // in the order the use lists them
  std::vector<suite::Binding> held;             // inputs the request uses outside the group, at nominal
  std::vector<std::string> binding_order;       // every input of a case, in the order cases list them
};

// The group of `context.use` (its inputs, or every input the request references), and
// the request's other referenced inputs at nominal. Referenced names that are not suite
// inputs (values captured from earlier responses) are left alone. An unknown name in the
// use's own list is an error at the use:
//   technique 'partitions' names unknown input 'd' (did you mean 'a'?)
Expected<Group> resolve_group(const GenerationContext& context, std::string_view technique);

// The use's form, or the generator's default when the use names none. An unknown form is
// an error at the use:
//   technique 'boundaries' has no form 'robst' (did you mean 'robust'? forms: normal, ...)
Expected<std::string> resolve_form(const Generator& generator, const suite::TechniqueUse& use);

// An error at the use when a form would produce more than kMaxCasesPerUse cases.
Status check_case_count(double count, const GenerationContext& context, std::string_view technique,
                        std::string_view form);

enum class Role { UnderTest, Held };

// A binding whose class and validity come from Input::classify; a value no class
// contains is invalid with class_name "".
suite::Binding classified_binding(const suite::Input& input, Value value, std::string boundary, Role role);

// One case of `request`: `varied` (one binding per group input, in group order) and the
// held bindings, with the held ones' boundary set to `held_boundary`, listed in the
// group's binding order; expectation and id resolved by the model's one rule.
suite::Case assemble_case(const GenerationContext& context, std::string_view technique, std::string_view form,
                          std::string label, const Group& group, std::vector<suite::Binding> varied,
                          std::string_view held_boundary);

// Calls `visit` with every combination of indices i_k < sizes[k], the first position
// varying slowest (so products read like a table sorted by the first input).
void for_each_combination(const std::vector<std::size_t>& sizes,
                          const std::function<void(const std::vector<std::size_t>&)>& visit);

}  // namespace glassbox::generators
