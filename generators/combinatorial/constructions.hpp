// Internal to the covering-array builder: algebraic constructions for models without
// constraints or required rows.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>

#include "generators/combinatorial/covering_array.hpp"
#include "generators/combinatorial/rng_source.hpp"
#include "generators/combinatorial/tuple_space.hpp"

namespace glassbox::generators::combinatorial::detail {

// Kleitman-Spencer (strength 2, every level <= 2): N rows where the columns are distinct
// weight-ceil(N/2) vectors with the first bit 0, for the least N with C(N-1, ceil(N/2)) >= k.
// That N is optimal. Nothing when t != 2 or a level exceeds 2.
std::optional<std::vector<Row>> binary_construction(const std::vector<std::size_t>& levels, std::size_t t);

// Bush's orthogonal array OA(q^t; t, q+1, q) over GF(q): one row per polynomial of degree
// < t, one column per field element (the polynomial's value there) plus one for its
// leading coefficient. Uses the least prime power q >= every level, >= t and >= k - 1.
// Symbols at or above a column's level are fused: each column's symbols are permuted so
// that as many whole rows as possible hold only fused symbols (those rows are dropped),
// and the other fused cells take values drawn from `rng`. Nothing when no q <= 256 fits or
// q^t exceeds `max_rows`.
struct OrthogonalArray {
  std::vector<Row> rows;
  std::size_t order = 0;   // q
  std::size_t fused = 0;   // symbols fused in the column with the fewest levels
};
std::optional<OrthogonalArray> orthogonal_array_construction(const std::vector<std::size_t>& levels, std::size_t t,
                                                             std::size_t max_rows, Rng& rng);

// Colbourn's projection of the affine plane over GF(q), strength 2: with v the largest
// level and x = q - v, q^2 - x rows and up to q + 1 + x columns, so CAN(2, q+1+x, q-x) <=
// q^2 - x (x = 0 is the orthogonal array). Columns beyond those are left for the caller
// (every cell kUnset), and so are the cells whose value does not matter ("free" cells of
// fused symbols), which the caller fills to cover more. Nothing when q is not a prime power
// in [max(v, 2), 256] or q^2 > `max_rows`.
std::optional<std::vector<Row>> projected_plane(const std::vector<std::size_t>& levels, std::size_t q,
                                                std::size_t max_rows);

// A CA(19; 2, 40, 3) from the cyclic shifts of three starter columns over Z_16 and three
// constant rows (cyclic_ternary.cpp); the best size known is 18. Strength 2, up to
// cyclic_ternary_columns() parameters of at most 3 values (symbols beyond a parameter's
// levels fold onto smaller ones): the first k of its columns, 19 rows. Nothing otherwise.
std::size_t cyclic_ternary_columns();
std::optional<std::vector<Row>> cyclic_ternary_construction(const std::vector<std::size_t>& levels, std::size_t t);

}  // namespace glassbox::generators::combinatorial::detail
