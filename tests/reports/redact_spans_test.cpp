// Redacting spans and adding secrets: a service's spans may carry a secret (a header it
// recorded, a password in a query it logged), and a case adds the values of its secret inputs.
#include <gtest/gtest.h>

#include "reports/model/redact.hpp"

namespace glassbox::reports {
namespace {

TraceSpan span_with_secrets() {
  TraceSpan s;
  s.span_id = "00f067aa0ba902b7";
  s.name = "GET /login?token=tok-123";
  s.status_message = "bad token tok-123";
  s.attributes = Value{{"http.request.header.authorization", Value::array({"Bearer xyz"})},
                       {"HTTP.REQUEST.HEADER.X-API-KEY", "k"},
                       {"http.response.header.set-cookie", Value::array({"sid=1"})},
                       {"http.response.header.content-type", Value::array({"text/plain"})},
                       {"url.full", "http://h/login?token=tok-123"},
                       {"nested", Value{{"list", Value::array({"tok-123", 3})}}},
                       {"tok-123", true}};
  return s;
}

TEST(RedactSpans, SecretsAndSensitiveHeaderAttributesAreHidden) {
  const Redactor redactor({"tok-123"}, {"X-Api-Key"});
  const TraceSpan out = redactor.span(span_with_secrets());
  EXPECT_EQ(out.name, "GET /login?token=***");
  EXPECT_EQ(out.status_message, "bad token ***");
  EXPECT_EQ(out.span_id, "00f067aa0ba902b7");
  EXPECT_EQ(out.attributes, (Value{{"http.request.header.authorization", "***"},
                                   {"HTTP.REQUEST.HEADER.X-API-KEY", "***"},
                                   {"http.response.header.set-cookie", "***"},
                                   {"http.response.header.content-type", Value::array({"text/plain"})},
                                   {"url.full", "http://h/login?token=***"},
                                   {"nested", Value{{"list", Value::array({"***", 3})}}},
                                   {"***", true}}));
}

TEST(RedactSpans, WithSecretsAddsToTheSecretsAndKeepsTheHeaders) {
  const Redactor run({"run-secret"}, {"X-Api-Key"});
  const Redactor with_case = run.with_secrets({"hunter2", ""});
  EXPECT_EQ(with_case.text("run-secret hunter2 hunter%202"), "*** *** hunter%202");
  EXPECT_EQ(with_case.text(R"({"p":"hunter2"})"), R"({"p":"***"})");
  EXPECT_EQ(with_case.headers({{"x-api-key", "v"}}), (Headers{{"x-api-key", "***"}}));
  EXPECT_EQ(run.text("hunter2"), "hunter2") << "the run's redactor is unchanged";
}

TEST(RedactSpans, AddedSecretOverlappingAnEarlierOneIsRedactedAsOneRun) {
  const Redactor redactor = Redactor({"abcd"}).with_secrets({"cdef"});
  EXPECT_EQ(redactor.text("xabcdefx"), "x***x");
}

}  // namespace
}  // namespace glassbox::reports
