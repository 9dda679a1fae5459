// Internal to the covering-array builder: arithmetic in the finite field GF(q) for prime
// powers q up to 256, by log/antilog tables, for the orthogonal-array constructions.
//
// Elements are 0..q-1: for q = p^m, the base-p digits are the coefficients of a
// polynomial over Z_p, reduced modulo a primitive polynomial found by search.
//
// Thread-safety: immutable after construction.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace glassbox::generators::combinatorial::detail {

class GaloisField final {
 public:
  // The field of order q, or nothing when q is not a prime power in 2..256.
  static std::optional<GaloisField> of_order(std::size_t q);

  std::size_t order() const { return q_; }
  std::size_t add(std::size_t a, std::size_t b) const { return add_[a * q_ + b]; }
  std::size_t mul(std::size_t a, std::size_t b) const {
    if (a == 0 || b == 0) return 0;
    return exp_[(log_[a] + log_[b]) % (q_ - 1)];
  }

 private:
  GaloisField() = default;
  std::size_t q_ = 0;
  std::vector<std::size_t> add_, exp_, log_;
};

// The smallest prime power >= n (n <= 256), or nothing.
std::optional<std::size_t> prime_power_at_least(std::size_t n);

}  // namespace glassbox::generators::combinatorial::detail
