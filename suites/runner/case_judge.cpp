#include "suites/runner/case_judge.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "reports/verdicts/assertions.hpp"
#include "reports/verdicts/trace_assertions.hpp"
#include "suites/runner/request_builder.hpp"

namespace glassbox::runner {

namespace {

std::string capped(const std::string& body, bool& truncated) {
  truncated = body.size() > kKeptBodyBytes;
  return truncated ? body.substr(0, kKeptBodyBytes) : body;
}

bool is_secret(const suite::Binding& b, const std::vector<std::string>& secret_inputs) {
  return std::find(secret_inputs.begin(), secret_inputs.end(), b.input) != secret_inputs.end();
}

// How a bound value can show in text: a string as itself, anything else as its JSON.
std::string value_text(const Value& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// The values bound to secret inputs, as the redactor needs them.
std::vector<std::string> secret_values(const suite::Case& c, const std::vector<std::string>& secret_inputs) {
  std::vector<std::string> out;
  for (const suite::Binding& b : c.bindings)
    if (is_secret(b, secret_inputs)) out.push_back(value_text(b.value));
  return out;
}

// The run's redactor, plus the values this case binds to secret inputs.
reports::Redactor case_redactor(const suite::Case& c, const reports::Redactor& suite_redactor,
                                const std::vector<std::string>& secret_inputs) {
  return secret_inputs.empty() ? suite_redactor : suite_redactor.with_secrets(secret_values(c, secret_inputs));
}

}  // namespace

std::vector<std::string> secret_input_names(const suite::Suite& suite) {
  std::vector<std::string> out;
  for (const suite::Input& input : suite.inputs)
    if (input.secret) out.push_back(input.name);
  return out;
}

reports::CaseResult describe_case(const std::string& suite_name, const suite::Case& c,
                                  const std::vector<std::string>& secret_inputs) {
  reports::CaseResult r;
  r.id = c.id;
  r.suite = suite_name;
  r.request = c.request;
  r.technique = c.technique;
  r.form = c.form;
  // A label names classes, but a technique may spell a value out; values bound to secret
  // inputs never show.
  r.label = secret_inputs.empty() ? c.label : reports::Redactor(secret_values(c, secret_inputs)).text(c.label);
  r.expected_outcome = c.expected_outcome;
  r.covers = c.covers;
  r.inputs = c.inputs_as_json();
  for (const suite::Binding& b : c.bindings)
    if (is_secret(b, secret_inputs)) r.inputs[b.input] = std::string(reports::kRedacted);
  for (const suite::Binding& b : c.bindings) {
    std::string what = b.class_name.empty() ? "unclassified" : b.class_name;
    if (!b.boundary.empty()) what += " @" + b.boundary;
    if (!b.valid) what += " (invalid)";
    r.classes[b.input] = what;
  }
  return r;
}

reports::CaseResult judge_case(const std::string& suite_name, const suite::Case& c,
                               const probes::HttpRequest& sent, const probes::HttpResponse& response,
                               const reports::Redactor& suite_redactor, const std::vector<std::string>& secret_inputs) {
  reports::CaseResult r = describe_case(suite_name, c, secret_inputs);
  const reports::Redactor redactor = case_redactor(c, suite_redactor, secret_inputs);
  r.trace_id = sent.trace_id;

  reports::Exchange& x = r.exchange;
  x.method = sent.method;
  x.url = redactor.text(sent.url);
  x.request_headers = redactor.headers(sent.headers);
  bool request_cut = false;
  x.request_body = redactor.text(capped(sent.body, request_cut));
  x.status = response.status;
  x.response_headers = redactor.headers(response.headers);
  // Judge the whole body, keep a capped copy: assertions must see what the service sent.
  reports::Exchange full = x;
  full.response_body = response.body;
  x.response_body = redactor.text(capped(response.body, x.response_body_truncated));
  x.latency_ms = response.latency_ms;
  full.latency_ms = response.latency_ms;

  for (const probes::HttpAttempt& a : response.attempts) {
    r.attempts.push_back(reports::Attempt{a.span_id, a.status,
                                          a.error == probes::ErrorKind::None ? "" : redactor.text(a.error_message),
                                          a.latency_ms});
  }

  if (response.error == probes::ErrorKind::Cancelled) {
    r.outcome = reports::Outcome::Skipped;
    r.message = "not finished: the run was interrupted";
    return r;
  }
  if (response.error != probes::ErrorKind::None) {
    r.outcome = reports::Outcome::Error;
    r.message = redactor.text(fmt::format("{}: {}", probes::to_string(response.error), response.error_message));
    return r;
  }
  r.checks = reports::evaluate_expectation(c.expect, full, case_lookup(c));
  for (reports::Check& check : r.checks) {
    check.expected = redactor.text(check.expected);  // rendered from the case's values, secret ones too
    check.actual = redactor.text(check.actual);
  }
  r.message = reports::first_failure(r.checks);
  r.outcome = r.message.empty() ? reports::Outcome::Passed : reports::Outcome::Failed;
  return r;
}

void judge_case_trace(const suite::Case& c, reports::CaseResult& r, const reports::Redactor& suite_redactor,
                      const std::vector<std::string>& secret_inputs) {
  if (c.expect.spans.empty()) return;
  if (r.outcome != reports::Outcome::Passed && r.outcome != reports::Outcome::Failed) return;
  const reports::Redactor redactor = case_redactor(c, suite_redactor, secret_inputs);
  auto checks = reports::evaluate_span_expectations(c.expect.spans, r.spans, case_lookup(c));
  for (reports::Check& check : checks) {
    check.expected = redactor.text(check.expected);
    check.actual = redactor.text(check.actual);
    r.checks.push_back(std::move(check));
  }
  r.message = reports::first_failure(r.checks);
  r.outcome = r.message.empty() ? reports::Outcome::Passed : reports::Outcome::Failed;
}

void redact_case_spans(const suite::Case& c, reports::CaseResult& r, const reports::Redactor& suite_redactor,
                       const std::vector<std::string>& secret_inputs) {
  if (r.spans.empty()) return;
  const reports::Redactor redactor = case_redactor(c, suite_redactor, secret_inputs);
  for (reports::TraceSpan& span : r.spans) span = redactor.span(span);
}

}  // namespace glassbox::runner
