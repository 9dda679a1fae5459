// The cyclic CA(19; 2, 40, 3) (generators/combinatorial/cyclic_ternary.cpp), judged by the
// independent checker: every pair of every two of its columns, at full width, on any
// subset of columns and with fewer levels, and through the whole builder for 3^40.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "generators/combinatorial/constructions.hpp"
#include "generators/combinatorial/covering_array.hpp"

namespace glassbox::generators::combinatorial {
namespace {

using detail::Row;

CaModel ternary(std::size_t k) {
  CaModel m;
  m.levels.assign(k, 3);
  m.strength = 2;
  return m;
}

TEST(CyclicTernary, CoversEveryPairOfFortyTernaryColumnsInNineteenRows) {
  ASSERT_EQ(detail::cyclic_ternary_columns(), 40u);
  CaModel m = ternary(40);
  auto rows = detail::cyclic_ternary_construction(m.levels, 2);
  ASSERT_TRUE(rows.has_value());
  EXPECT_EQ(rows->size(), 19u);
  for (const Row& row : *rows) ASSERT_EQ(row.size(), 40u);
  Status check = check_covering_array(m, CoveringArray{*rows, "cyclic"});
  EXPECT_TRUE(check.ok()) << check.error().message;
}

TEST(CyclicTernary, RefusesOtherStrengthsMoreColumnsAndMoreLevels) {
  EXPECT_FALSE(detail::cyclic_ternary_construction(ternary(10).levels, 3).has_value());
  EXPECT_FALSE(detail::cyclic_ternary_construction(ternary(41).levels, 2).has_value());
  std::vector<std::size_t> levels(10, 3);
  levels[4] = 4;
  EXPECT_FALSE(detail::cyclic_ternary_construction(levels, 2).has_value());
}

// Any k <= 40 parameters of 1 to 3 values: the first k columns, symbols folded into range.
RC_GTEST_PROP(CyclicTernaryProperties, CoversEveryPairOfFewerColumnsWithFewerLevels, ()) {
  std::size_t k = *rc::gen::inRange<std::size_t>(2, 41);
  CaModel m;
  for (std::size_t p = 0; p < k; ++p) m.levels.push_back(*rc::gen::inRange<std::size_t>(1, 4));
  auto rows = detail::cyclic_ternary_construction(m.levels, 2);
  RC_ASSERT(rows.has_value());
  RC_ASSERT(rows->size() == 19u);
  RC_ASSERT(check_covering_array(m, CoveringArray{*rows, "cyclic"}).ok());
}

TEST(CyclicTernary, BuilderGivesFortyTernaryParametersNineteenRowsOrFewer) {
  CaModel m = ternary(40);
  m.seed = 1;
  auto array = build_covering_array(m);
  ASSERT_TRUE(array.ok()) << array.error().message;
  EXPECT_LE(array->rows.size(), 19u);
  Status check = check_covering_array(m, *array);
  EXPECT_TRUE(check.ok()) << check.error().message;
}

}  // namespace
}  // namespace glassbox::generators::combinatorial
