// Internal to the covering-array builder: the two searches over rows, the greedy that
// builds an array and the local search that shrinks one.
//
// Thread-safety: pure functions of their arguments (the Rng and Coverage they are handed
// are theirs to change).
#pragma once

#include <cstdint>
#include <vector>

#include "generators/combinatorial/constraints.hpp"
#include "generators/combinatorial/rng_source.hpp"
#include "generators/combinatorial/tuple_space.hpp"

namespace glassbox::generators::combinatorial::detail {

// Fills the unset cells of `partial`, one column at a time in a random order, each with
// the value that covers most uncovered tuples among the cells already set (ties at
// random), keeping the row completable under the constraints. `partial` must be
// completable.
Row fill_row(const TupleSpace& space, const Constraints& constraints, const Coverage& coverage, Row partial, Rng& rng);

// AETG-like density greedy: while a tuple is uncovered, build `candidates` rows, each
// seeded with a random uncovered tuple and filled by fill_row, and keep the one that
// covers most. Returns the rows added (also added to `coverage`).
std::vector<Row> greedy_rows(const TupleSpace& space, const Constraints& constraints, Coverage& coverage, Rng& rng);

// Post-optimisation: repeatedly drop the row that covers fewest tuples alone and repair
// the array by local search, keeping the last complete array. `rows` must cover every
// tuple `excluded` does not mark; the first `frozen` rows are never changed or dropped
// (required rows). Stops at `lower_bound` rows or when `effort` work units (one unit is
// one tuple count update) are spent.
std::vector<Row> shrink(const TupleSpace& space, const Constraints& constraints, const std::vector<bool>& excluded,
                        std::vector<Row> rows, std::size_t frozen, std::uint64_t lower_bound, std::uint64_t effort,
                        Rng& rng);

}  // namespace glassbox::generators::combinatorial::detail
