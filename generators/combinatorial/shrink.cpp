// Post-optimisation (search.hpp): drop a row, repair by annealing at the new size, repeat.
//
// Why one row at a time: the rows a construction or the greedy adds last cover few
// tuples alone, so the first drops cost next to nothing, and near the smallest reachable
// size a repair starts from an array missing only the dropped row's tuples. Restarting a
// long repair from the last complete array (with another row dropped) measured worse than
// letting it run up to its cap: the walk is rarely stuck for good, only slow.
#include <algorithm>

#include "generators/combinatorial/search.hpp"

namespace glassbox::generators::combinatorial::detail {

namespace {

// A repair gives up after this much work per tuple of the model (and at least
// kMinWorkPerRepair): the size no repair reaches must not eat the whole budget of a small
// model, whose budget is sized for large ones. The hardest repairs bench/covering keeps
// cost up to 160,000 units per tuple (5^10 at 37 rows); 10^20 needs under 5,000. For a
// suite's model of a thousand tuples that is a second at most.
constexpr std::uint64_t kWorkPerTuple = 200'000;
constexpr std::uint64_t kMinWorkPerRepair = 1'000'000;

// The acceptance of a move that uncovers one tuple more than it covers. At t >= 3 a cell
// lies in C(k-1, t-1) tuples, so deltas are coarser and a warmer walk measured best
// (bench/covering: 3^6 at strength 3 needs 0.3 on every seed tried, 10^20 at strength 2
// wants it cold).
double accept_worse(std::size_t strength) { return strength <= 2 ? 0.04 : 0.3; }

// The non-frozen row whose removal uncovers the fewest tuples (the first on ties).
std::size_t least_useful_row(const TupleSpace& space, const Coverage& coverage, const std::vector<Row>& rows,
                             std::size_t frozen) {
  std::size_t best = frozen, best_alone = SIZE_MAX;
  for (std::size_t r = frozen; r < rows.size(); ++r) {
    std::size_t alone = 0;
    for (std::size_t s = 0; s < space.subset_count(); ++s) alone += coverage.covered_once(space.tuple_id(s, rows[r]));
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
  const std::uint64_t repair_cap = std::max(kMinWorkPerRepair, kWorkPerTuple * space.tuple_count());
  while (work < effort && rows.size() > frozen && rows.size() > lower_bound) {
    std::size_t drop = least_useful_row(space, coverage, rows, frozen);
    work += rows.size() * space.subset_count();
    coverage.remove_row(rows[drop]);
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(drop));
    std::uint64_t budget = std::min(effort, work + repair_cap);
    if (!anneal(space, constraints, coverage, rows, frozen, accept_worse(space.strength()), work, budget, rng)) break;
    best = rows;
  }
  return best;
}

}  // namespace glassbox::generators::combinatorial::detail
