#include "reports/verdicts/assertions.hpp"

#include <gtest/gtest.h>

namespace glassbox::reports {
namespace {

using suite::MatchKind;

suite::Lookup no_inputs() {
  return [](std::string_view) -> std::optional<Value> { return std::nullopt; };
}

Exchange response(int status, std::string body, Headers headers = {}) {
  Exchange x;
  x.status = status;
  x.response_body = std::move(body);
  x.response_headers = std::move(headers);
  x.latency_ms = 12.5;
  return x;
}

TEST(Assertions, StatusMismatchSaysExpectedAndActual) {
  suite::Expectation e;
  e.status = suite::StatusSpec{{200}, {}};
  auto checks = evaluate_expectation(e, response(400, "{}"), no_inputs());
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_FALSE(checks[0].passed);
  EXPECT_EQ(first_failure(checks), "status: expected 200, got 400");
}

TEST(Assertions, JsonPointerChecksCoverEveryKind) {
  suite::Expectation e;
  e.json = {{"/kind", MatchKind::Equals, "scalene", {}},  {"/kind", MatchKind::Matches, "^sca", {}},
            {"/n", MatchKind::Type, "integer", {}},       {"/n", MatchKind::Type, "number", {}},
            {"/missing", MatchKind::Absent, {}, {}},      {"/list/1", MatchKind::Exists, {}, {}},
            {"/list", MatchKind::Equals, Value::parse("[1, 2.0]"), {}}};
  auto checks = evaluate_expectation(e, response(200, R"({"kind":"scalene","n":3,"list":[1,2]})"), no_inputs());
  for (const Check& c : checks) EXPECT_TRUE(c.passed) << c.name << ": " << c.expected << " vs " << c.actual;
}

TEST(Assertions, EqualsRendersInputTemplates) {
  suite::Expectation e;
  e.json = {{"/echo", MatchKind::Equals, "{{a}}", {}}};
  suite::Lookup a_is_7 = [](std::string_view n) -> std::optional<Value> {
    if (n == "a") return Value(7);
    return std::nullopt;
  };
  EXPECT_TRUE(evaluate_expectation(e, response(200, R"({"echo":7})"), a_is_7)[0].passed);
  auto failed = evaluate_expectation(e, response(200, R"({"echo":"7"})"), a_is_7);
  EXPECT_EQ(first_failure(failed), "json /echo equals: expected 7, got \"7\"");
}

TEST(Assertions, NonJsonBodyFailsJsonChecksReadably) {
  suite::Expectation e;
  e.json = {{"/kind", MatchKind::Exists, {}, {}}};
  auto checks = evaluate_expectation(e, response(200, "<html>oops</html>"), no_inputs());
  EXPECT_EQ(first_failure(checks), "json /kind exists: expected present, got response body is not JSON (<html>oops</html>)");
}

// Found by fuzzing: nlohmann refuses a number beyond double's range with out_of_range, not
// parse_error; a service answering {"n":1e999} ended the whole run instead of failing a check.
TEST(Assertions, ANumberBeyondDoubleRangeFailsJsonChecksLikeAnyNonJsonBody) {
  suite::Expectation e;
  e.json = {{"/n", MatchKind::Exists, {}, {}}};
  auto checks = evaluate_expectation(e, response(200, R"({"n":1e999})"), no_inputs());
  EXPECT_EQ(first_failure(checks), "json /n exists: expected present, got response body is not JSON ({\"n\":1e999})");
}

TEST(Assertions, HeadersCompareNamesCaseInsensitively) {
  suite::Expectation e;
  e.headers = {{"content-type", MatchKind::Matches, "^application/json", {}},
               {"X-Missing", MatchKind::Absent, "", {}},
               {"x-id", MatchKind::Equals, "42", {}}};
  auto checks = evaluate_expectation(
      e, response(200, "{}", {{"Content-Type", "application/json; charset=utf-8"}, {"X-Id", "42"}}), no_inputs());
  for (const Check& c : checks) EXPECT_TRUE(c.passed) << c.name;
  e.headers = {{"x-id", MatchKind::Exists, "", {}}};
  EXPECT_EQ(first_failure(evaluate_expectation(e, response(200, "{}"), no_inputs())),
            "header x-id exists: expected present, got (absent)");
}

TEST(Assertions, LatencyAboveTheMaximumFails) {
  suite::Expectation e;
  e.latency_max_ms = 10;
  EXPECT_EQ(first_failure(evaluate_expectation(e, response(200, ""), no_inputs())),
            "latency: expected <= 10 ms, got 12.5 ms");
  e.latency_max_ms = 20;
  EXPECT_EQ(first_failure(evaluate_expectation(e, response(200, ""), no_inputs())), "");
}

}  // namespace
}  // namespace glassbox::reports
