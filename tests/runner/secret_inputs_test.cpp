// Inputs marked `secret: true`: the values a case binds to them appear in no field of its
// result, whatever the service echoes back and wherever a check quotes it.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "reports/model/results_json.hpp"
#include "suites/runner/case_judge.hpp"

namespace glassbox::runner {
namespace {

constexpr std::string_view kPassword = "hunter2-Pa55";

suite::Case login_case() {
  suite::Case c;
  c.id = "login/partitions/weak_normal/password=valid";
  c.request = "login";
  c.technique = "partitions";
  c.form = "weak_normal";
  c.label = fmt::format("user=alice, password={}", kPassword);  // a label that spells the value out
  c.bindings = {suite::Binding{"user", "alice", "valid", true, "", false},
                suite::Binding{"password", std::string(kPassword), "valid", true, "", true}};
  // Failing checks quote what they expected (rendered from the password) and what they saw.
  c.expect.status = suite::StatusSpec{{200}, {}};
  c.expect.json = {suite::JsonCheck{"/error", suite::MatchKind::Equals, "{{password}}", {}}};
  c.expected_outcome = "valid";
  return c;
}

probes::HttpRequest login_request() {
  probes::HttpRequest r;
  r.method = "POST";
  r.url = fmt::format("http://h/login?password={}", kPassword);
  r.headers = {{"X-Password", std::string(kPassword)}, {"X-Api-Key", "k-123"}};
  r.body = fmt::format(R"({{"user":"alice","password":"{}"}})", kPassword);
  return r;
}

probes::HttpResponse echoing_response() {
  probes::HttpResponse resp;
  resp.status = 401;
  resp.body = fmt::format(R"({{"error":"bad password {}"}})", kPassword);
  resp.headers = {{"X-Echo", fmt::format("pw={}", kPassword)}};
  resp.latency_ms = 2;
  return resp;
}

suite::Suite login_suite() {
  suite::Suite s;
  s.name = "shop";
  suite::Input user;
  user.name = "user";
  suite::Input password;
  password.name = "password";
  password.secret = true;
  s.inputs = {user, password};
  return s;
}

std::string results_json(reports::CaseResult r) {
  reports::RunResults run;
  run.suites = {"shop"};
  run.cases.push_back(std::move(r));
  return reports::to_json(run).dump();
}

TEST(SecretInputs, SecretInputNamesListOnlyInputsMarkedSecret) {
  EXPECT_EQ(secret_input_names(login_suite()), std::vector<std::string>{"password"});
}

TEST(SecretInputs, SecretValueAppearsInNoFieldOfTheResultsJson) {
  const auto secret = secret_input_names(login_suite());
  reports::CaseResult r =
      judge_case("shop", login_case(), login_request(), echoing_response(), reports::Redactor({}), secret);
  const std::string json = results_json(r);
  EXPECT_EQ(json.find(kPassword), std::string::npos) << json;
  EXPECT_EQ(r.inputs, (Value{{"user", "alice"}, {"password", "***"}}));
  EXPECT_EQ(r.label, "user=alice, password=***");
  EXPECT_EQ(r.exchange.url, "http://h/login?password=***");
  EXPECT_EQ(r.exchange.response_body, R"({"error":"bad password ***"})");
  EXPECT_EQ(r.outcome, reports::Outcome::Failed) << "redaction must not change the verdict";
}

TEST(SecretInputs, DescribedCaseHidesTheSecretValue) {
  reports::CaseResult r = describe_case("shop", login_case(), secret_input_names(login_suite()));
  EXPECT_EQ(results_json(r).find(kPassword), std::string::npos);
  EXPECT_EQ(r.inputs.at("password"), "***");
}

TEST(SecretInputs, NonSecretValuesStayVisible) {
  reports::CaseResult r = judge_case("shop", login_case(), login_request(), echoing_response(), reports::Redactor({}));
  EXPECT_EQ(r.inputs.at("password"), kPassword) << "no input is secret unless the suite says so";
  EXPECT_EQ(r.inputs.at("user"), "alice");
}

TEST(SecretInputs, SecretHeadersAndSuiteSecretsStillApply) {
  reports::Redactor suite_redactor({"k-123"}, {"X-Password"});
  reports::CaseResult r = judge_case("shop", login_case(), login_request(), echoing_response(), suite_redactor,
                                     secret_input_names(login_suite()));
  EXPECT_EQ(r.exchange.request_headers,
            (reports::Headers{{"X-Password", "***"}, {"X-Api-Key", "***"}}));
  EXPECT_EQ(r.exchange.response_headers, (reports::Headers{{"X-Echo", "pw=***"}}));
}

TEST(SecretInputs, SpansAreRedactedOnceJudged) {
  const auto secret = secret_input_names(login_suite());
  reports::CaseResult r =
      judge_case("shop", login_case(), login_request(), echoing_response(), reports::Redactor({}), secret);
  reports::TraceSpan span;
  span.name = "POST /login";
  span.attributes = Value{{"app.password", std::string(kPassword)}, {"http.request.header.cookie", "sid=1"}};
  r.spans = {span};
  redact_case_spans(login_case(), r, reports::Redactor({}), secret);
  EXPECT_EQ(r.spans[0].attributes, (Value{{"app.password", "***"}, {"http.request.header.cookie", "***"}}));
  EXPECT_EQ(results_json(r).find(kPassword), std::string::npos);
}

}  // namespace
}  // namespace glassbox::runner
