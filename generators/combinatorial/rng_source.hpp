// Internal to the covering-array builder: the one random source every step draws from,
// so a model's seed decides the whole array.
//
// Thread-safety: a plain value; one per build.
#pragma once

#include "generators/rng.hpp"

namespace glassbox::generators::combinatorial::detail {

using Rng = SplitMix64;

// True with probability numerator / denominator.
inline bool chance(Rng& rng, std::uint64_t numerator, std::uint64_t denominator) {
  return rng.next() % denominator < numerator;
}

}  // namespace glassbox::generators::combinatorial::detail
