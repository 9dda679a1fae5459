// Properties of build_covering_array on random small models with random constraints and
// required rows, judged by the independent checker.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "generators/combinatorial/covering_array.hpp"

namespace glassbox::generators::combinatorial {
namespace {

// A combination of `size` distinct parameters of the model with random values.
Combination random_combination(const std::vector<std::size_t>& levels, std::size_t size) {
  std::vector<std::size_t> params(levels.size());
  for (std::size_t p = 0; p < params.size(); ++p) params[p] = p;
  Combination out;
  for (std::size_t i = 0; i < size && !params.empty(); ++i) {
    std::size_t pick = *rc::gen::inRange<std::size_t>(0, params.size());
    std::size_t p = params[pick];
    params.erase(params.begin() + static_cast<std::ptrdiff_t>(pick));
    out.push_back({p, *rc::gen::inRange<std::size_t>(0, levels[p])});
  }
  return out;
}

CaModel random_model() {
  CaModel m;
  std::size_t k = *rc::gen::inRange<std::size_t>(1, 7);
  for (std::size_t p = 0; p < k; ++p) m.levels.push_back(*rc::gen::inRange<std::size_t>(1, 5));
  m.strength = *rc::gen::inRange(1, 4);
  std::size_t forbidden = *rc::gen::inRange<std::size_t>(0, 4);
  for (std::size_t i = 0; i < forbidden && k >= 2; ++i)
    m.forbidden.push_back(random_combination(m.levels, *rc::gen::inRange<std::size_t>(2, std::min<std::size_t>(k, 3) + 1)));
  std::size_t required = *rc::gen::inRange<std::size_t>(0, 3);
  for (std::size_t i = 0; i < required; ++i)
    m.required.push_back(random_combination(m.levels, *rc::gen::inRange<std::size_t>(1, k + 1)));
  m.seed = *rc::gen::arbitrary<std::uint64_t>();
  m.effort = 300'000;
  return m;
}

bool allowed(const CaModel& m, const std::vector<std::size_t>& row) {
  for (const Combination& f : m.forbidden) {
    bool all = true;
    for (const Assignment& a : f) all = all && row[a.parameter] == a.value;
    if (all) return false;
  }
  return true;
}

// Whether some allowed full row holds `combination`, by enumerating every row.
bool some_allowed_row_holds(const CaModel& m, const Combination& combination) {
  std::vector<std::size_t> row(m.levels.size(), 0);
  while (true) {
    bool holds = true;
    for (const Assignment& a : combination) holds = holds && row[a.parameter] == a.value;
    if (holds && allowed(m, row)) return true;
    std::size_t i = row.size();
    while (i > 0 && ++row[i - 1] == m.levels[i - 1]) row[--i] = 0;
    if (i == 0) return false;
  }
}

RC_GTEST_PROP(CoveringArrayProperties, CoversEveryAllowedTupleAvoidsForbiddenHoldsRequired, ()) {
  CaModel m = random_model();
  auto array = build_covering_array(m);
  if (!array) {
    // The only refusal a well-formed model can get: a required row the constraints exclude.
    bool excluded = false;
    for (const Combination& r : m.required) excluded = excluded || !some_allowed_row_holds(m, r);
    RC_ASSERT(excluded);
    return;
  }
  Status check = check_covering_array(m, *array);
  RC_ASSERT(check.ok());
}

RC_GTEST_PROP(CoveringArrayProperties, SameSeedGivesTheSameArray, ()) {
  CaModel m = random_model();
  auto a = build_covering_array(m), b = build_covering_array(m);
  RC_ASSERT(a.ok() == b.ok());
  if (a.ok()) RC_ASSERT(a->rows == b->rows);
}

RC_GTEST_PROP(CoveringArrayProperties, NeverFewerRowsThanTheTrivialBoundWithoutConstraints, ()) {
  CaModel m = random_model();
  m.forbidden.clear();
  auto array = build_covering_array(m);
  RC_ASSERT(array.ok());
  RC_ASSERT(array->rows.size() >= trivial_lower_bound(m));
}

}  // namespace
}  // namespace glassbox::generators::combinatorial
