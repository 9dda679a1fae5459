#include "large_run.hpp"

#include <string>
#include <utility>

#include <fmt/format.h>

namespace glassbox::reports::testing {
namespace {

// Of every 100 cases: 40 pairwise, 20 partitions, 15 boundaries, 10 decision table,
// 7 state transitions, 5 error guessing, 3 property.
const char* technique_of(std::size_t i) {
  const std::size_t k = i % 100;
  constexpr std::size_t kBounds[] = {40, 60, 75, 85, 92, 97, 100};
  for (std::size_t t = 0; t < std::size(kBounds); ++t)
    if (k < kBounds[t]) return kLargeRunTechniques[t];
  return kLargeRunTechniques[0];
}

Outcome outcome_of(std::size_t i) {
  if (i % 97 == 13) return Outcome::Error;
  if (i % 20 == 7) return Outcome::Failed;
  if (i % 211 == 5) return Outcome::Skipped;
  return Outcome::Passed;
}

std::vector<TraceSpan> spans_for(std::size_t i) {
  std::vector<TraceSpan> spans;
  const double base = static_cast<double>(i % 7);
  spans.push_back({fmt::format("{:016x}", i * 5 + 1), "00f067aa0ba902b7", "POST /orders", "shop", "server", "ok", "",
                   0.0, 4.0 + base, 0, "probe_child", Value{{"http.route", "/orders"}, {"http.response.status_code", 200}}});
  for (int s = 0; s < 4; ++s)
    spans.push_back({fmt::format("{:016x}", i * 5 + 2 + s), fmt::format("{:016x}", i * 5 + 1),
                     fmt::format("step-{}", s), "shop", "internal", s == 3 && i % 20 == 7 ? "error" : "unset", "",
                     0.5 + s, 0.8, 1, "child", Value{{"branch", fmt::format("b{}", (i + s) % 5)}}});
  return spans;
}

CaseResult make_case(std::size_t i) {
  CaseResult c;
  c.technique = technique_of(i);
  c.suite = "shop";
  c.request = i % 3 == 0 ? "create_order" : i % 3 == 1 ? "get_order" : "pay";
  c.target = "shop";
  c.form = i % 2 == 0 ? "strong" : "weak";
  c.id = fmt::format("shop/{}/{}/c={}", c.technique, c.form, i);
  c.label = fmt::format("quantity={} coupon={} country=DE #{}", i % 50, i % 2 == 0 ? "SAVE10" : "none", i);
  c.expected_outcome = "status 2xx";
  c.inputs = Value{{"quantity", static_cast<int>(i % 50)}, {"coupon", i % 2 == 0 ? "SAVE10" : ""}, {"country", "DE"}};
  c.classes = {{"quantity", i % 50 < 40 ? "valid" : "too_many"}, {"coupon", "known"}};
  c.outcome = outcome_of(i);
  c.trace_id = fmt::format("{:032x}", i + 1);
  c.start_offset_ms = static_cast<double>(i) * 0.3;
  c.checks = {{"status", c.outcome != Outcome::Failed, "2xx", c.outcome == Outcome::Failed ? "500" : "201"},
              {"json /total", true, "> 0", "42.5"}};
  if (c.outcome == Outcome::Failed) c.message = "status: expected 2xx, got 500";
  if (c.outcome == Outcome::Error) c.message = "timeout after 2000 ms";
  if (c.outcome == Outcome::Skipped) c.message = "an earlier step failed";
  // Every 50th case was retried once after a 503: a flaky case for the JUnit option too.
  if (i % 50 == 3) c.attempts.push_back({fmt::format("{:016x}", i * 7 + 1), 503, "", 12.0});
  if (c.outcome != Outcome::Skipped)
    c.attempts.push_back({fmt::format("{:016x}", i * 7 + 2), c.outcome == Outcome::Error ? 0 : 201,
                          c.outcome == Outcome::Error ? "timeout after 2000 ms" : "", 3.0 + static_cast<double>(i % 40)});
  c.exchange.method = c.request == "get_order" ? "GET" : "POST";
  c.exchange.url = fmt::format("http://127.0.0.1:8080/orders/{}", i);
  c.exchange.request_headers = {{"content-type", "application/json"}, {"traceparent", "00-" + c.trace_id + "-00f067aa0ba902b7-01"}};
  c.exchange.request_body = fmt::format(R"({{"quantity":{},"coupon":"{}","country":"DE"}})", i % 50, i % 2 == 0 ? "SAVE10" : "");
  c.exchange.status = c.outcome == Outcome::Error ? 0 : c.outcome == Outcome::Failed ? 500 : 201;
  c.exchange.response_headers = {{"content-type", "application/json"}, {"x-request-id", fmt::format("r-{}", i)}};
  c.exchange.response_body = fmt::format(R"({{"id":{},"status":"created","total":42.5,"items":[{{"sku":"A-1","n":{}}}]}})", i, i % 50);
  c.exchange.latency_ms = 3.0 + static_cast<double>(i % 40);
  if (i % 10 == 0) c.spans = spans_for(i);
  c.covers = {fmt::format("class:quantity={}", c.classes["quantity"])};
  return c;
}

}  // namespace

RunResults large_run(std::size_t count) {
  RunResults r;
  r.tool_version = "0.1.0";
  r.suites = {"shop"};
  r.suite_files = {"suites/shop.yaml"};
  r.environment = "beta";
  r.seed = 42;
  r.started_at = "2026-01-02T03:04:05Z";
  r.duration_ms = 61'000;
  r.hostname = "agent-1";
  r.cases.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    r.cases.push_back(make_case(i));
    const CaseResult& c = r.cases.back();
    if (c.outcome == Outcome::Skipped) continue;
    const auto us = static_cast<std::uint64_t>(c.exchange.latency_ms * 1000);
    r.latency.record(us);
    r.latency_by_request["shop/" + c.request].record(us);
  }
  r.telemetry = Telemetry{true, "OTLP receiver on http://127.0.0.1:4318", count / 2, count / 2, 0, 0, 0, {}};
  // Operations and branches, each reached by a share of the cases (thousands each at scale).
  for (int op = 0; op < 4; ++op) {
    CoverageItem item{"shop", "shop", "operations", fmt::format("step-{}", op), true, {}};
    for (std::size_t i = 0; i < count; i += 10) item.cases.push_back(r.cases[i].id);
    r.coverage.push_back(std::move(item));
  }
  for (int b = 0; b < 6; ++b) {
    CoverageItem item{"shop", "shop", "branches", fmt::format("step-0.branch=b{}", b), true, {}};
    if (b < 5)
      for (std::size_t i = static_cast<std::size_t>(b); i < count; i += 50) item.cases.push_back(r.cases[i].id);
    r.coverage.push_back(std::move(item));
  }
  r.coverage_totals = {{"shop", "shop", "operations", 4, 4, 100.0}, {"shop", "shop", "branches", 5, 6, 80.0}};
  LoadResult load;
  load.suite = "shop";
  load.profile = "open: 200/s for 60 s";
  load.model = "open";
  load.planned_rate = 200;
  load.duration_s = 60;
  load.sent = load.completed = 12'000;
  load.errors = 24;
  load.statuses = {{201, 11'976}, {503, 24}};
  for (int s = 0; s < 60; ++s) {
    LoadInterval interval;
    interval.start_s = s;
    interval.requests = 200;
    interval.errors = s % 15 == 0 ? 6 : 0;
    for (int k = 0; k < 200; ++k) {
      const auto us = static_cast<std::uint64_t>(2000 + (k * 37 + s * 11) % 9000 + (k == 199 ? 250'000 : 0));
      interval.latency.record(us);
      load.latency.record(us);
      load.service_time.record(us / 2);
      load.latency_by_request["shop/get_order"].record(us);
    }
    load.timeline.push_back(std::move(interval));
  }
  r.load.push_back(std::move(load));
  r.slos = {{"shop", "latency", "p99 latency", "probe (load)", "target shop", Verdict::Fail, 250.0, 200.0, "ms", "<=",
             -50.0, 12'000, "p99 latency 250 ms > 200 ms (25% over)"},
            {"shop", "errors", "error rate", "probe (load)", "target shop", Verdict::Pass, 0.002, 0.01, "%", "<=", 0.008,
             12'000, "error rate 0.20% <= 1.00%"}};
  return r;
}

}  // namespace glassbox::reports::testing
