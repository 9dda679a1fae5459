#include "fake_run.hpp"

namespace glassbox::reports::testing {
namespace {

CaseResult passed_case() {
  CaseResult c;
  c.id = "triangle/partitions/weak_normal/a=valid";
  c.suite = "shop";
  c.request = "triangle";
  c.technique = "partitions";
  c.form = "weak_normal";
  c.label = "a=valid, b=valid";
  c.expected_outcome = "valid";
  c.inputs = Value{{"a", 3}, {"b", "x"}};
  c.classes = {{"a", "valid"}, {"b", "valid"}};
  c.outcome = Outcome::Passed;
  c.checks = {{"status", true, "200", "200"}};
  c.trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
  c.attempts = {{"00f067aa0ba902b7", 200, "", 12.3}};
  c.exchange.method = "POST";
  c.exchange.url = "http://127.0.0.1:8080/triangle";
  c.exchange.request_headers = {{"content-type", "application/json"}};
  c.exchange.request_body = R"({"a":3})";
  c.exchange.status = 200;
  c.exchange.response_headers = {{"content-type", "application/json"}};
  c.exchange.response_body = R"({"padding":")" + std::string(5000, 'p') + R"("})";
  c.exchange.latency_ms = 12.3;
  return c;
}

CaseResult hostile_failed_case() {
  CaseResult c;
  c.id = "triangle/" + kScript + "/a=" + kAttributeBreaker;
  c.suite = "shop";
  c.request = "triangle" + kScript;
  c.technique = "boundaries";
  c.form = "robust" + kAttributeBreaker;
  c.label = "label " + kUnicode;
  c.expected_outcome = "invalid (a.too_small)";
  c.inputs = Value{{"a", kScript}, {"name" + kAttributeBreaker, kUnicode}};
  c.classes = {{"a", "too_small" + kPreBreaker}};
  c.outcome = Outcome::Failed;
  c.message = "expected status 400, got 500 " + kScript;
  c.checks = {{"status", false, "400", "500"}, {"json /kind equals", false, "\"invalid\"", kPreBreaker + kScript}};
  c.trace_id = "0af7651916cd43dd8448eb211c80319c";
  c.attempts = {{"b7ad6b7169203331", 500, "", 48.5}};
  c.exchange.method = "POST";
  c.exchange.url = "http://127.0.0.1:8080/triangle?q=" + kScript;
  c.exchange.request_headers = {{"x-note" + kAttributeBreaker, kScript}};
  c.exchange.request_body = kPreBreaker + kScript;
  c.exchange.status = 500;
  c.exchange.response_headers = {{"content-type", "text/html"}, {"x-evil", kAttributeBreaker}};
  c.exchange.response_body = kPreBreaker + kScript + " " + kUnicode + " bad:\xff\x01 <STYLE>x</STYLE>" +
                             std::string(3000, 'f') + "END-OF-FAILED-BODY";
  c.exchange.latency_ms = 48.5;
  c.start_offset_ms = 15;
  return c;
}

CaseResult error_case() {
  CaseResult c;
  c.id = "triangle/boundaries/robust/a=max+";
  c.suite = "shop";
  c.request = "triangle";
  c.technique = "boundaries";
  c.form = "robust";
  c.label = "a=max+";
  c.expected_outcome = "invalid (a.too_large)";
  c.inputs = Value{{"a", 101}};
  c.outcome = Outcome::Error;
  c.message = "timeout after 2000 ms";
  c.trace_id = "5bf92f3577b34da6a3ce929d0e0e4737";
  c.attempts = {{"a1a2a3a4a5a6a7a8", 0, "timeout after 2000 ms", 2000}, {"b1b2b3b4b5b6b7b8", 0, "timeout after 2000 ms", 2000}};
  c.exchange.method = "POST";
  c.exchange.url = "http://127.0.0.1:8080/triangle";
  c.exchange.latency_ms = 2000;
  return c;
}

CaseResult skipped_case() {
  CaseResult c;
  c.id = "orders/decision_table/full/rule=3";
  c.suite = "shop";
  c.request = "orders";
  c.technique = "decision_table";
  c.form = "full";
  c.label = "rule 3";
  c.outcome = Outcome::Skipped;
  return c;
}

RunResults base_run() {
  RunResults r;
  r.tool_version = "0.1.0";
  r.suites = {"shop"};
  r.suite_files = {"suites/shop.yaml"};
  r.environment = "alpha";
  r.seed = 42;
  r.started_at = "2024-05-01T10:00:00Z";
  r.duration_ms = 1234;
  for (std::uint64_t us : {900, 1100, 1200, 1300, 1500, 2100, 2500, 4000, 12300, 48500, 250000}) r.latency.record(us);
  r.latency_by_request["shop/triangle"] = r.latency;
  r.latency_by_request["shop/orders"].record(3000);
  return r;
}

}  // namespace

RunResults hostile_run() {
  RunResults r = base_run();
  r.environment = "alpha" + kScript;
  r.cases = {passed_case(), hostile_failed_case(), error_case(), skipped_case()};
  return r;
}

RunResults passing_run() {
  RunResults r = base_run();
  CaseResult second = passed_case();
  second.id = "triangle/partitions/weak_normal/a=other";
  r.cases = {passed_case(), second};
  return r;
}

}  // namespace glassbox::reports::testing
