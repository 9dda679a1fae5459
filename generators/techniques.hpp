// The concrete generators, one per file, for the registry (registry.cpp) to list.
// Each is a stateless singleton, safe to use from any thread.
#pragma once

#include "generators/generator.hpp"

namespace glassbox::generators {

const Generator& partitions_generator();  // partitions.cpp
const Generator& boundaries_generator();  // boundaries.cpp
const Generator& decision_table_generator();  // decision_table.cpp
const Generator& cause_effect_generator();    // cause_effect.cpp
const Generator& pairwise_generator();        // pairwise.cpp
const Generator& error_guessing_generator();  // error_guessing.cpp
const Generator& state_transitions_generator();  // state_transitions.cpp
const Generator& property_generator();           // property.cpp

}  // namespace glassbox::generators
