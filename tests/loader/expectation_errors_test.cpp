// The errors of expectations (status, checks, pointers, regexes), checked verbatim with
// their location.
#include <gtest/gtest.h>

#include "tests/loader/loader_test_support.hpp"

namespace glassbox::loader {
namespace {

using testing::load_error;

TEST(LoaderExpectationErrors, BadStatusSpecsAreRejectedAtTheOffendingItem) {
  const char* kMessage = "'status' must be an HTTP status (100..599), a class such as 4xx, or a list of these, got ";
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  r:
    path: /
    expect: {status: 700}
)"),
            std::string("suite.yaml:6:22: ") + kMessage + "'700'");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  r:
    path: /
    expect: {status: [200, 6xx]}
)"),
            std::string("suite.yaml:6:28: ") + kMessage + "'6xx'");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  r:
    path: /
    expect: {status: ok}
)"),
            std::string("suite.yaml:6:22: ") + kMessage + "'ok'");
}

TEST(LoaderExpectationErrors, InvalidRegexIsReportedWhereItIsWritten) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  r:
    path: /
    expect:
      json:
        /name: {matches: "^[a-z"}
)"),
            "suite.yaml:8:26: invalid regular expression '^[a-z' in 'matches': unexpected character within '[...]'");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  name: {type: string, pattern: "(ab"}
requests: {r: {path: "/{{name}}"}}
)"),
            "suite.yaml:4:33: invalid regular expression '(ab' in 'pattern': mismatched '(' and ')'");
}

TEST(LoaderExpectationErrors, MapWithoutOperatorAsksForEqualsToCompareObjects) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  r:
    path: /
    expect:
      json:
        /shape: {sides: 3}
)"),
            "suite.yaml:8:17: the check of '/shape' is a map with no operator (equals, matches, exists, absent, "
            "type); use {equals: {...}} to compare with an object");
}

TEST(LoaderExpectationErrors, MisspeltOperatorIsAnUnknownKeyWithSuggestion) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  r:
    path: /
    expect:
      json:
        /kind: {equal: scalene}
)"),
            "suite.yaml:8:17: unknown key 'equal' in the check of '/kind' (did you mean 'equals'?)");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  r:
    path: /
    expect:
      json:
        /kind: {exists: true, tpye: string}
)"),
            "suite.yaml:8:31: unknown key 'tpye' in the check of '/kind' (did you mean 'type'?)");
}

TEST(LoaderExpectationErrors, CheckOperandsAreValidated) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  r:
    path: /
    expect:
      json:
        /items: {type: list}
)"),
            "suite.yaml:8:24: unknown JSON type 'list' (types: null, boolean, number, integer, string, array, object)");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  r:
    path: /
    expect:
      headers:
        x-id: {type: string}
)"),
            "suite.yaml:8:16: 'type' checks JSON values, not headers: use matches");
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  r:
    path: /
    expect: {latency_ms: 0}
)"),
            "suite.yaml:6:26: 'latency_ms' must be greater than 0, got 0");
}

TEST(LoaderExpectationErrors, JsonPointersMustStartWithASlash) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  r:
    path: /
    expect:
      json:
        kind: scalene
)"),
            "suite.yaml:8:9: 'kind' is not a JSON pointer: pointers start with '/' (write '/kind'; \"\" is the "
            "whole body)");
}

TEST(LoaderExpectationErrors, DuplicateKeysAreRejected) {
  EXPECT_EQ(load_error(R"(suite: t
targets: {demo: builtin:demo}
requests:
  r:
    path: /
    expect:
      json:
        /kind: scalene
        /kind: {exists: true}
)"),
            "suite.yaml:9:9: key '/kind' is given twice in 'json' (first at line 8)");
}

}  // namespace
}  // namespace glassbox::loader
