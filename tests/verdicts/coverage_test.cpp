// Coverage evaluation from hand-built span rows: each kind, the undeclared lists, goals and
// the run verdict, and the canonical path shape.
#include "reports/verdicts/coverage.hpp"

#include <algorithm>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace glassbox::reports {
namespace {

TraceSpan span(std::string id, std::string parent, std::string name, Value attributes = Value::object(),
               std::string service = "svc") {
  TraceSpan s;
  s.span_id = std::move(id);
  s.parent_span_id = std::move(parent);
  s.name = std::move(name);
  s.service = std::move(service);
  s.attributes = std::move(attributes);
  return s;
}

CaseResult passed_case(std::string id, std::vector<TraceSpan> spans, std::string suite = "demo") {
  CaseResult c;
  c.id = std::move(id);
  c.suite = std::move(suite);
  c.outcome = Outcome::Passed;
  c.spans = std::move(spans);
  return c;
}

suite::ServiceCoverage service(std::string name = "svc") {
  suite::ServiceCoverage s;
  s.service = std::move(name);
  return s;
}

struct Row {
  std::string kind, item;
  bool declared;
  std::vector<std::string> cases;
  bool operator==(const Row&) const = default;
};

std::vector<Row> rows(const RunResults& r) {
  std::vector<Row> out;
  for (const CoverageItem& i : r.coverage) out.push_back({i.kind, i.item, i.declared, i.cases});
  return out;
}

void PrintTo(const Row& r, std::ostream* os) {
  *os << r.kind << " " << r.item << (r.declared ? "" : " (undeclared)") << " [";
  for (const auto& c : r.cases) *os << c << ";";
  *os << "]";
}

TEST(PathShape, SortsChildrenByTheirCanonicalText) {
  const std::vector<TraceSpan> rows{span("1", "", "root"), span("2", "1", "zeta"), span("3", "1", "alpha"),
                                    span("4", "2", "leaf"), span("5", "1", "alpha")};
  EXPECT_EQ(path_shape(rows, 0), "root(alpha,alpha,zeta(leaf))");
  EXPECT_EQ(path_shape(rows, 1), "zeta(leaf)");
  EXPECT_EQ(path_shape(rows, 2), "alpha");
}

TEST(PathShape, IsTheSameWhateverTheRowOrder) {
  const std::vector<TraceSpan> a{span("1", "", "r"), span("2", "1", "b"), span("3", "2", "x"), span("4", "1", "a")};
  const std::vector<TraceSpan> b{span("4", "1", "a"), span("3", "2", "x"), span("2", "1", "b"), span("1", "", "r")};
  EXPECT_EQ(path_shape(a, 0), "r(a,b(x))");
  EXPECT_EQ(path_shape(b, 3), "r(a,b(x))");
}

TEST(PathShape, SortsByChildTextNotByName) {
  // "a(z)" sorts after "a" but before "b" as text.
  const std::vector<TraceSpan> rows{span("1", "", "r"), span("2", "1", "b"), span("3", "1", "a"),
                                    span("4", "3", "z"), span("5", "1", "a")};
  EXPECT_EQ(path_shape(rows, 0), "r(a,a(z),b)");
}

// A random tree (each span's parent an earlier span) has the same shape whatever order its
// rows arrive in: the shape depends on the tree, not on the list.
RC_GTEST_PROP(PathShape, DoesNotDependOnRowOrder, ()) {
  const auto count = *rc::gen::inRange<std::size_t>(1, 12);
  std::vector<TraceSpan> rows;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string parent = i == 0 ? "" : std::to_string(*rc::gen::inRange<std::size_t>(0, i));
    rows.push_back(span(std::to_string(i), parent, *rc::gen::element<std::string>("a", "b", "c")));
  }
  const std::string shape = path_shape(rows, 0);
  std::vector<TraceSpan> shuffled = rows;
  const auto order = *rc::gen::unique<std::vector<std::size_t>>(count, rc::gen::inRange<std::size_t>(0, count));
  for (std::size_t i = 0; i < count; ++i) shuffled[i] = rows[order[i]];
  const auto root = static_cast<std::size_t>(std::find(order.begin(), order.end(), 0u) - order.begin());
  RC_ASSERT(path_shape(shuffled, root) == shape);
}

TEST(EvaluateCoverage, OperationsListCoveringCasesAndUndeclaredNames) {
  RunResults r;
  r.cases = {passed_case("c1", {span("1", "", "validate"), span("2", "1", "debug")}),
             passed_case("c2", {span("1", "", "validate"), span("2", "1", "audit"), span("3", "1", "validate")}),
             passed_case("other", {span("1", "", "classify")}, "other-suite"),
             passed_case("c3", {span("1", "", "classify", Value::object(), "elsewhere")})};
  suite::CoverageModel model;
  auto s = service();
  s.operations = {"validate", "classify"};
  model.services.push_back(s);
  evaluate_coverage("demo", model, r);
  EXPECT_EQ(rows(r), (std::vector<Row>{{"operations", "validate", true, {"c1", "c2"}},
                                       {"operations", "classify", true, {}},
                                       {"operations", "audit", false, {"c2"}},
                                       {"operations", "debug", false, {"c1"}}}));
  ASSERT_EQ(r.coverage_totals.size(), 1u);
  EXPECT_EQ(r.coverage_totals[0].suite, "demo");
  EXPECT_EQ(r.coverage_totals[0].service, "svc");
  EXPECT_EQ(r.coverage_totals[0].kind, "operations");
  EXPECT_EQ(r.coverage_totals[0].covered, 1);
  EXPECT_EQ(r.coverage_totals[0].declared, 2);
  EXPECT_FALSE(r.coverage_totals[0].goal.has_value());
  EXPECT_TRUE(r.passed());
}

TEST(EvaluateCoverage, BranchesUseJsonTextForNonStringValues) {
  RunResults r;
  r.cases = {passed_case("c1", {span("1", "", "classify", {{"branch", "scalene"}, {"ok", true}})}),
             passed_case("c2", {span("1", "", "classify", {{"branch", "isosceles"}, {"ok", false}})}),
             passed_case("c3", {span("1", "", "classify", {{"branch", "weird"}, {"ok", 3}})}),
             passed_case("c4", {span("1", "", "parse", {{"branch", "scalene"}})})};
  suite::CoverageModel model;
  auto s = service();
  s.branches.push_back({"classify", "branch", {Value("scalene"), Value("equilateral")}, {}});
  s.branches.push_back({"classify", "ok", {Value(true), Value(false)}, {}});
  model.services.push_back(s);
  evaluate_coverage("demo", model, r);
  EXPECT_EQ(rows(r), (std::vector<Row>{{"branches", "classify.branch=scalene", true, {"c1"}},
                                       {"branches", "classify.branch=equilateral", true, {}},
                                       {"branches", "classify.ok=true", true, {"c1"}},
                                       {"branches", "classify.ok=false", true, {"c2"}},
                                       {"branches", "classify.branch=isosceles", false, {"c2"}},
                                       {"branches", "classify.branch=weird", false, {"c3"}},
                                       {"branches", "classify.ok=3", false, {"c3"}}}));
  ASSERT_EQ(r.coverage_totals.size(), 1u);
  EXPECT_EQ(r.coverage_totals[0].kind, "branches");
  EXPECT_EQ(r.coverage_totals[0].covered, 3);
  EXPECT_EQ(r.coverage_totals[0].declared, 4);
}

TEST(EvaluateCoverage, ConditionsCoverTheProductInDeclaredAttributeOrder) {
  RunResults r;
  r.cases = {passed_case("c1", {span("1", "", "decide", {{"coupon", false}, {"member", true}})}),
             passed_case("c2", {span("1", "", "decide", {{"member", "maybe"}, {"coupon", true}})}),
             passed_case("c3", {span("1", "", "decide", {{"member", false}})})};
  suite::CoverageModel model;
  auto s = service();
  s.conditions.push_back({"decide", {{"member", {Value(true), Value(false)}}, {"coupon", {Value(true), Value(false)}}}, {}});
  model.services.push_back(s);
  evaluate_coverage("demo", model, r);
  EXPECT_EQ(rows(r), (std::vector<Row>{{"conditions", "decide{member=true,coupon=true}", true, {}},
                                       {"conditions", "decide{member=true,coupon=false}", true, {"c1"}},
                                       {"conditions", "decide{member=false,coupon=true}", true, {}},
                                       {"conditions", "decide{member=false,coupon=false}", true, {}},
                                       {"conditions", "decide{member=maybe,coupon=true}", false, {"c2"}}}));
  ASSERT_EQ(r.coverage_totals.size(), 1u);
  EXPECT_EQ(r.coverage_totals[0].covered, 1);
  EXPECT_EQ(r.coverage_totals[0].declared, 4);
}

TEST(EvaluateCoverage, PathsCompareTheShapeUnderEachEntrySpan) {
  RunResults r;
  r.cases = {passed_case("c1", {span("1", "", "POST /t"), span("2", "1", "validate"), span("3", "1", "classify")}),
             passed_case("c2", {span("1", "", "POST /t"), span("2", "1", "validate")}),
             passed_case("c3", {span("1", "", "POST /t"), span("2", "1", "classify"), span("3", "1", "validate")})};
  suite::CoverageModel model;
  auto s = service();
  s.paths.push_back({"POST /t", {"POST /t(classify,validate)", "POST /t(validate,validate)"}, {}});
  model.services.push_back(s);
  evaluate_coverage("demo", model, r);
  EXPECT_EQ(rows(r), (std::vector<Row>{{"paths", "POST /t: POST /t(classify,validate)", true, {"c1", "c3"}},
                                       {"paths", "POST /t: POST /t(validate,validate)", true, {}},
                                       {"paths", "POST /t: POST /t(validate)", false, {"c2"}}}));
}

TEST(EvaluateCoverage, ServiceGoalsOverrideModelGoalsAndAMissedGoalFailsTheRun) {
  RunResults r;
  r.cases = {passed_case("c1", {span("1", "", "a", {{"x", 1}})})};
  suite::CoverageModel model;
  model.goals.operations = 50;
  model.goals.branches = 90;
  auto s = service();
  s.operations = {"a", "b"};
  s.branches.push_back({"a", "x", {Value(1), Value(2)}, {}});
  s.goals.branches = 40;
  model.services.push_back(s);
  evaluate_coverage("demo", model, r);
  ASSERT_EQ(r.coverage_totals.size(), 2u);
  EXPECT_EQ(r.coverage_totals[0].kind, "operations");
  EXPECT_EQ(r.coverage_totals[0].goal, std::optional<double>(50));
  EXPECT_TRUE(r.coverage_totals[0].passed());
  EXPECT_EQ(r.coverage_totals[1].kind, "branches");
  EXPECT_EQ(r.coverage_totals[1].goal, std::optional<double>(40));
  EXPECT_TRUE(r.passed());

  RunResults strict;
  strict.cases = r.cases;
  model.services[0].goals.branches.reset();
  evaluate_coverage("demo", model, strict);
  ASSERT_EQ(strict.coverage_totals.size(), 2u);
  EXPECT_EQ(strict.coverage_totals[1].goal, std::optional<double>(90));
  EXPECT_FALSE(strict.coverage_totals[1].passed());
  EXPECT_FALSE(strict.passed());
}

TEST(EvaluateCoverage, KindsWithoutDeclaredItemsAreNotMeasured) {
  RunResults r;
  r.cases = {passed_case("c1", {span("1", "", "a")})};
  suite::CoverageModel model;
  auto s = service();
  s.branches.push_back({"a", "x", {Value("y")}, {}});
  model.services.push_back(s);
  evaluate_coverage("demo", model, r);
  ASSERT_EQ(r.coverage_totals.size(), 1u);
  EXPECT_EQ(r.coverage_totals[0].kind, "branches");
  EXPECT_EQ(rows(r), (std::vector<Row>{{"branches", "a.x=y", true, {}}}));
}

}  // namespace
}  // namespace glassbox::reports
