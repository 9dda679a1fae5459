// Internal to the covering-array builder: the searches over rows: the greedy that builds
// an array, the growth that completes a construction, the annealing that repairs an array
// of fixed size and the loop that shrinks one with it.
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

// Fixed-size search (anneal.cpp): simulated annealing over the rows after the first
// `frozen`, each move writing a random uncovered tuple into a row, until nothing
// `coverage` tracks is uncovered (true) or `work` (work units, one per tuple count read or
// update, added to) reaches `budget` (false). A move that uncovers d tuples more than it
// covers is taken with probability accept_worse^d. `coverage` must track `rows`; both
// stay consistent, and rows free of forbidden combinations, either way.
bool anneal(const TupleSpace& space, const Constraints& constraints, Coverage& coverage, std::vector<Row>& rows,
            std::size_t frozen, double accept_worse, std::uint64_t& work, std::uint64_t budget, Rng& rng);

// Completes `rows` (strength 2; cells may be kUnset, columns from `first_open` on are)
// into a covering array: each open column in turn gets, row by row, the value meeting the
// most pairs with earlier columns not yet seen; the other unset cells are filled by
// fill_row; rows from greedy_rows cover what is left. Unconstrained models only (no row
// is checked against `constraints`, which fill_row and greedy_rows still honour).
std::vector<Row> complete_rows(const TupleSpace& space, const Constraints& constraints,
                               const std::vector<bool>& excluded, std::vector<Row> rows, std::size_t first_open,
                               Rng& rng);

// Post-optimisation (shrink.cpp): repeatedly drop the row that covers fewest tuples alone
// and repair the array by `anneal`, keeping the last complete array. `rows` must cover every
// tuple `excluded` does not mark; the first `frozen` rows are never changed or dropped
// (required rows). Stops at `lower_bound` rows, when `effort` work units (one per tuple
// count read or update) are spent, or when one repair exceeds its share (shrink.cpp).
std::vector<Row> shrink(const TupleSpace& space, const Constraints& constraints, const std::vector<bool>& excluded,
                        std::vector<Row> rows, std::size_t frozen, std::uint64_t lower_bound, std::uint64_t effort,
                        Rng& rng);

}  // namespace glassbox::generators::combinatorial::detail
