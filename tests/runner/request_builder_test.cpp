#include "suites/runner/request_builder.hpp"

#include <gtest/gtest.h>

namespace glassbox::runner {
namespace {

suite::Case case_with(std::vector<std::pair<std::string, Value>> values) {
  suite::Case c;
  for (auto& [name, v] : values) c.bindings.push_back(suite::Binding{name, v, "", true, "", true});
  return c;
}

TEST(UrlEncode, KeepsUnreservedAndEncodesTheRest) {
  EXPECT_EQ(url_encode("a-b_c.d~e"), "a-b_c.d~e");
  EXPECT_EQ(url_encode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
}

TEST(BuildRequest, RendersPathQueryHeadersAndTypedBody) {
  suite::Suite s;
  s.defaults.timeout_ms = 1234;
  suite::Request r;
  r.method = "POST";
  r.path = "/orders/{{id}}";
  r.query = {{"q", "{{q}}"}, {"fixed", "1"}};
  r.headers = {{"X-Id", "id-{{id}}"}};
  r.body = Value::parse(R"({"id":"{{id}}","tags":["{{q}}"]})");
  suite::Target t;
  t.url = "http://127.0.0.1:8080/base/";
  t.headers = {{"Authorization", "Bearer s3cret"}};
  auto built = build_request(s, r, t, case_with({{"id", 42}, {"q", "a b"}}));
  ASSERT_TRUE(built.ok()) << built.error().message;
  EXPECT_EQ(built->method, "POST");
  EXPECT_EQ(built->url, "http://127.0.0.1:8080/base/orders/42?q=a%20b&fixed=1");
  EXPECT_EQ(built->body, R"({"id":42,"tags":["a b"]})");
  EXPECT_EQ(built->timeout, std::chrono::milliseconds(1234));
  probes::Headers want = {{"Authorization", "Bearer s3cret"}, {"X-Id", "id-42"},
                          {"Content-Type", "application/json"}, {"Accept", "application/json"}};
  EXPECT_EQ(built->headers, want);
}

TEST(BuildRequest, RequestTimeoutAndRetryOverrideDefaults) {
  suite::Suite s;
  s.defaults.retry.retries = 5;
  suite::Request r;
  r.path = "/x";
  r.timeout_ms = 50;
  r.retry = suite::RetryPolicy{1, 10, {503}};
  suite::Target t;
  t.url = "http://h";
  t.timeout_ms = 99;
  auto built = build_request(s, r, t, case_with({}));
  ASSERT_TRUE(built.ok());
  EXPECT_EQ(built->timeout, std::chrono::milliseconds(50));
  EXPECT_EQ(built->retry.retries, 1);
  EXPECT_EQ(built->retry.on_status, std::vector<int>{503});
  EXPECT_TRUE(built->body.empty());
}

}  // namespace
}  // namespace glassbox::runner
