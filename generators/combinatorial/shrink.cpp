// Post-optimisation (search.hpp): drop a row, repair by local search, repeat.
//
// The repair is a focused walk: pick an uncovered tuple, and among the rows that could
// hold it (writing its t values into the row), take the one that leaves the fewest
// tuples uncovered, or now and then a random one so the walk escapes plateaus; a short
// tabu list keeps it from undoing the move it just made. This is the move of the
// best-performing covering-array searches (Nurmela's tabu search, CASA's annealing),
// without their temperature schedule: a budget counted in work keeps it deterministic.
#include <algorithm>
#include <deque>

#include "generators/combinatorial/search.hpp"

namespace glassbox::generators::combinatorial::detail {

namespace {

constexpr std::uint64_t kNoiseOneIn = 10;  // a random row once in this many moves
constexpr std::size_t kTabuLength = 6;     // (row, tuple subset) pairs barred after a move
// A repair gives up after this many moves per tuple of the model (and at least
// kMinStepsPerRepair): a row count that cannot be reached must not eat the whole budget
// of a small model, whose budget is sized for large ones.
constexpr std::uint64_t kStepsPerTuple = 100;
constexpr std::uint64_t kMinStepsPerRepair = 20000;

class Repair final {
 public:
  Repair(const TupleSpace& space, const Constraints& constraints, Coverage& coverage, std::vector<Row>& rows,
         std::size_t frozen, Rng& rng)
      : space_(space), constraints_(constraints), coverage_(coverage), rows_(rows), frozen_(frozen), rng_(rng) {}

  // Moves until nothing is uncovered or the budget runs out; true when complete.
  bool run(std::uint64_t& work, std::uint64_t budget) {
    std::uint64_t max_steps = std::max(kMinStepsPerRepair, kStepsPerTuple * space_.tuple_count());
    for (std::uint64_t steps = 0; coverage_.uncovered() > 0; ++steps) {
      if (work >= budget || steps == max_steps) return false;
      step(work);
    }
    return true;
  }

 private:
  void step(std::uint64_t& work) {
    ++work;  // so a step with no allowed row still spends budget
    std::uint32_t tuple = coverage_.uncovered_at(rng_.index(coverage_.uncovered()));
    std::size_t subset = space_.subset_of(tuple);
    space_.values_of(tuple, values_);
    const std::size_t* cols = space_.columns(subset);

    bool noisy = chance(rng_, 1, kNoiseOneIn);
    std::size_t chosen = rows_.size(), best = SIZE_MAX, ties = 0, valid = 0;
    for (std::size_t r = frozen_; r < rows_.size(); ++r) {
      if (is_tabu(r, subset)) continue;
      auto [uncovered, allowed] = try_move(r, cols, work);
      if (!allowed) continue;
      ++valid;
      if (noisy) {  // reservoir sampling over the allowed rows
        if (rng_.index(valid) == 0) chosen = r;
        continue;
      }
      if (uncovered < best) {
        best = uncovered;
        chosen = r;
        ties = 1;
      } else if (uncovered == best && rng_.index(++ties) == 0) {
        chosen = r;
      }
    }
    if (chosen == rows_.size()) return;
    for (std::size_t i = 0; i < space_.strength(); ++i) coverage_.set_cell(rows_[chosen], cols[i], values_[i]);
    tabu_.emplace_back(chosen, subset);
    if (tabu_.size() > kTabuLength) tabu_.pop_front();
  }

  // The uncovered count after writing the tuple into row r, and whether the row stays
  // allowed; the row is left as it was.
  std::pair<std::size_t, bool> try_move(std::size_t r, const std::size_t* cols, std::uint64_t& work) {
    Row& row = rows_[r];
    old_.assign(space_.strength(), 0);
    for (std::size_t i = 0; i < space_.strength(); ++i) {
      old_[i] = row[cols[i]];
      if (old_[i] != values_[i]) work += 2 * space_.subsets_with(cols[i]).size();
      coverage_.set_cell(row, cols[i], values_[i]);
    }
    bool allowed = true;
    if (!constraints_.empty())
      for (std::size_t i = 0; i < space_.strength() && allowed; ++i) allowed = !constraints_.violated_at(row, cols[i]);
    std::size_t uncovered = coverage_.uncovered();
    for (std::size_t i = space_.strength(); i > 0; --i) coverage_.set_cell(row, cols[i - 1], old_[i - 1]);
    return {uncovered, allowed};
  }

  bool is_tabu(std::size_t row, std::size_t subset) const {
    return std::find(tabu_.begin(), tabu_.end(), std::make_pair(row, subset)) != tabu_.end();
  }

  const TupleSpace& space_;
  const Constraints& constraints_;
  Coverage& coverage_;
  std::vector<Row>& rows_;
  std::size_t frozen_;
  Rng& rng_;
  std::vector<std::size_t> values_, old_;
  std::deque<std::pair<std::size_t, std::size_t>> tabu_;
};

// The non-frozen row whose removal uncovers the fewest tuples (the first on ties).
std::size_t least_useful_row(const TupleSpace& space, const Coverage& coverage, const std::vector<Row>& rows,
                             std::size_t frozen) {
  std::size_t best = frozen, best_alone = SIZE_MAX;
  for (std::size_t r = frozen; r < rows.size(); ++r) {
    std::size_t alone = 0;
    for (std::size_t s = 0; s < space.subset_count(); ++s) {
      std::uint32_t id = space.tuple_id(s, rows[r]);
      if (coverage.count(id) == 1 && !coverage.excluded(id)) ++alone;
    }
    if (alone < best_alone) {
      best_alone = alone;
      best = r;
    }
  }
  return best;
}

}  // namespace

std::vector<Row> shrink(const TupleSpace& space, const Constraints& constraints, const std::vector<bool>& excluded,
                        std::vector<Row> rows, std::size_t frozen, std::uint64_t lower_bound, std::uint64_t effort,
                        Rng& rng) {
  Coverage coverage(space, excluded);
  for (const Row& row : rows) coverage.add_row(row);
  std::vector<Row> best = rows;
  std::uint64_t work = 0;
  while (work < effort && rows.size() > frozen && rows.size() > lower_bound) {
    std::size_t drop = least_useful_row(space, coverage, rows, frozen);
    work += rows.size() * space.subset_count();
    coverage.remove_row(rows[drop]);
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(drop));
    Repair repair(space, constraints, coverage, rows, frozen, rng);
    if (!repair.run(work, effort)) break;
    best = rows;
  }
  return best;
}

}  // namespace glassbox::generators::combinatorial::detail
