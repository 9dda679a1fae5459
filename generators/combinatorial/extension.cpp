// Completing a partial strength-2 array (search.hpp): IPO's horizontal growth, then the
// don't-care cells, then greedy rows.
//
// Why this order: a construction such as projected_plane covers many columns perfectly
// in few rows; the remaining columns get, row by row, the value that meets the most
// pairs not yet seen (In-Parameter-Order's horizontal step), which leaves far fewer
// tuples than a fresh greedy would; the construction's don't-cares are then filled with
// what covers most, and only the tuples still missing get new rows.
#include <algorithm>

#include "generators/combinatorial/search.hpp"

namespace glassbox::generators::combinatorial::detail {

namespace {

// Fills column `column` of every row (set cells of columns before it are read, unset ones
// ignored) with the value meeting the most (earlier column, value) pairs not seen yet.
void grow_column(const TupleSpace& space, std::vector<Row>& rows, std::size_t column, Rng& rng) {
  const std::size_t levels = space.level(column);
  std::vector<std::size_t> offset(column + 1, 0);  // seen index of (j, value_j, value)
  for (std::size_t j = 0; j < column; ++j) offset[j + 1] = offset[j] + space.level(j) * levels;
  std::vector<bool> seen(offset[column], false);
  for (Row& row : rows) {
    std::size_t best = 0, best_gain = 0, ties = 0;
    for (std::size_t value = 0; value < levels; ++value) {
      std::size_t gain = 0;
      for (std::size_t j = 0; j < column; ++j)
        if (row[j] != kUnset) gain += !seen[offset[j] + row[j] * levels + value];
      if (ties == 0 || gain > best_gain) {
        best = value;
        best_gain = gain;
        ties = 1;
      } else if (gain == best_gain && rng.index(++ties) == 0) {
        best = value;
      }
    }
    row[column] = best;
    for (std::size_t j = 0; j < column; ++j)
      if (row[j] != kUnset) seen[offset[j] + row[j] * levels + best] = true;
  }
}

}  // namespace

std::vector<Row> complete_rows(const TupleSpace& space, const Constraints& constraints,
                               const std::vector<bool>& excluded, std::vector<Row> rows, std::size_t first_open,
                               Rng& rng) {
  for (std::size_t column = first_open; column < space.columns_count(); ++column)
    grow_column(space, rows, column, rng);
  Coverage coverage(space, excluded);
  auto complete = [](const Row& row) { return std::find(row.begin(), row.end(), kUnset) == row.end(); };
  for (const Row& row : rows)
    if (complete(row)) coverage.add_row(row);
  for (Row& row : rows) {
    if (complete(row)) continue;
    row = fill_row(space, constraints, coverage, std::move(row), rng);
    coverage.add_row(row);
  }
  for (Row& row : greedy_rows(space, constraints, coverage, rng)) rows.push_back(std::move(row));
  return rows;
}

}  // namespace glassbox::generators::combinatorial::detail
