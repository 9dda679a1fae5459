// The `options` of a pairwise use, read and checked against the group of inputs:
//   strength     t, 2..6 (default 2): every combination of valid classes of any t inputs
//   constraints  list of maps {input: class, ...}: classes that must never meet in a case
//   require      list of maps {input: class, ...}: combinations that must appear
// A class is written by its name, or by a value it lists (enum values, true/false).
// Errors name the option and carry the use's location:
//   technique 'pairwise' of request 'r': option 'strength' must be 2..6, got 9
//
// Thread-safety: pure functions.
#pragma once

#include <vector>

#include "generators/case_builder.hpp"
#include "generators/combinatorial/covering_array.hpp"

namespace glassbox::generators {

struct PairwiseOptions {
  int strength = 2;
  // Parameter k is group.under_test[k]; value v is its v-th valid class.
  std::vector<combinatorial::Combination> forbidden;
  std::vector<combinatorial::Combination> required;
};

// `valid[k]` lists the valid classes of group.under_test[k] (empty when it has none:
// such an input stands at its nominal value and cannot be named in a combination).
Expected<PairwiseOptions> read_pairwise_options(const GenerationContext& context, const Group& group,
                                                const std::vector<std::vector<const suite::InputClass*>>& valid);

// "technique 'pairwise' of request 'r': <message>", at the use.
Error pairwise_error(const GenerationContext& context, std::string_view message);

}  // namespace glassbox::generators
