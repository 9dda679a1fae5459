#include "tests/reports/service_levels_fixture.hpp"

namespace glassbox::reports::testing {

namespace {

CaseResult make_case(std::string id, Outcome outcome, double latency_ms, std::string trace_id) {
  CaseResult c;
  c.id = std::move(id);
  c.suite = "checkout";
  c.request = "create_order";
  c.technique = "partitions";
  c.form = "weak_normal";
  c.label = c.id.substr(c.id.rfind('/') + 1);
  c.expected_outcome = "valid";
  c.outcome = outcome;
  c.trace_id = std::move(trace_id);
  c.exchange.method = "POST";
  c.exchange.url = "http://127.0.0.1:8080/orders";
  c.exchange.status = outcome == Outcome::Passed ? 201 : 500;
  c.exchange.latency_ms = latency_ms;
  c.attempts = {{"b7ad6b7169203331", c.exchange.status, "", latency_ms}};
  c.checks = {{"status", outcome == Outcome::Passed, "201", std::to_string(c.exchange.status)}};
  if (outcome != Outcome::Passed) c.message = "status: expected 201, got 500";
  return c;
}

// Mostly about 2 ms; a stall between seconds 12 and 14 holds requests for up to 400 ms,
// which latency from the intended send time shows and service time does not.
std::uint64_t latency_us(int second, int i) {
  if (second >= 12 && second < 14 && i % 4 == 0) return 250'000 + static_cast<std::uint64_t>(i % 5) * 37'000;
  return 1'500 + static_cast<std::uint64_t>(i % 8) * 350 + static_cast<std::uint64_t>(second % 3) * 100;
}

LoadResult load_phase() {
  LoadResult l;
  l.suite = "checkout";
  l.profile = "open: 200/s for 30 s";
  l.model = "open";
  l.planned_rate = 200;
  l.duration_s = 30.03;
  for (int second = 0; second < 30; ++second) {
    LoadInterval interval;
    interval.start_s = second;
    for (int i = 0; i < 200; ++i) {
      const std::uint64_t us = latency_us(second, i);
      const bool failed = (second == 13 && i < 15) || (second == 20 && i < 3);
      const std::string request = i % 3 == 0 ? "checkout/get_order" : "checkout/create_order";
      interval.latency.record(us);
      ++interval.requests;
      l.latency.record(us);
      l.service_time.record(us > 100'000 ? 2'100 : us);
      l.latency_by_request[request].record(us);
      ++l.requests_by_request[request];
      if (failed) {
        ++interval.errors;
        ++l.errors_by_request[request];
      }
    }
    l.errors += interval.errors;
    l.timeline.push_back(std::move(interval));
  }
  l.sent = 6000;
  l.completed = 6000;
  l.transport_errors = 3;
  l.late = 12;
  l.statuses = {{0, 3}, {201, 3982}, {200, 2000}, {503, 15}};
  l.error_kinds = {{"timeout", 3}};
  return l;
}

std::vector<SloResult> slos() {
  auto slo = [](std::string name, std::string objective, Verdict v, std::optional<double> measured, double threshold,
                std::string unit, std::string comparison, std::optional<double> margin, std::string message) {
    SloResult s;
    s.suite = "checkout";
    s.slo = std::move(name);
    s.objective = std::move(objective);
    s.source = "probe (load)";
    s.scope = "target shop, request create_order";
    s.verdict = v;
    s.measured = measured;
    s.threshold = threshold;
    s.unit = std::move(unit);
    s.comparison = std::move(comparison);
    s.margin = margin;
    s.samples = measured ? 6000 : 0;
    s.message = std::move(message);
    return s;
  };
  std::vector<SloResult> out = {
      slo("fast-orders", "p99 latency", Verdict::Fail, 310.0, 200, "ms", "<=", -110.0,
          "p99 latency 310 ms > 200 ms (55% over)"),
      slo("fast-orders", "p95 latency", Verdict::Pass, 4.0, 50, "ms", "<=", 46.0, "p95 latency 4 ms <= 50 ms"),
      slo("reliable", "error rate", Verdict::Warn, 0.003, 0.005, "%", "<=", 0.002,
          "error rate 0.3% <= 0.5%: less than half of the room left"),
      slo("reliable", "availability", Verdict::Pass, 0.997, 0.99, "%", ">=", 0.007, "availability 99.7% >= 99%"),
      slo("busy", "throughput", Verdict::NotMeasured, std::nullopt, 150, "/s", ">=", std::nullopt, kHostileSloMessage),
  };
  out[4].source = "metrics (query)";
  out[4].scope = "http_requests_total{job=\"shop\"}";
  return out;
}

ErrorBudgetResult budget() {
  ErrorBudgetResult b;
  b.suite = "checkout";
  b.availability = 0.995;
  b.budget = 0.005;
  b.period = "30d";
  b.requests = 6000;
  b.errors = 18;
  b.error_rate = 0.003;
  b.burn_rate = 0.6;
  b.consumed = 0.6;
  auto window = [](std::string long_w, std::string short_w, double factor, std::optional<double> long_burn,
                   Verdict v, std::string message) {
    BurnWindow w;
    w.long_window = std::move(long_w);
    w.short_window = std::move(short_w);
    w.factor = factor;
    w.long_burn = long_burn;
    w.short_burn = 0.6;
    w.short_source = "run";
    w.verdict = v;
    w.message = std::move(message);
    return w;
  };
  b.windows = {window("1h", "5m", 14.4, std::nullopt, Verdict::NotMeasured, "1h window not measured: no query API named"),
               window("6h", "30m", 6, std::nullopt, Verdict::NotMeasured, "6h window not measured: no query API named"),
               window("3d", "6h", 1, 1.4, Verdict::Fail, "burning 1.4x over 3d and 0.6x over the run: fires above 1x")};
  b.windows[2].short_burn = 1.2;
  b.windows[2].short_source = "query";
  b.verdict = Verdict::Fail;
  b.message = "the 3d/6h burn-rate rule fires";
  return b;
}

Comparison comparison() {
  Comparison c;
  c.baseline_file = "alpha/results.json";
  c.baseline_environment = "alpha";
  c.baseline_started_at = "2024-05-05T07:00:00.000Z";
  c.items = {{"latency", "p95 latency (load)", "3.2 ms", "4.0 ms", "+25%", "+10%", true},
             {"case", "create_order/partitions/weak_normal/qty=<many>", "passed", "failed", "passed -> failed", "", true},
             {"error_rate", "error rate (load)", "0.2%", "0.3%", "+0.1 points", "+0.5 points", false},
             {"coverage", "branches shop", "100%", "100%", "0 points", "0 points", false}};
  return c;
}

std::vector<LogResult> logs() {
  LogResult app;
  app.suite = "checkout";
  app.name = "app";
  app.origin = "logs/app.jsonl";
  app.lines = 120;
  app.valid = 118;
  app.invalid = 2;
  app.correlated = 100;
  app.uncorrelated = 20;
  app.findings = {"line 7: timestamp \"2024-05-06 07:08\" is not RFC 3339 UTC with microseconds", kHostileFinding};
  LogResult worker;
  worker.suite = "checkout";
  worker.name = "worker";
  worker.origin = "command: kubectl logs deploy/worker";
  worker.required = false;
  worker.lines = 10;
  worker.valid = 10;
  worker.correlated = 4;
  worker.uncorrelated = 6;
  return {app, worker};
}

GoldenSignals golden(std::string target, std::string source, std::uint64_t requests, double p50, double p95, double p99,
                     double max, double error_rate, double throughput) {
  GoldenSignals g;
  g.target = std::move(target);
  g.source = std::move(source);
  g.requests = requests;
  g.p50_ms = p50;
  g.p95_ms = p95;
  g.p99_ms = p99;
  g.max_ms = max;
  g.error_rate = error_rate;
  g.throughput = throughput;
  return g;
}

}  // namespace

RunResults service_level_run() {
  RunResults r;
  r.tool_version = "0.1.0";
  r.suites = {"checkout"};
  r.suite_files = {"suites/examples/checkout.yaml"};
  r.environment = "beta";
  r.seed = 7;
  r.started_at = "2024-05-06T07:08:09.123Z";
  r.duration_ms = 31'250;
  r.hostname = "agent-1";
  CaseResult ok = make_case("create_order/partitions/weak_normal/qty=one", Outcome::Passed, 2.5,
                            "0af7651916cd43dd8448eb211c80319c");
  ok.log_lines = {{12, "INFO", R"({"level":"INFO","msg":"order created","trace_id":"0af7651916cd43dd8448eb211c80319c"})"}};
  CaseResult bad = make_case("create_order/partitions/weak_normal/qty=<many>", Outcome::Failed, 48.5,
                             "4bf92f3577b34da6a3ce929d0e0e4736");
  bad.log_lines = {{57, "ERROR", kHostileLogText}, {58, "WARN", "retrying \x1b[31mpayment\x1b[0m"}};
  r.cases = {ok, bad};
  for (const CaseResult& c : r.cases) {
    r.latency.record(static_cast<std::uint64_t>(c.exchange.latency_ms * 1000));
    r.latency_by_request["checkout/create_order"].record(static_cast<std::uint64_t>(c.exchange.latency_ms * 1000));
  }
  r.load = {load_phase()};
  r.golden_signals = {golden("shop", "load", 6000, 2.1, 4.0, 310, 402, 0.003, 199.8),
                      golden("payments", "cases", 2, 2.5, 48.5, 48.5, 48.5, 0.5, 0.06)};
  r.golden_signals[0].saturation = 0.42;
  r.golden_signals[0].saturation_source = "process_cpu_seconds_total rate";
  r.slos = slos();
  r.error_budgets = {budget()};
  r.comparison = comparison();
  r.logs = logs();
  return r;
}

}  // namespace glassbox::reports::testing
