// A CA(19; 2, 40, 3) from the cyclic shifts of three starter columns (constructions.hpp).
//
// Rows 0..15 are the elements of Z_16; rows 16..18 are constant rows. A column is a word
// w over {0, 1, 2} on Z_16, placed with shift s: row r holds w[r - s mod 16]. Columns:
//   - the 16 shifts of starter A and the 16 shifts of starter B, each with 0, 1, 2 in the
//     constant rows: the constant rows cover the pairs (x, x) between these 32 columns,
//     so the shifted words need only cover the six pairs of distinct symbols;
//   - the 8 even shifts of starter C, with 0 in all three constant rows.
// Shifting every column by the same amount permutes the rows, so whether two columns
// cover every pair depends only on their starters and the difference of their shifts:
// A and B against their own shifts, A against the shifts of B, C against the shifts of
// A and B and against its own even shifts. The test checks the whole array anyway.
//
// The starters come from an exhaustive search over Z_16-orbits: of the 3^16 words, 15,024
// orbits cover all six distinct pairs against their own shifts and 888 pairs of those
// orbits cover each other, 32 columns; then a word C (0 in the constant rows) covers every
// pair against both orbits and against its own even shifts, 64 words for the pair kept
// here. No word of period 8 (whose 8 shifts are all its shifts) does, nor a third orbit
// of 16, hence the even shifts. The best size known for 40 columns is 18 rows (Colbourn's
// tables); over Z_15 (15 cyclic rows, 18 in all) the same search finds two orbits of 15
// and three orbits of 3 under the shift by 5, 39 columns, and no 40th column fitted the
// 39-column sets tried.
#include <array>
#include <string_view>

#include "generators/combinatorial/constructions.hpp"

namespace glassbox::generators::combinatorial::detail {

namespace {

constexpr std::size_t kCycle = 16;  // rows indexed by Z_16
constexpr std::size_t kRows = kCycle + 3;

struct Starter {
  std::string_view word;           // kCycle symbols
  std::array<std::size_t, 3> tail;  // the constant rows
  std::size_t step;                 // shifts taken: 0, step, 2 step, ...
};

constexpr std::array<Starter, 3> kStarters = {{
    {"2112202211010000", {0, 1, 2}, 1},
    {"2121221020101000", {0, 1, 2}, 1},
    {"2121122201220110", {0, 0, 0}, 2},
}};

}  // namespace

std::size_t cyclic_ternary_columns() {
  std::size_t columns = 0;
  for (const Starter& s : kStarters) columns += kCycle / s.step;
  return columns;
}

std::optional<std::vector<Row>> cyclic_ternary_construction(const std::vector<std::size_t>& levels, std::size_t t) {
  const std::size_t k = levels.size();
  if (t != 2 || k < 2 || k > cyclic_ternary_columns()) return std::nullopt;
  for (std::size_t level : levels)
    if (level > 3) return std::nullopt;
  std::vector<Row> rows(kRows, Row(k, 0));
  std::size_t column = 0;
  for (const Starter& s : kStarters) {
    for (std::size_t shift = 0; shift < kCycle && column < k; shift += s.step, ++column) {
      // Fewer levels than 3: folding a symbol onto a smaller one keeps every pair of
      // symbols in range where it was.
      const std::size_t level = levels[column];
      for (std::size_t r = 0; r < kCycle; ++r)
        rows[r][column] = static_cast<std::size_t>(s.word[(r + kCycle - shift) % kCycle] - '0') % level;
      for (std::size_t c = 0; c < 3; ++c) rows[kCycle + c][column] = s.tail[c] % level;
    }
  }
  return rows;
}

}  // namespace glassbox::generators::combinatorial::detail
