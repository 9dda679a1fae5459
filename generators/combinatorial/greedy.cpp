// The density greedy (search.hpp).
#include <algorithm>

#include "generators/combinatorial/search.hpp"

namespace glassbox::generators::combinatorial::detail {

namespace {

// Tuples through `column` whose other cells are set and that no row covers yet, with
// row[column] as it stands.
std::size_t gain_at(const TupleSpace& space, const Coverage& coverage, const Row& row, std::size_t column) {
  std::size_t gain = 0;
  for (std::uint32_t s : space.subsets_with(column)) {
    const std::size_t* cols = space.columns(s);
    bool set = true;
    for (std::size_t i = 0; i < space.strength() && set; ++i) set = row[cols[i]] != kUnset;
    if (set && coverage.is_uncovered(space.tuple_id(s, row))) ++gain;
  }
  return gain;
}

std::size_t row_gain(const TupleSpace& space, const Coverage& coverage, const Row& row) {
  std::size_t gain = 0;
  for (std::size_t s = 0; s < space.subset_count(); ++s)
    if (coverage.is_uncovered(space.tuple_id(s, row))) ++gain;
  return gain;
}

template <typename T>
void shuffle(std::vector<T>& items, Rng& rng) {
  for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[rng.index(i)]);
}

}  // namespace

Row fill_row(const TupleSpace& space, const Constraints& constraints, const Coverage& coverage, Row row, Rng& rng) {
  std::vector<std::size_t> order;
  for (std::size_t c = 0; c < row.size(); ++c)
    if (row[c] == kUnset) order.push_back(c);
  shuffle(order, rng);
  std::vector<std::pair<std::size_t, std::uint64_t>> ranked;  // (gain, tie-break)
  std::vector<std::size_t> values;
  for (std::size_t column : order) {
    ranked.clear();
    for (std::size_t v = 0; v < space.level(column); ++v) {
      row[column] = v;
      ranked.emplace_back(gain_at(space, coverage, row, column), rng.next());
    }
    values.resize(ranked.size());
    for (std::size_t v = 0; v < values.size(); ++v) values[v] = v;
    std::sort(values.begin(), values.end(), [&](std::size_t a, std::size_t b) { return ranked[a] > ranked[b]; });
    row[column] = kUnset;
    for (std::size_t v : values) {
      row[column] = v;
      if (constraints.empty() || (!constraints.violated_at(row, column) && constraints.completable(row))) break;
      row[column] = kUnset;
    }
  }
  return row;
}

std::vector<Row> greedy_rows(const TupleSpace& space, const Constraints& constraints, Coverage& coverage, Rng& rng) {
  // More candidates per row where rows are cheap to build.
  const std::size_t candidates = space.tuple_count() <= 200000 ? 12 : 3;
  std::vector<Row> rows;
  std::vector<std::size_t> values;
  while (coverage.uncovered() > 0) {
    Row best;
    std::size_t best_gain = 0;
    for (std::size_t m = 0; m < candidates && coverage.uncovered() > 0; ++m) {
      std::uint32_t seed_tuple = coverage.uncovered_at(rng.index(coverage.uncovered()));
      Row partial(space.columns_count(), kUnset);
      space.values_of(seed_tuple, values);
      const std::size_t* cols = space.columns(space.subset_of(seed_tuple));
      for (std::size_t i = 0; i < space.strength(); ++i) partial[cols[i]] = values[i];
      Row row = fill_row(space, constraints, coverage, std::move(partial), rng);
      std::size_t gain = row_gain(space, coverage, row);
      if (gain > best_gain) {
        best_gain = gain;
        best = std::move(row);
      }
    }
    coverage.add_row(best);
    rows.push_back(std::move(best));
  }
  return rows;
}

}  // namespace glassbox::generators::combinatorial::detail
