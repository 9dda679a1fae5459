// A small deterministic random source for representatives: splitmix64, seeded from the
// run's --seed and the names that identify what is being drawn (request, input, class).
//
// Why not <random>: the standard distributions are not specified bit-for-bit, so the same
// seed could give different cases on different standard libraries. Everything here is
// fully specified, so a seed reproduces the same cases everywhere.
//
// Thread-safety: a SplitMix64 is a plain value; use one per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string_view>

namespace glassbox::generators {

class SplitMix64 final {
 public:
  explicit SplitMix64(std::uint64_t state) : state_(state) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Uniform in [lo, hi]; lo <= hi. Rejection keeps it free of modulo bias.
  std::int64_t uniform(std::int64_t lo, std::int64_t hi) {
    std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
    if (span == std::numeric_limits<std::uint64_t>::max()) return static_cast<std::int64_t>(next());
    std::uint64_t n = span + 1;
    std::uint64_t reject_below = (0 - n) % n;  // 2^64 mod n
    std::uint64_t r = next();
    while (r < reject_below) r = next();
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + r % n);
  }

  // Uniform index in [0, n); n > 0.
  std::size_t index(std::size_t n) {
    return static_cast<std::size_t>(uniform(0, static_cast<std::int64_t>(n) - 1));
  }

 private:
  std::uint64_t state_;
};

// FNV-1a: a stable hash of a name (std::hash is not stable across implementations).
inline std::uint64_t stable_hash(std::string_view text) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001B3ULL;
  }
  return h;
}

// A generator for one thing drawn in one run: the seed mixed with each name in turn,
// so ("r", "ab") and ("ra", "b") differ.
inline SplitMix64 rng_for(std::uint64_t seed, std::initializer_list<std::string_view> names) {
  std::uint64_t state = seed;
  for (std::string_view name : names) state = SplitMix64(state ^ stable_hash(name)).next();
  return SplitMix64(state);
}

}  // namespace glassbox::generators
