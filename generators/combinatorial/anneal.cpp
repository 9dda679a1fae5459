// Fixed-size search (search.hpp): simulated annealing over the cells of the array.
//
// Why it is built this way:
//   - Moves are targeted: each proposal takes an uncovered tuple straight from the
//     Coverage's list and writes its t values into one row. Sampling random cells or random
//     tuples wastes almost every proposal once few tuples are missing.
//   - A proposal is judged without touching the counts: only the tuples through the
//     changed cells move (by a known stride for a one-cell change), so it costs
//     C(k-1, t-1) count reads per changed cell, O(k) at t = 2, and counts change only for
//     accepted moves. The best-of-all-rows focused walk it replaces costs N times that per
//     step; on 10^20 many cheap proposals judged by temperature go much further.
//   - The row is drawn at random, but mostly among rows that already hold all but one of
//     the tuple's values (scanning from a random row), so that most moves change a single
//     cell; one proposal in kAnyRowOneIn takes any row, which lets whole rows drift.
//     Each step weighs kProposalsPerStep rows for its tuple and keeps the best: on 10^20
//     that reached the same sizes as single proposals in about a sixth less time.
//   - Moves that lose nothing are always taken (plateaus are how the walk travels), and
//     the temperature is constant, carried as the probability of accepting a move that
//     uncovers one more tuple than it covers (d more: that probability to the power d).
//     Constant because the search restarts after every dropped row (shrink.cpp) with few
//     tuples missing, where a cooling schedule measured no better; a probability because
//     plain multiplications are the same on every platform (no exp), so a seed gives one
//     array everywhere.
#include <algorithm>

#include "generators/combinatorial/search.hpp"

namespace glassbox::generators::combinatorial::detail {

namespace {

constexpr std::uint64_t kAnyRowOneIn = 6;
constexpr std::size_t kProposalsPerStep = 3;
constexpr std::size_t kNoRow = static_cast<std::size_t>(-1);

class Annealer final {
 public:
  Annealer(const TupleSpace& space, const Constraints& constraints, Coverage& coverage, std::vector<Row>& rows,
           std::size_t frozen, Rng& rng)
      : space_(space),
        constraints_(constraints),
        coverage_(coverage),
        rows_(rows),
        frozen_(frozen),
        rng_(rng),
        touched_(space.subset_count(), 0) {}

  bool run(double accept_worse, std::uint64_t& work, std::uint64_t budget) {
    if (rows_.size() <= frozen_) return coverage_.uncovered() == 0;
    while (coverage_.uncovered() > 0) {
      if (work >= budget) return false;
      step(accept_worse, work);
    }
    return true;
  }

 private:
  void step(double accept_worse, std::uint64_t& work) {
    ++work;  // so that a step the constraints refuse still spends budget
    std::uint32_t tuple = coverage_.uncovered_at(below(rng_, coverage_.uncovered()));
    const std::size_t* cols = space_.columns(space_.subset_of(tuple));
    space_.values_of(tuple, values_);
    std::size_t chosen = kNoRow;
    long delta = 0;
    for (std::size_t proposal = 0; proposal < kProposalsPerStep; ++proposal) {
      std::size_t r = pick_row(cols, work);
      list_changes(rows_[r], cols);
      if (changed_.empty()) continue;  // only for a tuple the row holds, which is not uncovered
      if (!constraints_.empty() && breaks_constraint(rows_[r], cols)) continue;
      long d = evaluate(rows_[r], cols, work);
      if (chosen == kNoRow || d < delta) {
        chosen = r;
        delta = d;
      }
    }
    if (chosen == kNoRow || (delta > 0 && !accept(delta, accept_worse))) return;
    list_changes(rows_[chosen], cols);
    for (std::size_t i : changed_) {
      work += 2 * space_.subsets_with(cols[i]).size();
      coverage_.set_cell(rows_[chosen], cols[i], values_[i]);
    }
  }

  // changed_ = the positions in the tuple where `row` differs from it.
  void list_changes(const Row& row, const std::size_t* cols) {
    changed_.clear();
    for (std::size_t i = 0; i < space_.strength(); ++i)
      if (row[cols[i]] != values_[i]) changed_.push_back(i);
  }

  // A non-frozen row holding all of the tuple's values but one when there is one,
  // otherwise (and once in kAnyRowOneIn) any non-frozen row.
  std::size_t pick_row(const std::size_t* cols, std::uint64_t& work) {
    const std::size_t movable = rows_.size() - frozen_;
    const std::size_t start = below(rng_, movable);
    if (chance(rng_, 1, kAnyRowOneIn)) return frozen_ + start;
    for (std::size_t n = 0; n < movable; ++n) {
      std::size_t r = frozen_ + (start + n) % movable;
      std::size_t differing = 0;
      for (std::size_t i = 0; i < space_.strength() && differing < 2; ++i) differing += rows_[r][cols[i]] != values_[i];
      if (differing == 1) {
        work += n / 8 + 1;
        return r;
      }
    }
    work += movable / 8 + 1;
    return frozen_ + start;
  }

  bool breaks_constraint(Row& row, const std::size_t* cols) {
    save(row, cols);
    for (std::size_t i : changed_) row[cols[i]] = values_[i];
    bool broken = false;
    for (std::size_t i = 0; i < changed_.size() && !broken; ++i) broken = constraints_.violated_at(row, cols[changed_[i]]);
    restore(row, cols);
    return broken;
  }

  // Tuples newly uncovered minus tuples newly covered if the tuple's values were written
  // into `row`; `row` is left as it was.
  long evaluate(Row& row, const std::size_t* cols, std::uint64_t& work) {
    if (changed_.size() == 1) return evaluate_cell(row, cols[changed_[0]], values_[changed_[0]], work);
    // Several cells: a subset through more than one of them counts once.
    ++stamp_;
    old_ids_.clear();
    for (std::size_t i : changed_) {
      for (std::uint32_t s : space_.subsets_with(cols[i])) {
        if (touched_[s] == stamp_) continue;
        touched_[s] = stamp_;
        old_ids_.emplace_back(s, space_.tuple_id(s, row));
      }
    }
    save(row, cols);
    for (std::size_t i : changed_) row[cols[i]] = values_[i];
    long delta = 0;
    for (auto [s, old_id] : old_ids_) {
      delta += coverage_.covered_once(old_id);
      delta -= coverage_.is_uncovered(space_.tuple_id(s, row));
    }
    restore(row, cols);
    work += 2 * old_ids_.size();
    return delta;
  }

  // The common case, one cell: each tuple through it moves by its stride.
  long evaluate_cell(const Row& row, std::size_t column, std::size_t value, std::uint64_t& work) {
    if (space_.strength() == 2) return evaluate_pair_cell(row, column, value, work);
    const auto& subsets = space_.subsets_with(column);
    const auto& strides = space_.strides_with(column);
    auto old_value = static_cast<std::uint32_t>(row[column]), new_value = static_cast<std::uint32_t>(value);
    long delta = 0;
    for (std::size_t i = 0; i < subsets.size(); ++i) {
      std::uint32_t old_id = space_.tuple_id(subsets[i], row);
      delta += coverage_.covered_once(old_id);
      delta -= coverage_.is_uncovered(old_id - old_value * strides[i] + new_value * strides[i]);
    }
    work += 2 * subsets.size();
    return delta;
  }

  // evaluate_cell at strength 2, from the compact pair records.
  long evaluate_pair_cell(const Row& row, std::size_t column, std::size_t value, std::uint64_t& work) {
    const auto& terms = space_.pair_terms(column);
    const std::uint32_t old_value = static_cast<std::uint32_t>(row[column]);
    const std::uint32_t new_value = static_cast<std::uint32_t>(value);
    long delta = 0;
    for (const TupleSpace::PairTerm& term : terms) {
      std::uint32_t base = term.offset + static_cast<std::uint32_t>(row[term.other]) * term.other_stride;
      delta += coverage_.covered_once(base + old_value * term.own_stride);
      delta -= coverage_.is_uncovered(base + new_value * term.own_stride);
    }
    work += 2 * terms.size();
    return delta;
  }

  bool accept(long delta, double accept_worse) {
    double p = 1;
    for (long d = 0; d < delta && p > 0; ++d) p *= accept_worse;
    // 53 random bits as a fraction in [0, 1): exact, so the comparison is the same everywhere.
    return static_cast<double>(rng_.next() >> 11) * 0x1.0p-53 < p;
  }

  void save(const Row& row, const std::size_t* cols) {
    saved_.resize(space_.strength());
    for (std::size_t i = 0; i < space_.strength(); ++i) saved_[i] = row[cols[i]];
  }
  void restore(Row& row, const std::size_t* cols) const {
    for (std::size_t i = 0; i < space_.strength(); ++i) row[cols[i]] = saved_[i];
  }

  const TupleSpace& space_;
  const Constraints& constraints_;
  Coverage& coverage_;
  std::vector<Row>& rows_;
  std::size_t frozen_;
  Rng& rng_;
  std::vector<std::size_t> values_, saved_, changed_;  // changed_: indices into the tuple's columns
  std::vector<std::pair<std::uint32_t, std::uint32_t>> old_ids_;  // (subset, tuple id before the move)
  std::vector<std::uint64_t> touched_;                            // per subset: stamp_ once listed
  std::uint64_t stamp_ = 0;
};

}  // namespace

bool anneal(const TupleSpace& space, const Constraints& constraints, Coverage& coverage, std::vector<Row>& rows,
            std::size_t frozen, double accept_worse, std::uint64_t& work, std::uint64_t budget, Rng& rng) {
  Annealer annealer(space, constraints, coverage, rows, frozen, rng);
  return annealer.run(accept_worse, work, budget);
}

}  // namespace glassbox::generators::combinatorial::detail
