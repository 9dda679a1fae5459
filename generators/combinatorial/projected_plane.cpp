// Colbourn's projection of the affine plane (constructions.hpp), strength 2.
//
// The rows are the points (a, b) of AG(2, q); column m < q holds the line of slope m
// through the point (b - m a), column q the vertical line (a). Any two columns then show
// every pair of values exactly once: the orthogonal array. To reach v = q - x symbols,
// take the x points P_j = (0, y_j) with y_j = v + j on the vertical line a = 0. In every
// column, the lines through some P_j become don't-cares, and the P_j rows, don't-cares
// everywhere, go: q^2 - x rows. Each P_j gives a new column, the slope of the line from
// P_j to the point (symbols >= v fold onto 0..), which meets each old column in all
// pairs except "slope m" against column m: those points lie on the slope-m line through
// P_j, a don't-care of column m, which is set to cover them. Points on a = 0 give the
// new columns equal values, covering (s, s) between them.
#include <algorithm>

#include "generators/combinatorial/constructions.hpp"
#include "generators/combinatorial/galois_field.hpp"

namespace glassbox::generators::combinatorial::detail {

std::optional<std::vector<Row>> projected_plane(const std::vector<std::size_t>& levels, std::size_t q,
                                                std::size_t max_rows) {
  if (levels.empty()) return std::nullopt;
  const std::size_t v = std::max<std::size_t>(*std::max_element(levels.begin(), levels.end()), 2);
  auto field = GaloisField::of_order(q);
  if (q < v || !field || q * q > max_rows) return std::nullopt;
  const std::size_t x = q - v, k = levels.size();
  const std::size_t columns = std::min(k, q + 1 + x);
  std::vector<std::size_t> negative(q, 0), inverse(q, 0);
  for (std::size_t e = 0; e < q; ++e) {
    for (std::size_t f = 0; f < q; ++f) {
      if (field->add(e, f) == 0) negative[e] = f;
      if (field->mul(e, f) == 1) inverse[e] = f;
    }
  }
  auto sub = [&](std::size_t e, std::size_t f) { return field->add(e, negative[f]); };

  std::vector<Row> rows;
  for (std::size_t a = 0; a < q; ++a) {
    for (std::size_t b = 0; b < q; ++b) {
      if (a == 0 && b >= v) continue;  // a point P_j
      Row row(k, kUnset);
      for (std::size_t m = 0; m < q && m < columns; ++m) {
        std::size_t line = sub(b, field->mul(m, a));
        if (line < v) row[m] = line;
      }
      if (q < columns) row[q] = x == 0 ? a : (a >= 1 && a <= v ? a - 1 : kUnset);
      for (std::size_t j = 0; j < x && q + 1 + j < columns; ++j) {
        if (a == 0) {
          row[q + 1 + j] = b;
          continue;
        }
        std::size_t slope = field->mul(sub(b, v + j), inverse[a]);
        row[q + 1 + j] = slope < v ? slope : slope - v;
        // This point is on the slope-`slope` line through P_j: a don't-care of that column,
        // set so that the column meets this new column's symbol with every value.
        if (slope < columns && row[slope] == kUnset) row[slope] = (a - 1) % v;
      }
      for (std::size_t c = 0; c < columns; ++c)
        if (row[c] != kUnset && row[c] >= levels[c]) row[c] = kUnset;
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

}  // namespace glassbox::generators::combinatorial::detail
