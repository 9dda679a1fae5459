#include "generators/combinatorial/galois_field.hpp"

namespace glassbox::generators::combinatorial::detail {

namespace {

constexpr std::size_t kMaxOrder = 256;

// (p, m) with q = p^m, or nothing.
std::optional<std::pair<std::size_t, std::size_t>> prime_power(std::size_t q) {
  if (q < 2) return std::nullopt;
  std::size_t p = 2;
  while (q % p != 0) ++p;
  std::size_t m = 0;
  for (std::size_t rest = q; rest > 1; rest /= p) {
    if (rest % p != 0) return std::nullopt;
    ++m;
  }
  return std::make_pair(p, m);
}

// Digits of `a` (base p, m digits) times x, reduced modulo the monic polynomial whose
// lower coefficients are `f` (x^m = -(f_0 + f_1 x + ... )).
std::size_t times_x(std::size_t a, const std::vector<std::size_t>& f, std::size_t p, std::size_t m) {
  std::vector<std::size_t> d(m + 1, 0);
  for (std::size_t i = 0; i < m; ++i, a /= p) d[i + 1] = a % p;
  std::size_t top = d[m];
  std::size_t out = 0, weight = 1;
  for (std::size_t i = 0; i < m; ++i, weight *= p) out += ((d[i] + (p - top) * f[i]) % p) * weight;
  return out;
}

}  // namespace

std::optional<GaloisField> GaloisField::of_order(std::size_t q) {
  if (q > kMaxOrder) return std::nullopt;
  auto pm = prime_power(q);
  if (!pm) return std::nullopt;
  auto [p, m] = *pm;
  GaloisField field;
  field.q_ = q;
  field.add_.resize(q * q);
  for (std::size_t a = 0; a < q; ++a) {
    for (std::size_t b = 0; b < q; ++b) {
      std::size_t sum = 0, weight = 1;
      for (std::size_t x = a, y = b, i = 0; i < m; ++i, x /= p, y /= p, weight *= p) sum += ((x % p + y % p) % p) * weight;
      field.add_[a * q + b] = sum;
    }
  }
  // A primitive polynomial: x generates all q - 1 units, which also proves it irreducible.
  std::size_t x = m == 1 ? 0 : p;  // the element "x"; for m == 1 it is found below as -f_0
  for (std::size_t code = 0; code < q; ++code) {
    std::vector<std::size_t> f(m);
    for (std::size_t i = 0, c = code; i < m; ++i, c /= p) f[i] = c % p;
    std::size_t generator = m == 1 ? (p - f[0]) % p : x;
    if (generator == 0) continue;
    std::vector<std::size_t> exp(q - 1);
    std::size_t power = 1;
    bool primitive = true;
    for (std::size_t i = 0; i < q - 1; ++i) {
      exp[i] = power;
      power = m == 1 ? power * generator % p : times_x(power, f, p, m);
      if (power == 1 && i + 1 < q - 1) {
        primitive = false;
        break;
      }
    }
    if (!primitive || power != 1) continue;
    field.exp_ = std::move(exp);
    field.log_.assign(q, 0);
    for (std::size_t i = 0; i < q - 1; ++i) field.log_[field.exp_[i]] = i;
    return field;
  }
  return std::nullopt;
}

std::optional<std::size_t> prime_power_at_least(std::size_t n) {
  for (std::size_t q = std::max<std::size_t>(n, 2); q <= kMaxOrder; ++q)
    if (prime_power(q)) return q;
  return std::nullopt;
}

}  // namespace glassbox::generators::combinatorial::detail
