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

// Uniform enough in [0, n) for 0 < n < 2^32, with a multiplication instead of the
// divisions of Rng::index (the bias, below n / 2^32, does not matter to a search), for
// the searches' inner loops.
inline std::size_t below(Rng& rng, std::size_t n) {
  return static_cast<std::size_t>(((rng.next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
}

}  // namespace glassbox::generators::combinatorial::detail
