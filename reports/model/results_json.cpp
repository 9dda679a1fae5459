// RunResults <-> results JSON (docs/results-schema.md). Writing emits every field;
// reading requires only what identifies a run and its cases (schema_version, run, cases,
// each case's id and outcome), type-checks everything present, ignores unknown fields
// (so later minor additions stay readable) and ignores what is derivable (totals,
// histogram percentiles). The service-level sections live in service_levels_json.cpp and
// histograms in histogram_json.cpp.
#include "reports/model/results_json.hpp"

#include <cerrno>
#include <climits>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "reports/model/histogram_json.hpp"
#include "reports/model/json_reader.hpp"
#include "reports/model/service_levels_json.hpp"

namespace glassbox::reports {

namespace {

constexpr int kMaxStatus = 999;

// ---- writing ---------------------------------------------------------------------------

Value headers_to_json(const Headers& headers) {
  Value out = Value::array();
  for (const auto& [name, value] : headers) out.push_back(Value::array({name, value}));
  return out;
}

Value exchange_to_json(const Exchange& e) {
  return Value{{"method", e.method},
               {"url", e.url},
               {"request", {{"headers", headers_to_json(e.request_headers)}, {"body", e.request_body}}},
               {"response",
                {{"status", e.status},
                 {"headers", headers_to_json(e.response_headers)},
                 {"body", e.response_body},
                 {"truncated", e.response_body_truncated}}},
               {"latency_ms", e.latency_ms}};
}

Value spans_to_json(const std::vector<TraceSpan>& spans) {
  Value out = Value::array();
  for (const TraceSpan& s : spans)
    out.push_back({{"span_id", s.span_id}, {"parent_span_id", s.parent_span_id}, {"name", s.name},
                   {"service", s.service}, {"kind", s.kind}, {"status", s.status},
                   {"status_message", s.status_message}, {"start_ms", s.start_ms}, {"duration_ms", s.duration_ms},
                   {"depth", s.depth}, {"place", s.place}, {"attributes", s.attributes}});
  return out;
}

Value telemetry_to_json(const Telemetry& t) {
  return Value{{"collected", t.collected},   {"source", t.source},       {"received", t.received},
               {"matched", t.matched},       {"unmatched", t.unmatched}, {"duplicates", t.duplicates},
               {"orphans", t.orphans},       {"unmatched_by_service", t.unmatched_by_service}};
}

Value coverage_to_json(const RunResults& results) {
  Value items = Value::array();
  for (const CoverageItem& i : results.coverage)
    items.push_back({{"suite", i.suite}, {"service", i.service}, {"kind", i.kind}, {"item", i.item},
                     {"declared", i.declared}, {"cases", i.cases}});
  Value totals = Value::array();
  for (const CoverageTotal& t : results.coverage_totals)
    totals.push_back({{"suite", t.suite}, {"service", t.service}, {"kind", t.kind}, {"covered", t.covered},
                      {"declared", t.declared}, {"goal", t.goal ? Value(*t.goal) : Value(nullptr)},
                      {"percent", t.percent()}, {"passed", t.passed()}});
  return Value{{"items", std::move(items)}, {"totals", std::move(totals)}};
}

Value case_to_json(const CaseResult& c) {
  Value checks = Value::array();
  for (const Check& k : c.checks)
    checks.push_back({{"name", k.name}, {"passed", k.passed}, {"expected", k.expected}, {"actual", k.actual}});
  Value attempts = Value::array();
  for (const Attempt& a : c.attempts)
    attempts.push_back({{"span_id", a.span_id}, {"status", a.status}, {"error", a.error}, {"latency_ms", a.latency_ms}});
  Value steps = Value::array();
  for (const StepResult& s : c.steps)
    steps.push_back({{"request", s.request}, {"label", s.label}, {"outcome", to_string(s.outcome)},
                     {"message", s.message}, {"method", s.method}, {"url", s.url}, {"status", s.status},
                     {"latency_ms", s.latency_ms}});
  Value out{{"id", c.id},
               {"suite", c.suite},
               {"request", c.request},
               {"technique", c.technique},
               {"form", c.form},
               {"label", c.label},
               {"expected_outcome", c.expected_outcome},
               {"inputs", c.inputs},
               {"classes", c.classes},
               {"outcome", to_string(c.outcome)},
               {"message", c.message},
               {"checks", std::move(checks)},
               {"trace_id", c.trace_id},
               {"attempts", std::move(attempts)},
               {"exchange", exchange_to_json(c.exchange)},
               {"start_offset_ms", c.start_offset_ms},
               {"spans", spans_to_json(c.spans)}};
  // Written only when there is something to say, so single-request results stay as they were.
  if (!c.target.empty()) out["target"] = c.target;
  if (!c.steps.empty()) out["steps"] = std::move(steps);
  if (!c.covers.empty()) out["covers"] = c.covers;
  if (!c.log_lines.empty()) out["log_lines"] = log_lines_to_json(c.log_lines);
  return out;
}

// ---- reading ---------------------------------------------------------------------------

std::vector<std::string> read_strings(JsonReader& r, const Value& object, const std::string& path,
                                      std::string_view key) {
  std::vector<std::string> out;
  const Value* array = r.get_array(object, path, key);
  if (!array) return out;
  const std::string here = JsonReader::field_path(path, key);
  for (std::size_t i = 0; i < array->size(); ++i)
    if (r.expect_string((*array)[i], JsonReader::index_path(here, i))) out.push_back((*array)[i].get<std::string>());
  return out;
}

Headers read_headers(JsonReader& r, const Value& object, const std::string& path) {
  Headers out;
  const Value* array = r.get_array(object, path, "headers");
  if (!array) return out;
  const std::string here = JsonReader::field_path(path, "headers");
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string at = JsonReader::index_path(here, i);
    const Value& pair = (*array)[i];
    if (!r.expect_array(pair, at, 2) || !r.expect_string(pair[0], JsonReader::index_path(at, 0)) ||
        !r.expect_string(pair[1], JsonReader::index_path(at, 1)))
      return out;
    out.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
  }
  return out;
}

Exchange read_exchange(JsonReader& r, const Value& e, const std::string& path) {
  Exchange x;
  x.method = r.get_string(e, path, "method");
  x.url = r.get_string(e, path, "url");
  x.latency_ms = r.get_number(e, path, "latency_ms");
  if (const Value* req = r.get_object(e, path, "request")) {
    const std::string at = JsonReader::field_path(path, "request");
    x.request_headers = read_headers(r, *req, at);
    x.request_body = r.get_string(*req, at, "body");
  }
  if (const Value* resp = r.get_object(e, path, "response")) {
    const std::string at = JsonReader::field_path(path, "response");
    x.status = static_cast<int>(r.get_int(*resp, at, "status", 0, kMaxStatus));
    x.response_headers = read_headers(r, *resp, at);
    x.response_body = r.get_string(*resp, at, "body");
    x.response_body_truncated = r.get_bool(*resp, at, "truncated");
  }
  return x;
}

std::vector<TraceSpan> read_spans(JsonReader& r, const Value& c, const std::string& path) {
  std::vector<TraceSpan> out;
  const Value* spans = r.get_array(c, path, "spans");
  if (!spans) return out;
  const std::string at = JsonReader::field_path(path, "spans");
  for (std::size_t i = 0; i < spans->size() && r.ok(); ++i) {
    const std::string here = JsonReader::index_path(at, i);
    const Value& v = (*spans)[i];
    if (!r.expect_object(v, here)) break;
    TraceSpan s;
    s.span_id = r.get_string(v, here, "span_id", Need::Required);
    for (auto [key, field] : {std::pair{"parent_span_id", &s.parent_span_id}, {"name", &s.name},
                              {"service", &s.service}, {"kind", &s.kind}, {"status", &s.status},
                              {"status_message", &s.status_message}, {"place", &s.place}})
      *field = r.get_string(v, here, key);
    s.start_ms = r.get_number(v, here, "start_ms");
    s.duration_ms = r.get_number(v, here, "duration_ms");
    s.depth = static_cast<int>(r.get_int(v, here, "depth", 0, 10000));
    if (const Value* attributes = r.get_object(v, here, "attributes")) s.attributes = *attributes;
    out.push_back(std::move(s));
  }
  return out;
}

void read_telemetry(JsonReader& r, const Value& t, RunResults& out) {
  const std::string path = "telemetry";
  Telemetry& o = out.telemetry;
  o.collected = r.get_bool(t, path, "collected");
  o.source = r.get_string(t, path, "source");
  o.received = r.get_uint64(t, path, "received");
  o.matched = r.get_uint64(t, path, "matched");
  o.unmatched = r.get_uint64(t, path, "unmatched");
  o.duplicates = r.get_uint64(t, path, "duplicates");
  o.orphans = r.get_uint64(t, path, "orphans");
  if (const Value* by = r.get_object(t, path, "unmatched_by_service"))
    for (const auto& [service, n] : by->items())
      if (auto count = r.expect_uint64(n, JsonReader::key_path("telemetry.unmatched_by_service", service)))
        o.unmatched_by_service[service] = *count;
}

CaseResult read_case(JsonReader& r, const Value& c, const std::string& path) {
  CaseResult out;
  if (!r.expect_object(c, path)) return out;
  out.id = r.get_string(c, path, "id", Need::Required);
  for (auto [key, field] : {std::pair{"suite", &out.suite}, {"request", &out.request}, {"technique", &out.technique},
                            {"form", &out.form}, {"label", &out.label}, {"expected_outcome", &out.expected_outcome},
                            {"message", &out.message}, {"trace_id", &out.trace_id}})
    *field = r.get_string(c, path, key);
  if (const Value* inputs = r.get_object(c, path, "inputs")) out.inputs = *inputs;
  if (const Value* classes = r.get_object(c, path, "classes")) {
    const std::string at = JsonReader::field_path(path, "classes");
    for (const auto& [name, cls] : classes->items())
      if (r.expect_string(cls, JsonReader::key_path(at, name))) out.classes[name] = cls.get<std::string>();
  }
  if (const Value* outcome = r.member(c, path, "outcome", Need::Required)) {
    const auto parsed = outcome->is_string() ? outcome_from_string(outcome->get_ref<const std::string&>()) : std::nullopt;
    if (parsed)
      out.outcome = *parsed;
    else
      r.fail(JsonReader::field_path(path, "outcome"),
             "expected one of passed, failed, error, skipped, got " + JsonReader::shown(*outcome));
  }
  if (const Value* checks = r.get_array(c, path, "checks")) {
    const std::string at = JsonReader::field_path(path, "checks");
    for (std::size_t i = 0; i < checks->size() && r.ok(); ++i) {
      const std::string here = JsonReader::index_path(at, i);
      if (!r.expect_object((*checks)[i], here)) break;
      Check k;
      k.name = r.get_string((*checks)[i], here, "name", Need::Required);
      k.passed = r.get_bool((*checks)[i], here, "passed", Need::Required);
      k.expected = r.get_string((*checks)[i], here, "expected");
      k.actual = r.get_string((*checks)[i], here, "actual");
      out.checks.push_back(std::move(k));
    }
  }
  if (const Value* attempts = r.get_array(c, path, "attempts")) {
    const std::string at = JsonReader::field_path(path, "attempts");
    for (std::size_t i = 0; i < attempts->size() && r.ok(); ++i) {
      const std::string here = JsonReader::index_path(at, i);
      if (!r.expect_object((*attempts)[i], here)) break;
      Attempt a;
      a.span_id = r.get_string((*attempts)[i], here, "span_id");
      a.status = static_cast<int>(r.get_int((*attempts)[i], here, "status", 0, kMaxStatus));
      a.error = r.get_string((*attempts)[i], here, "error");
      a.latency_ms = r.get_number((*attempts)[i], here, "latency_ms");
      out.attempts.push_back(std::move(a));
    }
  }
  if (const Value* exchange = r.get_object(c, path, "exchange"))
    out.exchange = read_exchange(r, *exchange, JsonReader::field_path(path, "exchange"));
  out.start_offset_ms = r.get_number(c, path, "start_offset_ms");
  out.spans = read_spans(r, c, path);
  if (const Value* steps = r.get_array(c, path, "steps")) {
    const std::string at = JsonReader::field_path(path, "steps");
    for (std::size_t i = 0; i < steps->size() && r.ok(); ++i) {
      const std::string here = JsonReader::index_path(at, i);
      const Value& v = (*steps)[i];
      if (!r.expect_object(v, here)) break;
      StepResult s;
      for (auto [key, field] : {std::pair{"request", &s.request}, {"label", &s.label}, {"message", &s.message},
                                {"method", &s.method}, {"url", &s.url}})
        *field = r.get_string(v, here, key);
      const std::string outcome = r.get_string(v, here, "outcome");
      s.outcome = outcome_from_string(outcome).value_or(Outcome::Skipped);
      s.status = static_cast<int>(r.get_int(v, here, "status", 0, kMaxStatus));
      s.latency_ms = r.get_number(v, here, "latency_ms");
      out.steps.push_back(std::move(s));
    }
  }
  out.covers = read_strings(r, c, path, "covers");
  out.target = r.get_string(c, path, "target");
  out.log_lines = read_log_lines(r, c, path);
  return out;
}

void read_run(JsonReader& r, const Value& run, RunResults& out) {
  const std::string path = "run";
  out.suites = read_strings(r, run, path, "suites");
  out.suite_files = read_strings(r, run, path, "suite_files");
  out.environment = r.get_string(run, path, "environment");
  out.seed = r.get_uint64(run, path, "seed");
  out.started_at = r.get_string(run, path, "started_at");
  out.duration_ms = r.get_number(run, path, "duration_ms");
  out.interrupted = r.get_bool(run, path, "interrupted");
  out.shard = r.get_string(run, path, "shard");
  out.hostname = r.get_string(run, path, "hostname");
}

void read_latency(JsonReader& r, const Value& latency, RunResults& out) {
  if (const Value* overall = r.member(latency, "latency", "overall", Need::Optional))
    out.latency = read_histogram(r, *overall, "latency.overall");
  if (const Value* by_request = r.get_object(latency, "latency", "by_request")) {
    for (const auto& [key, h] : by_request->items()) {
      if (!r.ok()) break;
      out.latency_by_request[key] = read_histogram(r, h, JsonReader::key_path("latency.by_request", key));
    }
  }
}

// "percent" and "passed" of a total are derivable and ignored.
void read_coverage(JsonReader& r, const Value& coverage, RunResults& out) {
  if (const Value* items = r.get_array(coverage, "coverage", "items")) {
    for (std::size_t i = 0; i < items->size() && r.ok(); ++i) {
      const std::string here = JsonReader::index_path("coverage.items", i);
      const Value& v = (*items)[i];
      if (!r.expect_object(v, here)) break;
      CoverageItem item;
      item.suite = r.get_string(v, here, "suite");
      item.service = r.get_string(v, here, "service");
      item.kind = r.get_string(v, here, "kind", Need::Required);
      item.item = r.get_string(v, here, "item", Need::Required);
      item.declared = !r.member(v, here, "declared", Need::Optional) || r.get_bool(v, here, "declared");
      item.cases = read_strings(r, v, here, "cases");
      out.coverage.push_back(std::move(item));
    }
  }
  if (const Value* totals = r.get_array(coverage, "coverage", "totals")) {
    for (std::size_t i = 0; i < totals->size() && r.ok(); ++i) {
      const std::string here = JsonReader::index_path("coverage.totals", i);
      const Value& v = (*totals)[i];
      if (!r.expect_object(v, here)) break;
      CoverageTotal total;
      total.suite = r.get_string(v, here, "suite");
      total.service = r.get_string(v, here, "service");
      total.kind = r.get_string(v, here, "kind", Need::Required);
      total.declared = static_cast<int>(r.get_int(v, here, "declared", 0, INT_MAX));
      total.covered = static_cast<int>(r.get_int(v, here, "covered", 0, INT_MAX));
      if (r.ok() && total.covered > total.declared)
        r.fail(JsonReader::field_path(here, "covered"),
               fmt::format("{} is greater than declared {}", total.covered, total.declared));
      if (const Value* goal = r.member(v, here, "goal", Need::Optional); goal && !goal->is_null())
        total.goal = r.get_number(v, here, "goal");
      out.coverage_totals.push_back(std::move(total));
    }
  }
}

Expected<RunResults> results_from_json_named(const Value& json, const std::string& document) {
  JsonReader r(document);
  RunResults out;
  if (!json.is_object()) {
    r.fail("", "expected a JSON object at the top level, got " + JsonReader::shown(json));
    return r.error();
  }
  const auto version = r.get_int(json, "", "schema_version", 1, INT_MAX, Need::Required);
  if (!r.ok()) return r.error();
  if (version > kSchemaVersion)
    return Error{fmt::format("{}: schema_version {} is newer than this glassbox understands ({})", document, version,
                             kSchemaVersion),
                 {}};
  out.schema_version = kSchemaVersion;
  if (const Value* tool = r.get_object(json, "", "tool")) out.tool_version = r.get_string(*tool, "tool", "version");
  if (const Value* run = r.get_object(json, "", "run", Need::Required)) read_run(r, *run, out);
  if (const Value* cases = r.get_array(json, "", "cases", Need::Required)) {
    out.cases.reserve(cases->size());
    for (std::size_t i = 0; i < cases->size() && r.ok(); ++i)
      out.cases.push_back(read_case(r, (*cases)[i], JsonReader::index_path("cases", i)));
  }
  if (const Value* latency = r.get_object(json, "", "latency")) read_latency(r, *latency, out);
  if (const Value* telemetry = r.get_object(json, "", "telemetry")) read_telemetry(r, *telemetry, out);
  if (const Value* coverage = r.get_object(json, "", "coverage")) read_coverage(r, *coverage, out);
  read_service_levels(r, json, out);
  if (!r.ok()) return r.error();
  return out;
}

}  // namespace

Value to_json(const RunResults& results) {
  const Totals t = results.totals();
  Value cases = Value::array();
  for (const CaseResult& c : results.cases) cases.push_back(case_to_json(c));
  Value by_request = Value::object();
  for (const auto& [key, h] : results.latency_by_request) by_request[key] = histogram_to_json(h);
  Value out{
      {"schema_version", kSchemaVersion},
      {"tool", {{"name", "glassbox"}, {"version", results.tool_version}}},
      {"run",
       {{"suites", results.suites},
        {"suite_files", results.suite_files},
        {"environment", results.environment},
        {"seed", results.seed},
        {"started_at", results.started_at},
        {"duration_ms", results.duration_ms},
        {"interrupted", results.interrupted},
        {"shard", results.shard},
        {"hostname", results.hostname}}},
      {"totals",
       {{"cases", t.cases}, {"passed", t.passed}, {"failed", t.failed}, {"errors", t.errors}, {"skipped", t.skipped}}},
      {"cases", std::move(cases)},
      {"latency", {{"overall", histogram_to_json(results.latency)}, {"by_request", std::move(by_request)}}},
      {"telemetry", telemetry_to_json(results.telemetry)},
      {"coverage", coverage_to_json(results)}};
  add_service_levels(out, results);
  return out;
}

Expected<RunResults> results_from_json(const Value& json) { return results_from_json_named(json, "results.json"); }

Expected<RunResults> read_results_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{fmt::format("cannot read results file '{}': {}", path.string(), std::strerror(errno)), {}};
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Error{fmt::format("cannot read results file '{}': {}", path.string(), std::strerror(errno)), {}};
  Value json;
  try {
    json = Value::parse(text.str());
  } catch (const Value::parse_error& e) {
    // nlohmann's message starts with "[json.exception.parse_error.101] "; the id means
    // nothing to a reader, the byte position does.
    std::string reason = e.what();
    if (const auto end = reason.find("] "); reason.starts_with("[json.exception") && end != std::string::npos)
      reason.erase(0, end + 2);
    return Error{fmt::format("{}: invalid JSON at byte {}: {}", path.string(), e.byte, reason), {}};
  } catch (const Value::out_of_range& e) {
    // A number beyond double's range (1e999) is refused with out_of_range, not parse_error.
    std::string reason = e.what();
    if (const auto end = reason.find("] "); end != std::string::npos) reason.erase(0, end + 2);
    return Error{fmt::format("{}: invalid JSON: {}", path.string(), reason), {}};
  }
  return results_from_json_named(json, path.string());
}

}  // namespace glassbox::reports
