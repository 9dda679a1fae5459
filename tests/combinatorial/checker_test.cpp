// The independent coverage check on hand-made arrays: it must accept a real covering
// array and name exactly what is wrong with a broken one.
#include <gtest/gtest.h>

#include "generators/combinatorial/covering_array.hpp"

namespace glassbox::generators::combinatorial {
namespace {

CaModel binary(std::size_t k, int t = 2) {
  CaModel m;
  m.levels.assign(k, 2);
  m.strength = t;
  return m;
}

// The optimal strength-2 array for 2^3: four rows.
const std::vector<std::vector<std::size_t>> kFourRows = {{0, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}};

TEST(CoveringArrayChecker, AcceptsACompleteArray) {
  EXPECT_TRUE(check_covering_array(binary(3), {kFourRows, "hand"}).ok());
}

TEST(CoveringArrayChecker, NamesTheFirstMissingTuple) {
  auto rows = kFourRows;
  rows.pop_back();  // {1, 1, 0} held p0=1,p1=1 alone
  Status s = check_covering_array(binary(3), {rows, "hand"});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "missing tuple (p0=1, p1=1)");
}

TEST(CoveringArrayChecker, FindsAMissingTupleOfStrengthThree) {
  // Strength 2 is complete, strength 3 needs all 8 rows.
  Status s = check_covering_array(binary(3, 3), {kFourRows, "hand"});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "missing tuple (p0=0, p1=0, p2=1)");
}

TEST(CoveringArrayChecker, RejectsARowWithAForbiddenCombination) {
  CaModel m = binary(3);
  m.forbidden = {{{0, 1}, {2, 1}}};
  Status s = check_covering_array(m, {kFourRows, "hand"});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "row 2 holds forbidden combination (p0=1, p2=1)");
}

TEST(CoveringArrayChecker, DoesNotAskForForbiddenTuples) {
  CaModel m = binary(3);
  m.forbidden = {{{0, 1}, {1, 1}}};
  std::vector<std::vector<std::size_t>> rows = {{0, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 0, 0}, {0, 1, 0}};
  EXPECT_TRUE(check_covering_array(m, {rows, "hand"}).ok());
}

TEST(CoveringArrayChecker, DoesNotAskForTuplesTheConstraintsMakeImpossible) {
  // p0=1 forbids both values of p2, so no row may have p0=1 at all.
  CaModel m = binary(3);
  m.forbidden = {{{0, 1}, {2, 0}}, {{0, 1}, {2, 1}}};
  std::vector<std::vector<std::size_t>> rows = {{0, 0, 0}, {0, 1, 1}, {0, 0, 1}, {0, 1, 0}};
  EXPECT_TRUE(check_covering_array(m, {rows, "hand"}).ok());
}

TEST(CoveringArrayChecker, NamesARequiredCombinationNoRowHolds) {
  CaModel m = binary(3);
  m.required = {{{0, 1}, {1, 1}, {2, 1}}};
  Status s = check_covering_array(m, {kFourRows, "hand"});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "required combination (p0=1, p1=1, p2=1) is in no row");
}

TEST(CoveringArrayChecker, RejectsValuesOutOfRangeAndShortRows) {
  auto rows = kFourRows;
  rows[1][2] = 2;
  EXPECT_EQ(check_covering_array(binary(3), {rows, "hand"}).error().message, "row 1 gives p2 value 2 of 2");
  rows = kFourRows;
  rows[3].pop_back();
  EXPECT_EQ(check_covering_array(binary(3), {rows, "hand"}).error().message, "row 3 has 2 values for 3 parameters");
}

}  // namespace
}  // namespace glassbox::generators::combinatorial
