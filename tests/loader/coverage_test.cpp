// The `coverage` section: what a well-formed model loads into, canonical path shapes, and
// every error, checked verbatim with its location.
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <rapidcheck/gtest.h>

#include "tests/loader/loader_test_support.hpp"

namespace glassbox::loader {
namespace {

using testing::load_error;
using testing::load_ok;

// A complete suite whose `coverage` section is `coverage` (indented as a top-level key).
std::string with_coverage(const std::string& coverage) {
  return "suite: t\ntargets: {demo: builtin:demo}\nrequests: {r: {path: /}}\ncoverage:\n" + coverage;
}

TEST(LoaderCoverage, SuiteWithoutCoverageHasAnEmptyModel) {
  suite::Suite s = load_ok(R"y(suite: t
targets: {demo: builtin:demo}
requests: {r: {path: /}}
)y");
  EXPECT_TRUE(s.coverage.empty());
}

TEST(LoaderCoverage, ReadsGoalsOperationsBranchesConditionsAndPaths) {
  suite::Suite s = load_ok(with_coverage(R"y(  goals: {operations: 100, branches: 90, paths: 50}
  services:
    glassbox-demo:
      goals: {branches: 100}
      operations: ["POST /triangle", parse_body, validate]
      branches:
        classify: {branch: [equilateral, isosceles]}
        decide: {rule: [R1, R2], count: [1, 2.5]}
      conditions:
        - span: decide
          attributes: {member: [true, false], coupon: [true, false]}
      paths:
        "POST /triangle":
          - "POST /triangle(classify(inequality),parse_body,validate)"
)y"));
  const suite::CoverageModel& model = s.coverage;
  ASSERT_EQ(model.services.size(), 1u);
  EXPECT_EQ(model.goals.operations, 100.0);
  EXPECT_EQ(model.goals.branches, 90.0);
  EXPECT_FALSE(model.goals.conditions.has_value());
  EXPECT_EQ(model.goals.paths, 50.0);

  const suite::ServiceCoverage& service = model.services[0];
  EXPECT_EQ(service.service, "glassbox-demo");
  EXPECT_EQ(service.where.line, 7);
  EXPECT_EQ(service.goals.branches, 100.0);
  EXPECT_FALSE(service.goals.operations.has_value());
  EXPECT_EQ(service.operations, (std::vector<std::string>{"POST /triangle", "parse_body", "validate"}));

  ASSERT_EQ(service.branches.size(), 3u);
  EXPECT_EQ(service.branches[0].span, "classify");
  EXPECT_EQ(service.branches[0].attribute, "branch");
  EXPECT_EQ(service.branches[0].values, (std::vector<Value>{"equilateral", "isosceles"}));
  EXPECT_EQ(service.branches[0].where.line, 11);
  EXPECT_EQ(service.branches[1].span, "decide");
  EXPECT_EQ(service.branches[1].attribute, "rule");
  EXPECT_EQ(service.branches[2].attribute, "count");
  EXPECT_EQ(service.branches[2].values, (std::vector<Value>{1, 2.5}));

  ASSERT_EQ(service.conditions.size(), 1u);
  EXPECT_EQ(service.conditions[0].span, "decide");
  ASSERT_EQ(service.conditions[0].attributes.size(), 2u);
  EXPECT_EQ(service.conditions[0].attributes[0].first, "member");
  EXPECT_EQ(service.conditions[0].attributes[0].second, (std::vector<Value>{true, false}));
  EXPECT_EQ(service.conditions[0].attributes[1].first, "coupon");

  ASSERT_EQ(service.paths.size(), 1u);
  EXPECT_EQ(service.paths[0].entry, "POST /triangle");
  EXPECT_EQ(service.paths[0].shapes,
            (std::vector<std::string>{"POST /triangle(classify(inequality),parse_body,validate)"}));
}

TEST(LoaderCoverage, QuotedValuesStayStrings) {
  suite::Suite s = load_ok(with_coverage(R"y(  services:
    svc:
      branches: {s: {flag: ["true", "1", x]}}
)y"));
  ASSERT_EQ(s.coverage.services.size(), 1u);
  EXPECT_EQ(s.coverage.services[0].branches[0].values, (std::vector<Value>{"true", "1", "x"}));
}

TEST(LoaderCoverage, PathShapesAreStoredInCanonicalOrderWithRepeatsKept) {
  suite::Suite s = load_ok(with_coverage(R"y(  services:
    svc:
      paths:
        a:
          - "a(c(e,d),b,b)"
          - a
)y"));
  ASSERT_EQ(s.coverage.services.size(), 1u);
  EXPECT_EQ(s.coverage.services[0].paths[0].shapes, (std::vector<std::string>{"a(b,b,c(d,e))", "a"}));
}

TEST(LoaderCoverage, PathsToLearnHaveNoShapesYet) {
  suite::Suite s = load_ok(with_coverage(R"y(  services:
    svc:
      paths:
        "POST /orders": learn
        a: [a]
)y"));
  const auto& paths = s.coverage.services[0].paths;
  ASSERT_EQ(paths.size(), 2u);
  EXPECT_TRUE(paths[0].learn);
  EXPECT_EQ(paths[0].entry, "POST /orders");
  EXPECT_TRUE(paths[0].shapes.empty());
  EXPECT_FALSE(paths[1].learn);
  EXPECT_EQ(load_error(with_coverage("  services:\n    svc:\n      paths:\n        a: []\n")),
            "suite.yaml:8:12: paths of 'a' must list at least one shape, or be learn (shapes from a baseline run)");
}

TEST(LoaderCoverageErrors, MisspeltKeysSuggestTheRightOne) {
  EXPECT_EQ(load_error(with_coverage(R"y(  services:
    glassbox-demo:
      branchs: {classify: {branch: [a]}}
)y")),
            "suite.yaml:7:7: unknown key 'branchs' in coverage service 'glassbox-demo' (did you mean 'branches'?)");
  EXPECT_EQ(load_error(with_coverage(R"y(  goal: {branches: 10}
  services: {svc: {operations: [a]}}
)y")),
            "suite.yaml:5:3: unknown key 'goal' in 'coverage' (did you mean 'goals'?)");
  EXPECT_EQ(load_error(with_coverage(R"y(  goals: {branch: 10}
  services: {svc: {operations: [a]}}
)y")),
            "suite.yaml:5:11: unknown key 'branch' in 'goals' (did you mean 'branches'?)");
  EXPECT_EQ(load_error(with_coverage(R"y(  services:
    svc:
      goals: {condition: 10}
      operations: [a]
)y")),
            "suite.yaml:7:15: unknown key 'condition' in 'goals' of coverage service 'svc' (did you mean 'conditions'?)");
  EXPECT_EQ(load_error(with_coverage(R"y(  services:
    svc:
      conditions:
        - {spans: s, attributes: {a: [1], b: [2]}}
)y")),
            "suite.yaml:8:12: unknown key 'spans' in a condition (did you mean 'span'?)");
  EXPECT_EQ(load_error(R"y(suite: t
targets: {demo: builtin:demo}
requests: {r: {path: /}}
coverag: {}
)y"),
            "suite.yaml:4:1: unknown key 'coverag' at the top level (did you mean 'coverage'?)");
}

TEST(LoaderCoverageErrors, GoalsOutsideZeroToHundredAreRejected) {
  EXPECT_EQ(load_error(with_coverage(R"y(  goals: {branches: 120}
  services: {svc: {operations: [a]}}
)y")),
            "suite.yaml:5:21: coverage goal 'branches' must be a percentage between 0 and 100, got 120");
  EXPECT_EQ(load_error(with_coverage(R"y(  services:
    svc:
      goals: {paths: -5}
      operations: [a]
)y")),
            "suite.yaml:7:22: coverage goal 'paths' must be a percentage between 0 and 100, got -5");
  EXPECT_EQ(load_error(with_coverage(R"y(  goals: {operations: all}
  services: {svc: {operations: [a]}}
)y")),
            "suite.yaml:5:23: 'operations' must be a number, got 'all'");
}

TEST(LoaderCoverageErrors, ServicesAreRequiredAndMustDeclareSomething) {
  EXPECT_EQ(load_error(with_coverage("  goals: {branches: 10}\n")),
            "suite.yaml:5:3: 'coverage' needs 'services' (each service.name and the spans to cover in it)");
  EXPECT_EQ(load_error(with_coverage(R"y(  services:
    svc: {goals: {branches: 10}}
)y")),
            "suite.yaml:6:10: coverage service 'svc' lists no operations, branches, conditions or paths");
}

TEST(LoaderCoverageErrors, EmptyAndRepeatedListsAreRejected) {
  EXPECT_EQ(load_error(with_coverage(R"y(  services:
    svc:
      branches: {classify: {branch: []}}
)y")),
            "suite.yaml:7:37: 'branch' must list at least one value");
  EXPECT_EQ(load_error(with_coverage(R"y(  services:
    svc:
      operations: [a, b, a]
)y")),
            "suite.yaml:7:26: 'operations' lists 'a' twice");
  EXPECT_EQ(load_error(with_coverage(R"y(  services:
    svc:
      branches: {classify: {branch: [x, [y]]}}
)y")),
            "suite.yaml:7:41: 'branch' must list scalars (strings, numbers, booleans), got a list");
}

TEST(LoaderCoverageErrors, ConditionNeedsAtLeastTwoAttributes) {
  EXPECT_EQ(load_error(with_coverage(R"y(  services:
    svc:
      conditions:
        - span: decide
          attributes: {member: [true, false]}
)y")),
            "suite.yaml:9:23: a condition combines at least two attributes; for one attribute use branches");
}

TEST(LoaderCoverageErrors, MalformedPathShapesSayWhatIsWrong) {
  auto shape_error = [](const std::string& shape) {
    return load_error(with_coverage("  services:\n    svc:\n      paths: {a: [\"" + shape + "\"]}\n"));
  };
  EXPECT_EQ(shape_error("a(b"), "suite.yaml:7:19: path shape 'a(b' is not well-formed: unbalanced parentheses");
  EXPECT_EQ(shape_error("a)b("), "suite.yaml:7:19: path shape 'a)b(' is not well-formed: unbalanced parentheses");
  EXPECT_EQ(shape_error("a(,b)"), "suite.yaml:7:19: path shape 'a(,b)' is not well-formed: a span name is empty");
  EXPECT_EQ(shape_error("a()"), "suite.yaml:7:19: path shape 'a()' is not well-formed: a span name is empty");
  EXPECT_EQ(shape_error("a(b)c"),
            "suite.yaml:7:19: path shape 'a(b)c' is not well-formed: unexpected 'c' after a closing parenthesis");
  EXPECT_EQ(shape_error("a(b(c)d)"),
            "suite.yaml:7:19: path shape 'a(b(c)d)' is not well-formed: unexpected 'd' after a closing parenthesis");
  EXPECT_EQ(shape_error("b(a)"), "suite.yaml:7:19: path shape 'b(a)' starts at 'b', not at its entry 'a'");
}

TEST(LoaderCoverageErrors, TheSameShapeTwiceIsRejectedInCanonicalForm) {
  EXPECT_EQ(load_error(with_coverage(R"y(  services:
    svc:
      paths: {a: ["a(b,c)", "a(c,b)"]}
)y")),
            "suite.yaml:7:29: path shape 'a(b,c)' is listed twice under 'a'");
}

// Canonical shapes are fixed points: loading the canonical text of any tree gives it back.
RC_GTEST_PROP(LoaderCoverage, CanonicalShapesLoadUnchanged, ()) {
  const auto names = rc::gen::elementOf(std::vector<std::string>{"a", "b", "POST /x", "c.d"});
  // A random tree of depth <= 3 written with children in random order.
  std::function<std::string(int)> tree = [&](int depth) -> std::string {
    std::string name = *names;
    if (depth == 0) return name;
    int count = *rc::gen::inRange(0, 4);
    if (count == 0) return name;
    std::vector<std::string> children;
    for (int i = 0; i < count; ++i) children.push_back(tree(depth - 1));
    std::string out = name + "(";
    for (int i = 0; i < count; ++i) out += (i ? "," : "") + children[static_cast<std::size_t>(i)];
    return out + ")";
  };
  std::string shape = "root(" + tree(2) + ")";
  auto load_shape = [](const std::string& text) {
    auto loaded = load_suite_text(with_coverage("  services:\n    svc:\n      paths: {root: [\"" + text + "\"]}\n"),
                                  "suite.yaml", testing::with_env());
    RC_ASSERT(loaded.ok());
    return loaded->coverage.services.at(0).paths.at(0).shapes.at(0);
  };
  std::string canonical = load_shape(shape);
  RC_ASSERT(canonical.size() == shape.size());
  RC_ASSERT(load_shape(canonical) == canonical);
}

}  // namespace
}  // namespace glassbox::loader
