#include "tests/reports/fake_results.hpp"

#include <cmath>

namespace glassbox::reports::testing {

namespace {

Exchange get(std::string url, int status, std::string body, double latency_ms) {
  Exchange x;
  x.method = "GET";
  x.url = std::move(url);
  x.request_headers = {{"Accept", "application/json"}, {"traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}};
  x.status = status;
  x.response_headers = {{"Content-Type", "application/json"}};
  x.response_body = std::move(body);
  x.latency_ms = latency_ms;
  return x;
}

CaseResult passed_partition() {
  CaseResult c;
  c.id = "classify/partitions/weak_normal/a=scalene,b=scalene,c=scalene";
  c.suite = "triangle";
  c.request = "classify";
  c.technique = "partitions";
  c.form = "weak_normal";
  c.label = "a=scalene, b=scalene, c=scalene";
  c.expected_outcome = "valid";
  c.inputs = {{"a", 3}, {"b", 4}, {"c", 5}};
  c.classes = {{"a", "scalene"}, {"b", "scalene"}, {"c", "scalene"}};
  c.outcome = Outcome::Passed;
  c.checks = {{"status", true, "200", "200"}, {"json /kind equals", true, "\"scalene\"", "\"scalene\""}};
  c.trace_id = "0af7651916cd43dd8448eb211c80319c";
  c.attempts = {{"b7ad6b7169203331", 200, "", 12.5}};
  c.exchange = get("http://127.0.0.1:8080/triangle?a=3&b=4&c=5", 200, R"({"kind":"scalene"})", 12.5);
  c.start_offset_ms = 3.25;
  return c;
}

CaseResult failed_boundary_with_hostile_response() {
  CaseResult c;
  c.id = "classify/boundaries/robust/a=max+";
  c.suite = "triangle";
  c.request = "classify";
  c.technique = "boundaries";
  c.form = "robust";
  c.label = "a=\"max+\" <b>&</b>";
  c.expected_outcome = "invalid (a.too_large)";
  c.inputs = {{"a", 201}, {"b", 100}, {"c", 100}, {"note", "quote \" and apostrophe ' and ]]>"}};
  c.classes = {{"a", "too_large/max+"}, {"b", "in_range"}, {"c", "in_range"}};
  c.outcome = Outcome::Failed;
  c.message = "json /kind equals: expected \"isosceles\", got \"<script>alert(1)</script>\"";
  c.checks = {{"status", true, "4xx", "400"},
              {"json /kind equals", false, "\"isosceles\"", "\"<script>alert(1)</script>\""},
              {"header content-type matches", false, "application/json", "text/html; \x01\x02 charset=\"utf-8\""}};
  c.trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
  c.attempts = {{"00f067aa0ba902b7", 400, "", 7.125}};
  c.exchange = get("http://127.0.0.1:8080/triangle?a=201&b=100&c=100", 400,
                   "<html><script>alert(1)</script>]]>\x01\x1f bell\x07 h\xc3\xa9llo \xe2\x9c\x93 \xf0\x9f\x98\x80 "
                   "bad byte \xff end</html>",
                   7.125);
  c.exchange.response_headers = {{"Content-Type", "text/html; \x01\x02 charset=\"utf-8\""}, {"Set-Cookie", "***"}};
  c.start_offset_ms = 20;
  return c;
}

CaseResult error_after_retries() {
  CaseResult c;
  c.id = "classify/boundaries/robust/a=min-";
  c.suite = "triangle";
  c.request = "classify";
  c.technique = "boundaries";
  c.form = "robust";
  c.label = "a=min-";
  c.expected_outcome = "invalid (a.too_small)";
  c.inputs = {{"a", 0}, {"b", 100}, {"c", 100}};
  c.classes = {{"a", "too_small/min-"}};
  c.outcome = Outcome::Error;
  c.message = "timeout after 2000 ms";
  c.trace_id = "5b8efff798038103d269b633813fc60c";
  c.attempts = {{"eee19b7ec3c1b174", 503, "", 1.5}, {"eee19b7ec3c1b175", 0, "timeout after 2000 ms", 2000}};
  c.exchange = get("http://127.0.0.1:8080/triangle?a=0&b=100&c=100", 0, "", 2000);
  c.exchange.response_headers.clear();
  c.start_offset_ms = 21.5;
  return c;
}

CaseResult skipped_by_interrupt() {
  CaseResult c;
  c.id = "classify/partitions/weak_normal/a=not_a_number";
  c.suite = "triangle";
  c.request = "classify";
  c.technique = "partitions";
  c.form = "weak_normal";
  c.label = "a=not_a_number";
  c.expected_outcome = "invalid (a.not_a_number)";
  c.inputs = {{"a", "x"}, {"b", 4}, {"c", 5}};
  c.classes = {{"a", "not_a_number"}};
  c.outcome = Outcome::Skipped;
  c.message = "not run: the run was interrupted";
  c.trace_id = "6e0c63257de34c92bf9efcd03927272e";
  return c;
}

CaseResult passed_pairwise_with_markdown_specials() {
  CaseResult c;
  c.id = "create/pairwise/2-wise/row=1";
  c.suite = "orders";
  c.request = "create";
  c.technique = "pairwise";
  c.form = "2-wise";
  c.label = "size=L | color=`red` & qty=*2* [x](y)";
  c.expected_outcome = "valid";
  c.inputs = {{"size", "L"}, {"color", "red"}, {"qty", 2}, {"city", "Zürich 東京"}};
  c.outcome = Outcome::Passed;
  c.checks = {{"status", true, "201", "201"}};
  c.trace_id = "a3ce929d0e0e47364bf92f3577b34da6";
  c.attempts = {{"53995c3f42cd8ad8", 201, "", 30.75}};
  c.exchange = get("http://127.0.0.1:8081/orders", 201, R"({"id":"o-1"})", 30.75);
  c.exchange.method = "POST";
  c.exchange.request_body = R"({"size":"L","color":"red","qty":2})";
  c.exchange.request_headers.emplace_back("Authorization", "***");
  c.start_offset_ms = 40;
  return c;
}

CaseResult failed_pairwise_multiline() {
  CaseResult c;
  c.id = "create/pairwise/2-wise/row=2";
  c.suite = "orders";
  c.request = "create";
  c.technique = "pairwise";
  c.form = "2-wise";
  c.label = "size=S | color=blue";
  c.expected_outcome = "valid";
  c.inputs = {{"size", "S"}, {"color", "blue"}, {"qty", 1}};
  c.outcome = Outcome::Failed;
  c.message = "status: expected 201, got 500";
  c.checks = {{"status", false, "201", "500"},
              {"json /error absent", false, "no field", "\"line one\\nline two\"\r\nsecond\tline"},
              {"latency", true, "<= 500 ms", "88.0 ms"}};
  c.trace_id = "d269b633813fc60c5b8efff798038103";
  c.attempts = {{"c3c1b174eee19b7e", 500, "", 88}};
  c.exchange = get("http://127.0.0.1:8081/orders", 500, "internal error\nstack: <none>", 88);
  c.exchange.method = "POST";
  c.exchange.request_body = R"({"size":"S","color":"blue","qty":1})";
  c.exchange.response_body_truncated = true;
  c.start_offset_ms = 41;
  return c;
}

}  // namespace

std::vector<CaseResult> fake_cases() {
  return {passed_partition(),         failed_boundary_with_hostile_response(), error_after_retries(),
          skipped_by_interrupt(),     passed_pairwise_with_markdown_specials(), failed_pairwise_multiline()};
}

RunResults run_of(std::vector<CaseResult> cases) {
  RunResults r;
  r.tool_version = "0.1.0";
  r.suites = {"triangle", "orders"};
  r.suite_files = {"suites/examples/triangle.yaml", "suites/examples/orders.yaml"};
  r.environment = "alpha";
  r.seed = 18446744073709551557ull;  // above 2^63: seeds are full uint64
  r.started_at = "2024-05-06T07:08:09.123Z";
  r.duration_ms = 2100.5;
  r.interrupted = true;
  r.hostname = "ci-agent-7";
  for (const CaseResult& c : cases) {
    if (c.exchange.method.empty()) continue;  // never sent
    const auto us = static_cast<std::uint64_t>(std::llround(c.exchange.latency_ms * 1000));
    r.latency.record(us);
    r.latency_by_request[c.suite + "/" + c.request].record(us);
  }
  r.cases = std::move(cases);
  return r;
}

RunResults fake_results() {
  RunResults r = run_of(fake_cases());
  // The first case's trace: a server span the probe parented, a child, and an orphan whose
  // parent never arrived; a hostile attribute value for the writers to escape.
  r.cases.front().spans = {
      TraceSpan{"1a903d7eb0330f2a", "00f067aa0ba902b7", "POST /triangle", "eval-svc", "server", "unset", "", 0.0, 1.43,
                0, "probe_child", Value{{"http.response.status_code", 200}, {"http.route", "/triangle"}}},
      TraceSpan{"51e09af9a8835241", "1a903d7eb0330f2a", "classify", "eval-svc", "internal", "error",
                "<script>alert(1)</script>", 0.2, 0.5, 1, "child", Value{{"branch", "scalene"}}},
      TraceSpan{"9f3f0ecc8909057d", "ffffffffffffff01", "late", "eval-svc", "internal", "unset", "", 1.0, 0.1, 0,
                "orphan", Value::object()}};
  // Coverage of the triangle suite's service: operations meet their goal, branches miss
  // theirs, paths are reported without a goal; an undeclared item carries markup to escape.
  const std::string first = r.cases.front().id;
  r.coverage = {
      CoverageItem{"triangle", "eval-svc", "operations", "POST /triangle", true, {first}},
      CoverageItem{"triangle", "eval-svc", "operations", "classify", true, {first}},
      CoverageItem{"triangle", "eval-svc", "operations", "validate", true, {}},
      CoverageItem{"triangle", "eval-svc", "operations", "late", false, {first}},
      CoverageItem{"triangle", "eval-svc", "branches", "classify.branch=scalene", true, {first}},
      CoverageItem{"triangle", "eval-svc", "branches", "classify.branch=equilateral", true, {}},
      CoverageItem{"triangle", "eval-svc", "branches", "classify.branch=<b>|x&y</b>", false, {first, "not-in-this-file"}},
      CoverageItem{"triangle", "eval-svc", "paths", "POST /triangle: POST /triangle(classify)", true, {first}}};
  r.coverage_totals = {CoverageTotal{"triangle", "eval-svc", "operations", 2, 3, 50.0},
                       CoverageTotal{"triangle", "eval-svc", "branches", 1, 2, 90.0},
                       CoverageTotal{"triangle", "eval-svc", "paths", 1, 1, std::nullopt}};
  r.telemetry = Telemetry{true, "OTLP receiver on http://127.0.0.1:4318", 12, 9, 3, 1, 1, {{"billing", 2}, {"(unknown service)", 1}}};
  return r;
}

}  // namespace glassbox::reports::testing
