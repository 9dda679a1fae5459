// `spans` in expectations (trace assertions): what loads, what it means, and the errors,
// verbatim with their location.
#include <gtest/gtest.h>

#include "suites/model/case.hpp"
#include "tests/loader/loader_test_support.hpp"

namespace glassbox::loader {
namespace {

using testing::load_error;
using testing::load_ok;

std::string with_spans(const std::string& spans) {
  return "suite: t\ntargets: {demo: builtin:demo}\nrequests:\n  r:\n    path: /\n    expect:\n      spans:\n" + spans;
}

TEST(LoaderSpanExpectations, ReadsSelectorsAssertionsAndRelations) {
  suite::Suite s = load_ok(with_spans(R"(        - select:
            service: checkout
            name: {matches: "^charge"}
            kind: client
            status: error
            attributes: {payment.method: card, retry: {absent: true}}
            parent: {name: checkout, child: {name: audit}}
          count: {min: 1, max: 3}
          status: [ok, unset]
          duration_ms: {max: 50, min: 0.5}
          attributes: {http.response.status_code: 200, db.system: {exists: true}}
        - select: {name: cache_miss}
          count: 0
)"));
  ASSERT_EQ(s.requests.size(), 1u);
  const auto& spans = s.requests[0].expect.spans;
  ASSERT_EQ(spans.size(), 2u);
  const suite::SpanExpectation& e = spans[0];
  EXPECT_EQ(e.select.to_string(),
            "service=checkout name=/^charge/ kind=client status=error attributes{payment.method=card,!retry} "
            "parent(name=checkout child(name=audit))");
  EXPECT_EQ(e.count.to_string(), "1..3");
  EXPECT_EQ(e.status, (std::vector<SpanStatus>{SpanStatus::Ok, SpanStatus::Unset}));
  EXPECT_EQ(e.duration_max_ms, 50);
  EXPECT_EQ(e.duration_min_ms, 0.5);
  ASSERT_EQ(e.attributes.size(), 2u);
  EXPECT_EQ(e.attributes[0].name, "http.response.status_code");
  EXPECT_EQ(e.attributes[0].kind, suite::MatchKind::Equals);
  EXPECT_EQ(e.attributes[0].operand, Value(200));
  EXPECT_EQ(e.attributes[1].kind, suite::MatchKind::Exists);
  EXPECT_EQ(e.where.line, 8);
  EXPECT_EQ(spans[1].count.to_string(), "exactly 0");
  EXPECT_FALSE(spans[1].count.allows(1));
  EXPECT_TRUE(spans[1].count.allows(0));
}

TEST(LoaderSpanExpectations, CountDefaultsToAtLeastOneAndDurationNumberIsAMaximum) {
  suite::Suite s = load_ok(with_spans("        - {select: {name: a}, duration_ms: 20}\n"
                                      "        - {select: {name: b}, count: {max: 2}}\n"));
  const auto& spans = s.requests[0].expect.spans;
  EXPECT_EQ(spans[0].count.to_string(), "at least 1");
  EXPECT_FALSE(spans[0].count.allows(0));
  EXPECT_EQ(spans[0].duration_max_ms, 20);
  EXPECT_FALSE(spans[0].duration_min_ms);
  EXPECT_EQ(spans[1].count.to_string(), "0..2");
  EXPECT_TRUE(spans[1].count.allows(0));
}

TEST(LoaderSpanExpectations, AClassExpectationReplacesTheRequestsForTheSameSelector) {
  suite::Suite s = load_ok(R"(suite: t
targets: {demo: builtin:demo}
inputs:
  n:
    type: int
    partitions:
      valid:
        small: {min: 1, max: 9}
        big: {min: 10, max: 99, expect: {spans: [{select: {name: lookup}, count: 0}]}}
requests:
  r:
    path: /x/{{n}}
    expect:
      spans:
        - {select: {name: lookup}, count: 1}
        - {select: {name: parse}}
)");
  suite::Case c;
  c.request = "r";
  c.bindings.push_back(suite::Binding{"n", Value(50), "big", true, "", true});
  suite::resolve_expectation(s.requests[0], s, c);
  ASSERT_EQ(c.expect.spans.size(), 2u);
  EXPECT_EQ(c.expect.spans[0].select.to_string(), "name=parse");
  EXPECT_EQ(c.expect.spans[1].select.to_string(), "name=lookup");
  EXPECT_EQ(c.expect.spans[1].count.to_string(), "exactly 0");
}

TEST(LoaderSpanExpectations, ErrorsNameTheKeyAndTeachTheFix) {
  EXPECT_EQ(load_error(with_spans("        - {name: charge}\n")),
            "suite.yaml:8:12: unknown key 'name' in a span expectation (allowed keys: select, count, status, "
            "duration_ms, attributes)");
  EXPECT_EQ(load_error(with_spans("        - {count: 1}\n")),
            "suite.yaml:8:11: a span expectation needs 'select' (which spans: service, name, kind, status, "
            "attributes, parent, child), e.g. select: {name: charge}");
  EXPECT_EQ(load_error(with_spans("        - {select: {nmae: charge}}\n")),
            "suite.yaml:8:21: unknown key 'nmae' in 'select' (a span selector) (did you mean 'name'?)");
  EXPECT_EQ(load_error(with_spans("        - {select: {kind: sever}}\n")),
            "suite.yaml:8:27: unknown span kind 'sever' (did you mean 'server'?)");
  EXPECT_EQ(load_error(with_spans("        - {select: {name: a}, status: fine}\n")),
            "suite.yaml:8:39: unknown span status 'fine' (allowed: unset, ok, error)");
  EXPECT_EQ(load_error(with_spans("        - {select: {name: a}, count: {min: 3, max: 1}}\n")),
            "suite.yaml:8:38: 'count' has min 3 above max 1");
  EXPECT_EQ(load_error(with_spans("        - {select: {name: {matches: \"(\"}}}\n")).substr(0, 45),
            "suite.yaml:8:37: invalid regular expression '");
  EXPECT_EQ(load_error(with_spans("        - {select: {name: a}, attributes: {x: {equal: 1}}}\n")),
            "suite.yaml:8:48: unknown key 'equal' in the check of attribute 'x' (did you mean 'equals'?)");
  EXPECT_EQ(load_error(with_spans("        - {select: {name: a}, duration_ms: -1}\n")),
            "suite.yaml:8:44: 'duration_ms' must be at least 0, got -1");
}

}  // namespace
}  // namespace glassbox::loader
