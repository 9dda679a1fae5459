// Properties of the covering-array builder's inner searches (generators/combinatorial/
// search.hpp, constructions.hpp): the annealing repair, the projected plane and the
// completion of a partial array, judged by the independent checker and by recounting.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "generators/combinatorial/constraints.hpp"
#include "generators/combinatorial/constructions.hpp"
#include "generators/combinatorial/covering_array.hpp"
#include "generators/combinatorial/search.hpp"

namespace glassbox::generators::combinatorial {
namespace {

using detail::Row;

// A small model with random forbidden pairs (no required rows: the searches get frozen
// rows directly).
CaModel random_model(std::size_t max_strength) {
  CaModel m;
  std::size_t k = *rc::gen::inRange<std::size_t>(2, 7);
  for (std::size_t p = 0; p < k; ++p) m.levels.push_back(*rc::gen::inRange<std::size_t>(1, 5));
  m.strength = static_cast<int>(*rc::gen::inRange<std::size_t>(2, std::min(max_strength, k) + 1));
  std::size_t forbidden = *rc::gen::inRange<std::size_t>(0, 3);
  for (std::size_t i = 0; i < forbidden; ++i) {
    std::size_t a = *rc::gen::inRange<std::size_t>(0, k), b = *rc::gen::inRange<std::size_t>(0, k);
    if (a == b) continue;
    m.forbidden.push_back({{a, *rc::gen::inRange<std::size_t>(0, m.levels[a])},
                           {b, *rc::gen::inRange<std::size_t>(0, m.levels[b])}});
  }
  return m;
}

// The pieces build.cpp hands the searches.
struct Setup {
  explicit Setup(const CaModel& m)
      : space(m.levels, static_cast<std::size_t>(m.strength)), constraints(m.levels, m.forbidden) {
    excluded.assign(space.tuple_count(), false);
    std::vector<std::size_t> values;
    for (std::uint32_t id = 0; id < space.tuple_count(); ++id) {
      space.values_of(id, values);
      const std::size_t* cols = space.columns(space.subset_of(id));
      Row row(space.columns_count(), detail::kUnset);
      for (std::size_t i = 0; i < space.strength(); ++i) row[cols[i]] = values[i];
      excluded[id] = !constraints.completable(row);
    }
  }
  detail::TupleSpace space;
  detail::Constraints constraints;
  std::vector<bool> excluded;
};

// Greedy rows for the model: a complete array to start from.
std::vector<Row> greedy_array(const Setup& s, detail::Rng& rng) {
  detail::Coverage coverage(s.space, s.excluded);
  return detail::greedy_rows(s.space, s.constraints, coverage, rng);
}

// The outcome of dropping the first `drop` non-frozen rows of a greedy array and annealing.
struct Annealed {
  bool complete = false;
  std::vector<Row> before, after;
  std::size_t uncovered = 0;        // as the Coverage says
  std::size_t recounted = 0;        // recounted from the rows
};

Annealed drop_and_anneal(const CaModel& m, std::uint64_t seed, std::size_t frozen, std::size_t drop) {
  Setup s(m);
  detail::Rng rng(seed);
  Annealed out;
  out.before = greedy_array(s, rng);
  frozen = std::min(frozen, out.before.size());
  std::vector<Row> rows = out.before;
  for (std::size_t i = 0; i < drop && rows.size() > frozen; ++i) rows.pop_back();
  detail::Coverage coverage(s.space, s.excluded);
  for (const Row& row : rows) coverage.add_row(row);
  std::uint64_t work = 0;
  out.complete = detail::anneal(s.space, s.constraints, coverage, rows, frozen, 0.04, work, 300'000, rng);
  out.uncovered = coverage.uncovered();
  detail::Coverage recount(s.space, s.excluded);
  for (const Row& row : rows) recount.add_row(row);
  out.recounted = recount.uncovered();
  out.after = std::move(rows);
  return out;
}

RC_GTEST_PROP(AnnealProperties, ACompleteRepairCoversEveryTupleAndKeepsConstraintsAndFrozenRows, ()) {
  CaModel m = random_model(3);
  auto seed = *rc::gen::arbitrary<std::uint64_t>();
  auto frozen = *rc::gen::inRange<std::size_t>(0, 3);
  auto drop = *rc::gen::inRange<std::size_t>(1, 3);
  Annealed a = drop_and_anneal(m, seed, frozen, drop);
  RC_ASSERT(a.uncovered == a.recounted);
  RC_ASSERT(a.complete == (a.uncovered == 0));
  frozen = std::min(frozen, a.before.size());
  for (std::size_t r = 0; r < frozen; ++r) RC_ASSERT(a.after[r] == a.before[r]);
  for (const Row& row : a.after) {
    for (const Combination& f : m.forbidden) {
      bool all = true;
      for (const Assignment& x : f) all = all && row[x.parameter] == x.value;
      RC_ASSERT(!all);
    }
  }
  if (a.complete) RC_ASSERT(check_covering_array(m, CoveringArray{a.after, "annealed"}).ok());
}

RC_GTEST_PROP(AnnealProperties, SameSeedGivesTheSameRepair, ()) {
  CaModel m = random_model(3);
  auto seed = *rc::gen::arbitrary<std::uint64_t>();
  Annealed a = drop_and_anneal(m, seed, 1, 2), b = drop_and_anneal(m, seed, 1, 2);
  RC_ASSERT(a.after == b.after);
  RC_ASSERT(a.complete == b.complete);
}

// Prime powers q with the largest level v <= q: the plane's q^2 - (q - v) rows cover
// every pair of up to q + 1 + (q - v) parameters once its free cells take any value.
RC_GTEST_PROP(ProjectedPlaneProperties, CoversEveryPairOfItsColumnsWhateverItsFreeCellsHold, ()) {
  const std::vector<std::size_t> orders = {2, 3, 4, 5, 7, 8, 9};
  std::size_t q = *rc::gen::elementOf(orders);
  std::size_t v = *rc::gen::inRange<std::size_t>(2, q + 1);
  std::size_t k = *rc::gen::inRange<std::size_t>(2, 2 * q + 2 - v);
  CaModel m;
  for (std::size_t p = 0; p < k; ++p) m.levels.push_back(p == 0 ? v : *rc::gen::inRange<std::size_t>(1, v + 1));
  auto plane = detail::projected_plane(m.levels, q, 100000);
  RC_ASSERT(plane.has_value());
  RC_ASSERT(plane->size() == q * q - (q - v));
  auto fill = *rc::gen::inRange<std::size_t>(0, 2);
  for (Row& row : *plane)
    for (std::size_t c = 0; c < k; ++c)
      if (row[c] == detail::kUnset) row[c] = fill == 0 ? 0 : m.levels[c] - 1;
  RC_ASSERT(check_covering_array(m, CoveringArray{*plane, "plane"}).ok());
}

RC_GTEST_PROP(CompleteRowsProperties, GrowsAPartialArrayIntoACoveringArray, ()) {
  CaModel m;
  std::size_t k = *rc::gen::inRange<std::size_t>(2, 9);
  for (std::size_t p = 0; p < k; ++p) m.levels.push_back(*rc::gen::inRange<std::size_t>(1, 5));
  std::size_t open = *rc::gen::inRange<std::size_t>(0, k + 1);
  std::size_t rows_count = *rc::gen::inRange<std::size_t>(0, 12);
  std::vector<Row> rows;
  for (std::size_t r = 0; r < rows_count; ++r) {
    Row row(k, detail::kUnset);
    for (std::size_t c = 0; c < open; ++c)
      if (*rc::gen::inRange(0, 4) != 0) row[c] = *rc::gen::inRange<std::size_t>(0, m.levels[c]);
    rows.push_back(std::move(row));
  }
  Setup s(m);
  detail::Rng rng(*rc::gen::arbitrary<std::uint64_t>());
  std::vector<Row> complete = detail::complete_rows(s.space, s.constraints, s.excluded, rows, open, rng);
  RC_ASSERT(complete.size() >= rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < k; ++c)
      if (rows[r][c] != detail::kUnset) RC_ASSERT(complete[r][c] == rows[r][c]);
  RC_ASSERT(check_covering_array(m, CoveringArray{complete, "completed"}).ok());
}

// Models the projected planes and their growth serve (strength 2, no constraints, more
// parameters than the plane has columns), through the whole builder.
RC_GTEST_PROP(CoveringArrayPlaneProperties, ManyParametersAtStrengthTwoAreCovered, ()) {
  CaModel m;
  std::size_t v = *rc::gen::inRange<std::size_t>(2, 6);
  std::size_t k = *rc::gen::inRange<std::size_t>(3, 16);
  for (std::size_t p = 0; p < k; ++p) m.levels.push_back(p == 0 ? v : *rc::gen::inRange<std::size_t>(1, v + 1));
  m.seed = *rc::gen::arbitrary<std::uint64_t>();
  m.effort = 300'000;
  auto array = build_covering_array(m);
  RC_ASSERT(array.ok());
  RC_ASSERT(check_covering_array(m, *array).ok());
  auto again = build_covering_array(m);
  RC_ASSERT(again.ok() && again->rows == array->rows);
}

TEST(ProjectedPlane, GivesSeventeenColumnsOfTenValuesIn166RowsOverGF13) {
  CaModel m;
  m.levels.assign(17, 10);
  auto plane = detail::projected_plane(m.levels, 13, 100000);
  ASSERT_TRUE(plane.has_value());
  EXPECT_EQ(plane->size(), 166u);
  for (Row& row : *plane)
    for (std::size_t& cell : row)
      if (cell == detail::kUnset) cell = 0;
  Status check = check_covering_array(m, CoveringArray{*plane, "plane"});
  EXPECT_TRUE(check.ok()) << check.error().message;
}

TEST(ProjectedPlane, RefusesAnOrderThatIsNotAPrimePowerOrBelowTheLevels) {
  std::vector<std::size_t> levels(5, 4);
  EXPECT_FALSE(detail::projected_plane(levels, 6, 100000).has_value());
  EXPECT_FALSE(detail::projected_plane(levels, 3, 100000).has_value());
  EXPECT_FALSE(detail::projected_plane(levels, 5, 20).has_value());
}

}  // namespace
}  // namespace glassbox::generators::combinatorial
