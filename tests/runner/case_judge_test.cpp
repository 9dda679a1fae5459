#include "suites/runner/case_judge.hpp"

#include <gtest/gtest.h>

namespace glassbox::runner {
namespace {

suite::Case triangle_case() {
  suite::Case c;
  c.id = "classify/partitions/weak_robust/a=short";
  c.request = "classify";
  c.technique = "partitions";
  c.form = "weak_robust";
  c.bindings = {suite::Binding{"a", 3, "short", true, "", true}};
  c.expect.status = suite::StatusSpec{{200}, {}};
  c.expected_outcome = "valid";
  return c;
}

probes::HttpRequest sent_request() {
  probes::HttpRequest r;
  r.method = "POST";
  r.url = "http://h/triangle?token=s3cret";
  r.headers = {{"Authorization", "Bearer abc"}};
  r.body = R"({"a":3})";
  r.trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
  return r;
}

TEST(JudgeCase, PassingResponseIsPassedWithRedactedExchange) {
  probes::HttpResponse resp;
  resp.status = 200;
  resp.body = R"({"kind":"scalene","echo":"s3cret"})";
  resp.latency_ms = 3;
  resp.attempts = {probes::HttpAttempt{"00f067aa0ba902b7", 200, probes::ErrorKind::None, "", 3}};
  reports::Redactor redactor({"s3cret"});
  auto r = judge_case("demo", triangle_case(), sent_request(), resp, redactor);
  EXPECT_EQ(r.outcome, reports::Outcome::Passed);
  EXPECT_EQ(r.message, "");
  EXPECT_EQ(r.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(r.exchange.url, "http://h/triangle?token=***");
  EXPECT_EQ(r.exchange.request_headers[0].second, "***");
  EXPECT_EQ(r.exchange.response_body, R"({"kind":"scalene","echo":"***"})");
  EXPECT_EQ(r.classes.at("a"), "short");
  ASSERT_EQ(r.attempts.size(), 1u);
  EXPECT_EQ(r.attempts[0].span_id, "00f067aa0ba902b7");
}

TEST(JudgeCase, WrongStatusFailsWithExpectedVersusActual) {
  probes::HttpResponse resp;
  resp.status = 400;
  resp.body = "{}";
  auto r = judge_case("demo", triangle_case(), sent_request(), resp, reports::Redactor({}));
  EXPECT_EQ(r.outcome, reports::Outcome::Failed);
  EXPECT_EQ(r.message, "status: expected 200, got 400");
}

TEST(JudgeCase, TransportErrorIsAnErrorAndCancelIsASkip) {
  probes::HttpResponse resp;
  resp.error = probes::ErrorKind::Timeout;
  resp.error_message = "no response within 2000 ms";
  auto r = judge_case("demo", triangle_case(), sent_request(), resp, reports::Redactor({}));
  EXPECT_EQ(r.outcome, reports::Outcome::Error);
  EXPECT_EQ(r.message, "timeout: no response within 2000 ms");
  resp.error = probes::ErrorKind::Cancelled;
  EXPECT_EQ(judge_case("demo", triangle_case(), sent_request(), resp, reports::Redactor({})).outcome,
            reports::Outcome::Skipped);
}

TEST(JudgeCase, HugeBodiesAreCutButJudgedWhole) {
  probes::HttpResponse resp;
  resp.status = 200;
  resp.body = std::string(kKeptBodyBytes + 10, 'x');
  auto r = judge_case("demo", triangle_case(), sent_request(), resp, reports::Redactor({}));
  EXPECT_TRUE(r.exchange.response_body_truncated);
  EXPECT_EQ(r.exchange.response_body.size(), kKeptBodyBytes);
  EXPECT_EQ(r.outcome, reports::Outcome::Passed);
}

}  // namespace
}  // namespace glassbox::runner
