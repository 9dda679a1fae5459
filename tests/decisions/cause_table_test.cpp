// A cause-effect graph's decision table: which cause combinations each constraint leaves,
// and which effects hold (masks included).
#include <gtest/gtest.h>

#include "generators/decision_table/cause_table.hpp"

namespace glassbox::generators::decisions {
namespace {

using suite::CauseExpr;
using suite::ConstraintKind;

CauseExpr cause(std::string id) {
  CauseExpr e;
  e.cause = std::move(id);
  return e;
}

CauseExpr op(CauseExpr::Op kind, std::vector<CauseExpr> operands) {
  CauseExpr e;
  e.op = kind;
  e.operands = std::move(operands);
  return e;
}

// c1, c2, c3; e1 = c1 and not c2; e2 = c2 or c3.
suite::CauseEffectGraph graph(std::vector<suite::CauseConstraint> constraints = {}) {
  suite::CauseEffectGraph g;
  for (const char* id : {"c1", "c2", "c3"}) g.causes.push_back({id, "x", {"on"}, {}});
  g.effects.push_back({"e1", op(CauseExpr::Op::And, {cause("c1"), op(CauseExpr::Op::Not, {cause("c2")})}), {}, {}});
  g.effects.push_back({"e2", op(CauseExpr::Op::Or, {cause("c2"), cause("c3")}), {}, {}});
  g.constraints = std::move(constraints);
  return g;
}

suite::CauseConstraint constraint(ConstraintKind kind, std::vector<std::string> ids) {
  return {kind, std::move(ids), {}};
}

// Each row's cause values as "TFT".
std::vector<std::string> combinations(const std::vector<CauseRow>& rows) {
  std::vector<std::string> out;
  for (const CauseRow& row : rows) {
    std::string text;
    for (bool value : row.causes) text += value ? 'T' : 'F';
    out.push_back(text);
  }
  return out;
}

std::vector<CauseRow> rows_of(const suite::CauseEffectGraph& g) {
  return cause_table(g, [](const std::vector<bool>&) { return true; });
}

using Combos = std::vector<std::string>;

TEST(CauseTable, WithoutConstraintsEveryCombinationIsARowFirstCauseSlowestTrueFirst) {
  EXPECT_EQ(combinations(rows_of(graph())), (Combos{"TTT", "TTF", "TFT", "TFF", "FTT", "FTF", "FFT", "FFF"}));
}

TEST(CauseTable, ExclusiveAllowsAtMostOneTrue) {
  auto rows = rows_of(graph({constraint(ConstraintKind::Exclusive, {"c1", "c2"})}));
  EXPECT_EQ(combinations(rows), (Combos{"TFT", "TFF", "FTT", "FTF", "FFT", "FFF"}));
}

TEST(CauseTable, InclusiveNeedsAtLeastOneTrue) {
  auto rows = rows_of(graph({constraint(ConstraintKind::Inclusive, {"c1", "c2"})}));
  EXPECT_EQ(combinations(rows), (Combos{"TTT", "TTF", "TFT", "TFF", "FTT", "FTF"}));
}

TEST(CauseTable, OneAndOnlyOneNeedsExactlyOneTrue) {
  auto rows = rows_of(graph({constraint(ConstraintKind::OneAndOnlyOne, {"c1", "c2", "c3"})}));
  EXPECT_EQ(combinations(rows), (Combos{"TFF", "FTF", "FFT"}));
}

TEST(CauseTable, RequiresRemovesTheFirstWithoutTheSecond) {
  auto rows = rows_of(graph({constraint(ConstraintKind::Requires, {"c1", "c3"})}));
  EXPECT_EQ(combinations(rows), (Combos{"TTT", "TFT", "FTT", "FTF", "FFT", "FFF"}));
}

TEST(CauseTable, MasksKeepsTheRowsAndSilencesTheMaskedEffect) {
  std::vector<CauseRow> plain = rows_of(graph());
  std::vector<CauseRow> masked = rows_of(graph({constraint(ConstraintKind::Masks, {"e1", "e2"})}));
  ASSERT_EQ(combinations(masked), combinations(plain));
  // TFT: e1 (c1 and not c2) holds, so e2 (c2 or c3) is masked.
  EXPECT_EQ(describe_row(graph(), plain[2]), "c1, !c2, c3 -> e1, e2");
  EXPECT_EQ(describe_row(graph(), masked[2]), "c1, !c2, c3 -> e1");
  // FTT: e1 does not hold, so e2 stays.
  EXPECT_EQ(describe_row(graph(), masked[4]), "!c1, c2, c3 -> e2");
}

TEST(CauseTable, EffectsFollowTheirExpressions) {
  std::vector<CauseRow> rows = rows_of(graph());
  EXPECT_EQ(describe_row(graph(), rows[0]), "c1, c2, c3 -> e2");
  EXPECT_EQ(describe_row(graph(), rows[3]), "c1, !c2, !c3 -> e1");
  EXPECT_EQ(describe_row(graph(), rows[7]), "!c1, !c2, !c3 -> none");
}

TEST(CauseTable, UnrealisableCombinationsAreLeftOutAndIdsStayDense) {
  // As if c1 and c2 were two classes of one input: they cannot both hold.
  auto rows = cause_table(graph(), [](const std::vector<bool>& v) { return !(v[0] && v[1]); });
  EXPECT_EQ(combinations(rows), (Combos{"TFT", "TFF", "FTT", "FTF", "FFT", "FFF"}));
  EXPECT_EQ(rows.front().id, "R1");
  EXPECT_EQ(rows.back().id, "R6");
}

}  // namespace
}  // namespace glassbox::generators::decisions
