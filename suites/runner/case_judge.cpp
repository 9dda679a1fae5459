#include "suites/runner/case_judge.hpp"

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

}  // namespace

reports::CaseResult describe_case(const std::string& suite_name, const suite::Case& c) {
  reports::CaseResult r;
  r.id = c.id;
  r.suite = suite_name;
  r.request = c.request;
  r.technique = c.technique;
  r.form = c.form;
  r.label = c.label;
  r.expected_outcome = c.expected_outcome;
  r.covers = c.covers;
  r.inputs = c.inputs_as_json();
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
                               const reports::Redactor& redactor) {
  reports::CaseResult r = describe_case(suite_name, c);
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
  for (reports::Check& check : r.checks) check.actual = redactor.text(check.actual);
  r.message = reports::first_failure(r.checks);
  r.outcome = r.message.empty() ? reports::Outcome::Passed : reports::Outcome::Failed;
  return r;
}

void judge_case_trace(const suite::Case& c, reports::CaseResult& r, const reports::Redactor& redactor) {
  if (c.expect.spans.empty()) return;
  if (r.outcome != reports::Outcome::Passed && r.outcome != reports::Outcome::Failed) return;
  auto checks = reports::evaluate_span_expectations(c.expect.spans, r.spans, case_lookup(c));
  for (reports::Check& check : checks) {
    check.actual = redactor.text(check.actual);
    r.checks.push_back(std::move(check));
  }
  r.message = reports::first_failure(r.checks);
  r.outcome = r.message.empty() ? reports::Outcome::Passed : reports::Outcome::Failed;
}

}  // namespace glassbox::runner
