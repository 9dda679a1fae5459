#include "suites/model/case.hpp"

#include <gtest/gtest.h>

namespace glassbox::suite {
namespace {

// One int input with a valid class that overrides a JSON check and an invalid class
// with its own status; the request's expectations are the defaults.
struct Fixture {
  Suite suite;
  Request request;
  Fixture() {
    Input a;
    a.name = "a";
    Expectation small_expect;
    small_expect.json = {{"/size", MatchKind::Equals, "small", {}}};
    Expectation neg_expect;
    neg_expect.status = StatusSpec{{422}, {}};
    a.classes = {InputClass{.name = "small", .valid = true, .range = {1, 9}, .expect = small_expect},
                 InputClass{.name = "negative", .valid = false, .range = {std::nullopt, -1}, .expect = neg_expect},
                 InputClass{.name = "huge", .valid = false, .range = {1000, std::nullopt}}};
    Input b = a;
    b.name = "b";
    suite.inputs = {a, b};
    request.name = "r";
    request.expect.status = StatusSpec{{200}, {}};
    request.expect_invalid.status = StatusSpec{{}, {4}};
  }
  Case make(std::vector<std::pair<std::string, std::string>> classes) {
    Case c;
    c.request = "r";
    c.technique = "partitions";
    c.form = "strong_robust";
    for (auto& [input, cls] : classes) {
      const InputClass* k = suite.find_input(input)->find_class(cls);
      c.bindings.push_back(Binding{input, 0, cls, k->valid, "", true});
    }
    resolve_expectation(request, suite, c);
    return c;
  }
};

TEST(ResolveExpectation, AllValidCaseGetsRequestExpectationWithClassOverrides) {
  Fixture f;
  Case c = f.make({{"a", "small"}, {"b", "small"}});
  EXPECT_EQ(c.expect.status->to_string(), "200");
  ASSERT_EQ(c.expect.json.size(), 1u);
  EXPECT_EQ(c.expect.json[0].operand, "small");
  EXPECT_EQ(c.expected_outcome, "valid");
}

TEST(ResolveExpectation, OneInvalidClassGetsThatClassExpectation) {
  Fixture f;
  Case c = f.make({{"a", "negative"}, {"b", "small"}});
  EXPECT_EQ(c.expect.status->to_string(), "422");
  EXPECT_EQ(c.expected_outcome, "invalid (a.negative)");
  Case d = f.make({{"a", "small"}, {"b", "huge"}});
  EXPECT_EQ(d.expect.status->to_string(), "4xx");  // the class sets nothing: the request default
}

TEST(ResolveExpectation, SeveralInvalidClassesGetTheRequestDefault) {
  Fixture f;
  Case c = f.make({{"a", "negative"}, {"b", "negative"}});
  EXPECT_EQ(c.expect.status->to_string(), "4xx");
  EXPECT_EQ(c.expected_outcome, "invalid (a.negative, b.negative)");
}

TEST(CaseId, NamesWhatTheBindingsUnderTestStandFor) {
  Fixture f;
  Case c = f.make({{"a", "small"}, {"b", "huge"}});
  c.bindings[1].boundary = "max+";
  c.bindings[0].under_test = false;
  EXPECT_EQ(make_case_id(c), "r/partitions/strong_robust/b=max+");
  c.request = "my request?";
  EXPECT_EQ(make_case_id(c), "my_request_/partitions/strong_robust/b=max+");
  for (auto& b : c.bindings) b.under_test = false;
  EXPECT_EQ(make_case_id(c), "my_request_/partitions/strong_robust/nominal");
}

}  // namespace
}  // namespace glassbox::suite
