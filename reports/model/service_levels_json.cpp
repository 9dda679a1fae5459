// Service-level results <-> results JSON. Ratios (error rates, availability, budgets) are
// numbers from 0 to 1 and are checked to be; verdicts are their names; an unmeasured value
// is null. Derived values (a load's throughput and error rate, a comparison's "regressed",
// a log's "passed") are written for readers and ignored when reading.
#include "reports/model/service_levels_json.hpp"

#include <charconv>
#include <climits>

#include <fmt/format.h>

#include "reports/model/histogram_json.hpp"

namespace glassbox::reports {

namespace {

constexpr int kMaxStatus = 999;

Value optional_number(const std::optional<double>& v) { return v ? Value(*v) : Value(nullptr); }

// ---- writing ---------------------------------------------------------------------------

Value load_to_json(const LoadResult& l) {
  Value statuses = Value::object();
  for (const auto& [status, n] : l.statuses) statuses[std::to_string(status)] = n;
  // The three per-request maps share their keys: one object per request holds them all.
  Value by_request = Value::object();
  for (const auto& [key, h] : l.latency_by_request) by_request[key]["latency"] = histogram_to_json(h);
  for (const auto& [key, n] : l.requests_by_request) by_request[key]["requests"] = n;
  for (const auto& [key, n] : l.errors_by_request) by_request[key]["errors"] = n;
  Value timeline = Value::array();
  for (const LoadInterval& i : l.timeline)
    timeline.push_back({{"start_s", i.start_s}, {"requests", i.requests}, {"errors", i.errors},
                        {"latency", histogram_to_json(i.latency)}});
  return Value{{"suite", l.suite},
               {"profile", l.profile},
               {"model", l.model},
               {"planned_rate", l.planned_rate},
               {"duration_s", l.duration_s},
               {"sent", l.sent},
               {"completed", l.completed},
               {"errors", l.errors},
               {"transport_errors", l.transport_errors},
               {"late", l.late},
               {"statuses", std::move(statuses)},
               {"error_kinds", l.error_kinds},
               {"latency", histogram_to_json(l.latency)},
               {"service_time", histogram_to_json(l.service_time)},
               {"by_request", std::move(by_request)},
               {"timeline", std::move(timeline)},
               {"interrupted", l.interrupted},
               {"throughput", l.throughput()},
               {"error_rate", l.error_rate()}};
}

Value golden_to_json(const GoldenSignals& g) {
  return Value{{"target", g.target},     {"source", g.source},         {"requests", g.requests},
               {"p50_ms", g.p50_ms},     {"p95_ms", g.p95_ms},         {"p99_ms", g.p99_ms},
               {"max_ms", g.max_ms},     {"error_rate", g.error_rate}, {"throughput", g.throughput},
               {"saturation", optional_number(g.saturation)},          {"saturation_source", g.saturation_source}};
}

Value slo_to_json(const SloResult& s) {
  return Value{{"suite", s.suite},
               {"slo", s.slo},
               {"objective", s.objective},
               {"source", s.source},
               {"scope", s.scope},
               {"verdict", to_string(s.verdict)},
               {"measured", optional_number(s.measured)},
               {"threshold", s.threshold},
               {"unit", s.unit},
               {"comparison", s.comparison},
               {"margin", optional_number(s.margin)},
               {"samples", s.samples},
               {"message", s.message}};
}

Value budget_to_json(const ErrorBudgetResult& b) {
  Value windows = Value::array();
  for (const BurnWindow& w : b.windows)
    windows.push_back({{"long_window", w.long_window},
                       {"short_window", w.short_window},
                       {"factor", w.factor},
                       {"long_burn", optional_number(w.long_burn)},
                       {"short_burn", optional_number(w.short_burn)},
                       {"short_source", w.short_source},
                       {"verdict", to_string(w.verdict)},
                       {"message", w.message}});
  return Value{{"suite", b.suite},
               {"availability", b.availability},
               {"budget", b.budget},
               {"period", b.period},
               {"requests", b.requests},
               {"errors", b.errors},
               {"error_rate", b.error_rate},
               {"burn_rate", b.burn_rate},
               {"consumed", b.consumed},
               {"windows", std::move(windows)},
               {"verdict", to_string(b.verdict)},
               {"message", b.message}};
}

Value comparison_to_json(const Comparison& c) {
  Value items = Value::array();
  for (const Regression& r : c.items)
    items.push_back({{"kind", r.kind}, {"subject", r.subject}, {"baseline", r.baseline}, {"current", r.current},
                     {"change", r.change}, {"allowed", r.allowed}, {"regressed", r.regressed}});
  return Value{{"baseline_file", c.baseline_file},
               {"baseline_environment", c.baseline_environment},
               {"baseline_started_at", c.baseline_started_at},
               {"regressed", c.regressed()},
               {"items", std::move(items)}};
}

Value log_to_json(const LogResult& l) {
  return Value{{"suite", l.suite},       {"name", l.name},
               {"origin", l.origin},     {"required", l.required},
               {"lines", l.lines},       {"valid", l.valid},
               {"invalid", l.invalid},   {"correlated", l.correlated},
               {"uncorrelated", l.uncorrelated}, {"findings", l.findings},
               {"error", l.error},       {"passed", l.passed()}};
}

template <typename T, typename F>
Value array_of(const std::vector<T>& items, F&& one) {
  Value out = Value::array();
  for (const T& item : items) out.push_back(one(item));
  return out;
}

// ---- reading ---------------------------------------------------------------------------

// Iterates the objects of an optional array member, stopping at the first error.
template <typename F>
void for_each_object(JsonReader& r, const Value& object, const std::string& path, std::string_view key, F&& read_one) {
  const Value* array = r.get_array(object, path, key);
  if (!array) return;
  const std::string at = JsonReader::field_path(path, key);
  for (std::size_t i = 0; i < array->size() && r.ok(); ++i) {
    const std::string here = JsonReader::index_path(at, i);
    if (!r.expect_object((*array)[i], here)) return;
    read_one((*array)[i], here);
  }
}

double get_ratio(JsonReader& r, const Value& object, const std::string& path, std::string_view key) {
  const Value* v = r.member(object, path, key, Need::Optional);
  if (!v) return 0;
  const double x = r.get_number(object, path, key);
  if (r.ok() && !(x >= 0 && x <= 1))
    r.fail(JsonReader::field_path(path, key), "expected a ratio from 0 to 1, got " + JsonReader::shown(*v));
  return x;
}

// A number, or null (or absent) for "not measured".
std::optional<double> get_optional_number(JsonReader& r, const Value& object, const std::string& path,
                                          std::string_view key) {
  const Value* v = r.member(object, path, key, Need::Optional);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_number()) {
    r.fail(JsonReader::field_path(path, key), "expected a number or null, got " + JsonReader::shown(*v));
    return std::nullopt;
  }
  return v->get<double>();
}

Verdict get_verdict(JsonReader& r, const Value& object, const std::string& path) {
  const Value* v = r.member(object, path, "verdict", Need::Optional);
  if (!v) return Verdict::NotMeasured;
  const auto parsed = v->is_string() ? verdict_from_string(v->get_ref<const std::string&>()) : std::nullopt;
  if (!parsed) {
    r.fail(JsonReader::field_path(path, "verdict"),
           "expected one of pass, warn, fail, not_measured, got " + JsonReader::shown(*v));
    return Verdict::NotMeasured;
  }
  return *parsed;
}

int get_count(JsonReader& r, const Value& object, const std::string& path, std::string_view key) {
  return static_cast<int>(r.get_int(object, path, key, 0, INT_MAX));
}

std::vector<std::string> get_strings(JsonReader& r, const Value& object, const std::string& path, std::string_view key) {
  std::vector<std::string> out;
  const Value* array = r.get_array(object, path, key);
  if (!array) return out;
  const std::string here = JsonReader::field_path(path, key);
  for (std::size_t i = 0; i < array->size(); ++i)
    if (r.expect_string((*array)[i], JsonReader::index_path(here, i))) out.push_back((*array)[i].get<std::string>());
  return out;
}

void read_counts(JsonReader& r, const Value& object, const std::string& path, std::string_view key,
                 std::map<std::string, std::uint64_t>& out) {
  const Value* counts = r.get_object(object, path, key);
  if (!counts) return;
  const std::string at = JsonReader::field_path(path, key);
  for (const auto& [name, n] : counts->items())
    if (auto count = r.expect_uint64(n, JsonReader::key_path(at, name))) out[name] = *count;
}

void read_statuses(JsonReader& r, const Value& l, const std::string& path, LoadResult& out) {
  std::map<std::string, std::uint64_t> counts;
  read_counts(r, l, path, "statuses", counts);
  for (const auto& [key, n] : counts) {
    int status = -1;
    const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), status);
    if (ec != std::errc() || end != key.data() + key.size() || status < 0 || status > kMaxStatus) {
      r.fail(JsonReader::key_path(JsonReader::field_path(path, "statuses"), key),
             "expected an HTTP status from 0 to 999 as the key");
      return;
    }
    out.statuses[status] = n;
  }
}

void read_load_by_request(JsonReader& r, const Value& l, const std::string& path, LoadResult& out) {
  const Value* by = r.get_object(l, path, "by_request");
  if (!by) return;
  const std::string at = JsonReader::field_path(path, "by_request");
  for (const auto& [key, entry] : by->items()) {
    const std::string here = JsonReader::key_path(at, key);
    if (!r.ok() || !r.expect_object(entry, here)) return;
    if (const Value* h = r.member(entry, here, "latency", Need::Optional))
      out.latency_by_request[key] = read_histogram(r, *h, JsonReader::field_path(here, "latency"));
    if (r.member(entry, here, "requests", Need::Optional)) out.requests_by_request[key] = r.get_uint64(entry, here, "requests");
    if (r.member(entry, here, "errors", Need::Optional)) out.errors_by_request[key] = r.get_uint64(entry, here, "errors");
  }
}

LoadResult read_load(JsonReader& r, const Value& l, const std::string& path) {
  LoadResult out;
  for (auto [key, field] : {std::pair{"suite", &out.suite}, {"profile", &out.profile}, {"model", &out.model}})
    *field = r.get_string(l, path, key);
  out.planned_rate = r.get_number(l, path, "planned_rate");
  out.duration_s = r.get_number(l, path, "duration_s");
  for (auto [key, field] : {std::pair{"sent", &out.sent}, {"completed", &out.completed}, {"errors", &out.errors},
                            {"transport_errors", &out.transport_errors}, {"late", &out.late}})
    *field = r.get_uint64(l, path, key);
  read_statuses(r, l, path, out);
  read_counts(r, l, path, "error_kinds", out.error_kinds);
  if (const Value* h = r.member(l, path, "latency", Need::Optional))
    out.latency = read_histogram(r, *h, JsonReader::field_path(path, "latency"));
  if (const Value* h = r.member(l, path, "service_time", Need::Optional))
    out.service_time = read_histogram(r, *h, JsonReader::field_path(path, "service_time"));
  read_load_by_request(r, l, path, out);
  for_each_object(r, l, path, "timeline", [&](const Value& v, const std::string& here) {
    LoadInterval i;
    i.start_s = r.get_number(v, here, "start_s");
    i.requests = r.get_uint64(v, here, "requests");
    i.errors = r.get_uint64(v, here, "errors");
    if (const Value* h = r.member(v, here, "latency", Need::Optional))
      i.latency = read_histogram(r, *h, JsonReader::field_path(here, "latency"));
    out.timeline.push_back(std::move(i));
  });
  out.interrupted = r.get_bool(l, path, "interrupted");
  return out;
}

GoldenSignals read_golden(JsonReader& r, const Value& v, const std::string& path) {
  GoldenSignals g;
  g.target = r.get_string(v, path, "target");
  g.source = r.get_string(v, path, "source");
  g.requests = r.get_uint64(v, path, "requests");
  for (auto [key, field] : {std::pair{"p50_ms", &g.p50_ms}, {"p95_ms", &g.p95_ms}, {"p99_ms", &g.p99_ms},
                            {"max_ms", &g.max_ms}, {"throughput", &g.throughput}})
    *field = r.get_number(v, path, key);
  g.error_rate = get_ratio(r, v, path, "error_rate");
  g.saturation = get_optional_number(r, v, path, "saturation");
  g.saturation_source = r.get_string(v, path, "saturation_source");
  return g;
}

SloResult read_slo(JsonReader& r, const Value& v, const std::string& path) {
  SloResult s;
  for (auto [key, field] : {std::pair{"suite", &s.suite}, {"slo", &s.slo}, {"objective", &s.objective},
                            {"source", &s.source}, {"scope", &s.scope}, {"unit", &s.unit}, {"message", &s.message}})
    *field = r.get_string(v, path, key);
  s.verdict = get_verdict(r, v, path);
  s.measured = get_optional_number(r, v, path, "measured");
  s.threshold = r.get_number(v, path, "threshold");
  s.comparison = r.get_string(v, path, "comparison");
  if (r.ok() && !s.comparison.empty() && s.comparison != "<=" && s.comparison != ">=")
    r.fail(JsonReader::field_path(path, "comparison"),
           "expected \"<=\" or \">=\", got " + JsonReader::shown(Value(s.comparison)));
  // Ratios ("%" objectives) are stored as 0..1 and shown as percent.
  if (r.ok() && s.unit == "%") {
    get_ratio(r, v, path, "threshold");
    if (s.measured) get_ratio(r, v, path, "measured");
  }
  s.margin = get_optional_number(r, v, path, "margin");
  s.samples = r.get_uint64(v, path, "samples");
  return s;
}

ErrorBudgetResult read_budget(JsonReader& r, const Value& v, const std::string& path) {
  ErrorBudgetResult b;
  b.suite = r.get_string(v, path, "suite");
  b.availability = get_ratio(r, v, path, "availability");
  b.budget = get_ratio(r, v, path, "budget");
  b.period = r.get_string(v, path, "period");
  b.requests = r.get_uint64(v, path, "requests");
  b.errors = r.get_uint64(v, path, "errors");
  b.error_rate = get_ratio(r, v, path, "error_rate");
  b.burn_rate = r.get_number(v, path, "burn_rate");
  b.consumed = r.get_number(v, path, "consumed");
  for_each_object(r, v, path, "windows", [&](const Value& w, const std::string& here) {
    BurnWindow out;
    out.long_window = r.get_string(w, here, "long_window");
    out.short_window = r.get_string(w, here, "short_window");
    out.factor = r.get_number(w, here, "factor");
    out.long_burn = get_optional_number(r, w, here, "long_burn");
    out.short_burn = get_optional_number(r, w, here, "short_burn");
    out.short_source = r.get_string(w, here, "short_source");
    out.verdict = get_verdict(r, w, here);
    out.message = r.get_string(w, here, "message");
    b.windows.push_back(std::move(out));
  });
  b.verdict = get_verdict(r, v, path);
  b.message = r.get_string(v, path, "message");
  return b;
}

Comparison read_comparison(JsonReader& r, const Value& v, const std::string& path) {
  Comparison c;
  c.baseline_file = r.get_string(v, path, "baseline_file");
  c.baseline_environment = r.get_string(v, path, "baseline_environment");
  c.baseline_started_at = r.get_string(v, path, "baseline_started_at");
  for_each_object(r, v, path, "items", [&](const Value& i, const std::string& here) {
    Regression out;
    for (auto [key, field] : {std::pair{"kind", &out.kind}, {"subject", &out.subject}, {"baseline", &out.baseline},
                              {"current", &out.current}, {"change", &out.change}, {"allowed", &out.allowed}})
      *field = r.get_string(i, here, key);
    out.regressed = r.get_bool(i, here, "regressed");
    c.items.push_back(std::move(out));
  });
  return c;
}

LogResult read_log(JsonReader& r, const Value& v, const std::string& path) {
  LogResult l;
  l.suite = r.get_string(v, path, "suite");
  l.name = r.get_string(v, path, "name");
  l.origin = r.get_string(v, path, "origin");
  l.required = !r.member(v, path, "required", Need::Optional) || r.get_bool(v, path, "required");
  for (auto [key, field] : {std::pair{"lines", &l.lines}, {"valid", &l.valid}, {"invalid", &l.invalid},
                            {"correlated", &l.correlated}, {"uncorrelated", &l.uncorrelated}})
    *field = get_count(r, v, path, key);
  l.findings = get_strings(r, v, path, "findings");
  l.error = r.get_string(v, path, "error");
  return l;
}

}  // namespace

void add_service_levels(Value& out, const RunResults& results) {
  if (!results.load.empty()) out["load"] = array_of(results.load, load_to_json);
  if (!results.golden_signals.empty()) out["golden_signals"] = array_of(results.golden_signals, golden_to_json);
  if (!results.slos.empty()) out["slos"] = array_of(results.slos, slo_to_json);
  if (!results.error_budgets.empty()) out["error_budgets"] = array_of(results.error_budgets, budget_to_json);
  if (results.comparison) out["comparison"] = comparison_to_json(*results.comparison);
  if (!results.logs.empty()) out["logs"] = array_of(results.logs, log_to_json);
}

void read_service_levels(JsonReader& r, const Value& json, RunResults& out) {
  for_each_object(r, json, "", "load", [&](const Value& v, const std::string& here) { out.load.push_back(read_load(r, v, here)); });
  for_each_object(r, json, "", "golden_signals",
                  [&](const Value& v, const std::string& here) { out.golden_signals.push_back(read_golden(r, v, here)); });
  for_each_object(r, json, "", "slos", [&](const Value& v, const std::string& here) { out.slos.push_back(read_slo(r, v, here)); });
  for_each_object(r, json, "", "error_budgets",
                  [&](const Value& v, const std::string& here) { out.error_budgets.push_back(read_budget(r, v, here)); });
  if (const Value* c = r.get_object(json, "", "comparison")) out.comparison = read_comparison(r, *c, "comparison");
  for_each_object(r, json, "", "logs", [&](const Value& v, const std::string& here) { out.logs.push_back(read_log(r, v, here)); });
}

Value log_lines_to_json(const std::vector<LogLineRef>& lines) {
  Value out = Value::array();
  for (const LogLineRef& l : lines) out.push_back({{"line", l.line}, {"level", l.level}, {"text", l.text}});
  return out;
}

std::vector<LogLineRef> read_log_lines(JsonReader& r, const Value& c, const std::string& path) {
  std::vector<LogLineRef> out;
  for_each_object(r, c, path, "log_lines", [&](const Value& v, const std::string& here) {
    LogLineRef l;
    l.line = get_count(r, v, here, "line");
    l.level = r.get_string(v, here, "level");
    l.text = r.get_string(v, here, "text");
    out.push_back(std::move(l));
  });
  return out;
}

}  // namespace glassbox::reports
