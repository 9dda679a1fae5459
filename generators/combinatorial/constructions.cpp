#include "generators/combinatorial/constructions.hpp"

#include <algorithm>
#include <set>

#include "generators/combinatorial/galois_field.hpp"

namespace glassbox::generators::combinatorial::detail {

namespace {

std::uint64_t binomial(std::uint64_t n, std::uint64_t k) {
  if (k > n) return 0;
  std::uint64_t out = 1;
  for (std::uint64_t i = 1; i <= k; ++i) out = out * (n - k + i) / i;
  return out;
}

}  // namespace

std::optional<std::vector<Row>> binary_construction(const std::vector<std::size_t>& levels, std::size_t t) {
  if (t != 2 || levels.size() < 2) return std::nullopt;
  for (std::size_t level : levels)
    if (level > 2) return std::nullopt;
  std::size_t k = levels.size();
  std::size_t n = 4;
  while (binomial(n - 1, (n + 1) / 2) < k) ++n;
  std::size_t weight = (n + 1) / 2;
  std::vector<Row> rows(n, Row(k, 0));
  std::size_t column = 0;
  // Weight-`weight` subsets of rows 1..n-1, in lexicographic order: the first k of them.
  for_each_subset(n - 1, weight, [&](const std::vector<std::size_t>& ones) {
    if (column == k) return;
    for (std::size_t r : ones) rows[r + 1][column] = levels[column] == 2 ? 1 : 0;
    ++column;
  });
  return rows;
}

std::optional<OrthogonalArray> orthogonal_array_construction(const std::vector<std::size_t>& levels, std::size_t t,
                                                             std::size_t max_rows, Rng& rng) {
  std::size_t k = levels.size();
  if (t < 2 || k < t) return std::nullopt;
  std::size_t need = std::max({*std::max_element(levels.begin(), levels.end()), t, k - 1});
  auto q = prime_power_at_least(need);
  if (!q) return std::nullopt;
  auto field = GaloisField::of_order(*q);
  if (!field) return std::nullopt;
  std::uint64_t count = 1;
  for (std::size_t i = 0; i < t; ++i) {
    count *= *q;
    if (count > max_rows) return std::nullopt;
  }

  std::vector<Row> symbols;
  symbols.reserve(count);
  std::vector<std::size_t> coefficients(t, 0);  // a_0 .. a_{t-1}
  for (std::uint64_t r = 0; r < count; ++r) {
    std::uint64_t code = r;
    for (std::size_t j = 0; j < t; ++j, code /= *q) coefficients[j] = code % *q;
    Row row(k);
    for (std::size_t c = 0; c < k; ++c) {
      if (c == *q) {  // the column "at infinity"
        row[c] = coefficients[t - 1];
        continue;
      }
      std::size_t value = 0;  // Horner at x = c
      for (std::size_t j = t; j > 0; --j) value = field->add(field->mul(value, c), coefficients[j - 1]);
      row[c] = value;
    }
    symbols.push_back(std::move(row));
  }

  // Rows to drop: each column may send at most q - level symbols to "fused".
  std::vector<std::set<std::size_t>> fused(k);
  std::vector<bool> dropped(count, false);
  for (std::uint64_t r = 0; r < count; ++r) {
    bool fits = true;
    for (std::size_t c = 0; c < k && fits; ++c) {
      std::size_t room = *q - levels[c];
      fits = fused[c].count(symbols[r][c]) || fused[c].size() < room;
    }
    if (!fits) continue;
    dropped[r] = true;
    for (std::size_t c = 0; c < k; ++c) fused[c].insert(symbols[r][c]);
  }
  // Per column: symbols not fused take values 0.. in order; the rest become don't-cares.
  std::vector<std::vector<std::size_t>> map(k, std::vector<std::size_t>(*q, kUnset));
  for (std::size_t c = 0; c < k; ++c) {
    std::size_t next = 0;
    for (std::size_t s = 0; s < *q; ++s)
      if (!fused[c].count(s) && next < levels[c]) map[c][s] = next++;
  }
  std::vector<Row> rows;
  for (std::uint64_t r = 0; r < count; ++r) {
    if (dropped[r]) continue;
    Row row(k);
    for (std::size_t c = 0; c < k; ++c) {
      std::size_t value = map[c][symbols[r][c]];
      row[c] = value != kUnset ? value : rng.index(levels[c]);
    }
    rows.push_back(std::move(row));
  }
  return OrthogonalArray{std::move(rows), *q, *q - *std::min_element(levels.begin(), levels.end())};
}

}  // namespace glassbox::generators::combinatorial::detail
