// Internal to the covering-array builder: forbidden combinations, checked cell by cell,
// and the search that completes a partial row without breaking any of them.
//
// Thread-safety: immutable after construction.
#pragma once

#include <cstddef>
#include <vector>

#include "generators/combinatorial/covering_array.hpp"
#include "generators/combinatorial/tuple_space.hpp"

namespace glassbox::generators::combinatorial::detail {

class Constraints final {
 public:
  // `forbidden` must name parameters and values inside `levels` (checked by the caller).
  Constraints(std::vector<std::size_t> levels, std::vector<Combination> forbidden);

  bool empty() const { return forbidden_.empty(); }

  // Whether a forbidden combination through `column` is fully present in `row`
  // (unset cells never match).
  bool violated_at(const Row& row, std::size_t column) const;
  // Whether any forbidden combination is fully present in `row`.
  bool violated(const Row& row) const;

  // Fills the unset cells of `row` so that no forbidden combination is present, trying
  // each cell's values in the order `preference(column)` gives (all values, any order).
  // False, with `row` unchanged, when no completion exists. Depth-first with checks at
  // every cell: exponential in the worst case, immediate for the constraint sets suites
  // hold (a few small forbidden combinations).
  template <typename Preference>
  bool complete(Row& row, Preference&& preference) const {
    Row work = row;
    if (violated(work)) return false;
    if (!search(work, 0, preference)) return false;
    row = std::move(work);
    return true;
  }
  bool completable(const Row& row) const {
    Row copy = row;
    return complete(copy, [&](std::size_t column) { return natural_order(column); });
  }

 private:
  std::vector<std::size_t> natural_order(std::size_t column) const;

  template <typename Preference>
  bool search(Row& row, std::size_t column, Preference& preference) const {
    while (column < row.size() && row[column] != kUnset) ++column;
    if (column == row.size()) return true;
    for (std::size_t value : preference(column)) {
      row[column] = value;
      if (!violated_at(row, column) && search(row, column + 1, preference)) return true;
    }
    row[column] = kUnset;
    return false;
  }

  std::vector<std::size_t> levels_;
  std::vector<Combination> forbidden_;
  std::vector<std::vector<std::size_t>> forbidden_with_;  // per column: indices into forbidden_
};

}  // namespace glassbox::generators::combinatorial::detail
