// The `slos` list (top level and per environment): service level objectives measured from
// glassbox's probes, from the spans of the run, or from the service's Prometheus metrics
// (docs/suite-format.md "`slos`"). Each item is one SLO, or `{openslo: file}`, which reads
// OpenSLO documents (load_openslo.cpp). Checks here are the ones a run could not recover
// from: a scope that names nothing, or a metrics SLI that lacks what an objective needs.
//
// Thread-safety: one Context per load, used by one thread.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "suites/loader/did_you_mean.hpp"
#include "suites/loader/parts.hpp"
#include "suites/loader/quantities.hpp"

namespace glassbox::loader::detail {

namespace {

using suite::MetricSli;
using suite::Objective;
using suite::ObjectiveKind;
using suite::SliSource;
using suite::Slo;

const Keys kSloKeys = {"name",    "description", "source",  "target",     "request",
                       "service", "operation",   "metrics", "objectives", "warn_at"};
const Keys kObjectiveKeys = {"latency", "error_rate", "availability", "throughput"};
const Keys kMetricKeys = {"scrape",           "query",           "histogram", "unit",
                          "counter",          "selector",        "errors",    "latency_query",
                          "error_rate_query", "throughput_query"};
const Keys kSources = {"probe", "spans", "metrics"};

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

Expected<std::string> read_http_url(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(std::string url, read_nonempty_string(ctx, entry));
  if (!url.starts_with("http://") && !url.starts_with("https://"))
    return error_at(ctx, entry,
                    fmt::format("'{}' must be an http:// or https:// URL, got {}", entry.key, describe(entry.value)));
  return url;
}

// PromQL label matchers as written, with surrounding braces dropped: `{code=~"5.."}` and
// `code=~"5.."` mean the same.
Expected<std::string> read_matchers(Context& ctx, const Entry& entry) {
  auto read = read_string(ctx, entry);
  if (!read) return read.error();
  const std::string& text = read.value();
  if (text.size() >= 2 && text.starts_with('{') && text.ends_with('}')) return text.substr(1, text.size() - 2);
  return text;
}

// The unit of a histogram from its name: Prometheus names carry it as a suffix.
std::optional<double> unit_from_name(std::string_view name) {
  if (name.ends_with("_seconds")) return 1000.0;
  if (name.ends_with("_milliseconds")) return 1.0;
  return std::nullopt;
}

Expected<MetricSli> load_metric_sli(Context& ctx, const Entry& entry, std::string_view owner) {
  LOADER_ASSIGN(Fields fields,
                Fields::open(ctx, entry, "'metrics'", fmt::format("in 'metrics' of {}", owner), kMetricKeys));
  MetricSli m;
  const Entry* scrape = fields.find("scrape");
  const Entry* query = fields.find("query");
  if (scrape && query)
    return error_at(ctx, *query, fmt::format("'metrics' of {} has both 'scrape' and 'query': pick one", owner));
  if (!scrape && !query) {
    return error_at(ctx, entry,
                    fmt::format("'metrics' of {} needs 'scrape' (a /metrics URL) or 'query' (the base URL "
                                "of a Prometheus API)",
                                owner));
  }
  if (scrape) LOADER_SET(m.scrape_url, read_http_url(ctx, *scrape));
  if (query) LOADER_SET(m.query_url, read_http_url(ctx, *query));
  for (const char* key : {"latency_query", "error_rate_query", "throughput_query"}) {
    const Entry* e = fields.find(key);
    if (!e) continue;
    if (scrape) {
      return ctx.error(e->key_node, fmt::format("'{}' needs 'query' (a Prometheus API to ask); a scrape computes the "
                                                "SLI from 'histogram' or 'counter'",
                                                key));
    }
    LOADER_ASSIGN(std::string text, read_nonempty_string(ctx, *e));
    if (e->key == "latency_query") m.latency_query = std::move(text);
    if (e->key == "error_rate_query") m.error_rate_query = std::move(text);
    if (e->key == "throughput_query") m.throughput_query = std::move(text);
  }
  if (const Entry* histogram = fields.find("histogram")) {
    LOADER_SET(m.histogram, read_nonempty_string(ctx, *histogram));
    if (m.histogram.ends_with("_bucket")) {
      return error_at(ctx, *histogram,
                      fmt::format("'histogram' names the histogram without '_bucket': write '{}'",
                                  m.histogram.substr(0, m.histogram.size() - 7)));
    }
  }
  if (const Entry* unit = fields.find("unit")) {
    LOADER_ASSIGN(std::string text, read_string(ctx, *unit));
    if (text != "s" && text != "ms")
      return error_at(ctx, *unit, fmt::format("'unit' must be s or ms, got {}", describe(unit->value)));
    m.unit_to_ms = text == "s" ? 1000.0 : 1.0;
  } else if (!m.histogram.empty()) {
    auto from_name = unit_from_name(m.histogram);
    if (!from_name) {
      return error_at(ctx, *fields.find("histogram"),
                      fmt::format("cannot tell the unit of histogram '{}' from its name (it ends in neither _seconds "
                                  "nor _milliseconds): add unit: s or unit: ms",
                                  m.histogram));
    }
    m.unit_to_ms = *from_name;
  }
  if (const Entry* counter = fields.find("counter")) LOADER_SET(m.counter, read_nonempty_string(ctx, *counter));
  if (const Entry* selector = fields.find("selector")) LOADER_SET(m.selector, read_matchers(ctx, *selector));
  if (const Entry* errors = fields.find("errors")) LOADER_SET(m.errors, read_matchers(ctx, *errors));
  return m;
}

// What a metrics SLI must hold for one objective to be measurable.
Status check_metric_objective(Context& ctx, const MetricSli& m, const Objective& objective, std::string_view owner) {
  const bool ask = !m.query_url.empty();
  std::string need;
  switch (objective.kind) {
    case ObjectiveKind::Latency:
      if (m.histogram.empty() && m.latency_query.empty())
        need = ask ? "'histogram' or 'latency_query'" : "'histogram' (the histogram to take percentiles from)";
      break;
    case ObjectiveKind::ErrorRate:
    case ObjectiveKind::Availability:
      if (m.error_rate_query.empty() && (m.counter.empty() || m.errors.empty())) {
        need = ask ? "'counter' and 'errors', or 'error_rate_query'"
                   : "'counter' and 'errors' (the request counter and the matchers that pick its errors)";
      }
      break;
    case ObjectiveKind::Throughput:
      if (m.counter.empty() && m.throughput_query.empty())
        need = ask ? "'counter' or 'throughput_query'" : "'counter' (the request counter)";
      break;
  }
  if (need.empty()) return ok_status();
  return ctx.error(objective.where,
                   fmt::format("the {} objective of {} needs {} in 'metrics'", objective.name(), owner, need));
}

Expected<std::vector<Objective>> load_latency(Context& ctx, const Entry& entry, std::string_view owner) {
  if (!entry.value.IsMap()) {
    return error_at(ctx, entry,
                    fmt::format("'latency' must be a map of percentiles to durations, e.g. {{p99: 150ms}}, "
                                "got {}",
                                describe(entry.value)));
  }
  LOADER_ASSIGN(auto entries, map_entries(ctx, entry));
  if (entries.empty())
    return error_at(ctx, entry,
                    fmt::format("'latency' of {} needs at least one percentile, e.g. {{p99: 150ms}}", owner));
  std::vector<Objective> out;
  for (const Entry& e : entries) {
    auto quantile = percentile_quantile(e.key);
    if (!quantile) {
      return ctx.error(e.key_node, fmt::format("unknown percentile '{}' in 'latency' of {}{}", e.key, owner,
                                               name_hint(e.key, percentile_names(), "percentiles")));
    }
    Objective objective;
    objective.kind = ObjectiveKind::Latency;
    objective.quantile = *quantile;
    objective.where = ctx.at(e.key_node);
    LOADER_SET(objective.threshold, read_milliseconds(ctx, e));
    out.push_back(objective);
  }
  return out;
}

Expected<std::vector<Objective>> load_objectives(Context& ctx, const Entry& entry, std::string_view owner) {
  LOADER_ASSIGN(Fields fields,
                Fields::open(ctx, entry, "'objectives'", fmt::format("in 'objectives' of {}", owner), kObjectiveKeys));
  if (fields.entries().empty()) {
    return error_at(ctx, entry,
                    fmt::format("'objectives' of {} needs at least one of latency, error_rate, "
                                "availability, throughput",
                                owner));
  }
  std::vector<Objective> out;
  for (const Entry& e : fields.entries()) {
    if (e.key == "latency") {
      LOADER_ASSIGN(auto latency, load_latency(ctx, e, owner));
      out.insert(out.end(), latency.begin(), latency.end());
      continue;
    }
    Objective objective;
    objective.where = ctx.at(e.key_node);
    if (e.key == "error_rate") {
      objective.kind = ObjectiveKind::ErrorRate;
      LOADER_SET(objective.threshold, read_share(ctx, e));
    } else if (e.key == "availability") {
      objective.kind = ObjectiveKind::Availability;
      LOADER_SET(objective.threshold, read_share(ctx, e));
      // 100% leaves no room for a single error, so it could never warn before failing.
      if (objective.threshold >= 1.0) {
        return error_at(
            ctx, e,
            fmt::format("'availability' must be below 100% (100% allows no error at all), got {}", describe(e.value)));
      }
    } else {
      objective.kind = ObjectiveKind::Throughput;
      LOADER_SET(objective.threshold, read_rate(ctx, e));
    }
    out.push_back(objective);
  }
  return out;
}

Expected<SliSource> load_source(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(std::string text, read_nonempty_string(ctx, entry));
  if (text == "probe") return SliSource::Probe;
  if (text == "spans") return SliSource::Spans;
  if (text == "metrics") return SliSource::Metrics;
  return error_at(ctx, entry, fmt::format("unknown SLI source '{}'{}", text, name_hint(text, kSources, "sources")));
}

std::string_view source_name(SliSource source) {
  switch (source) {
    case SliSource::Probe: return "probe";
    case SliSource::Spans: return "spans";
    case SliSource::Metrics: return "metrics";
  }
  return "probe";
}

// Keys that belong to another source are mistakes, not extras to ignore: an SLO that says
// `operation` but measures probes would silently judge something else.
Status check_source_keys(Context& ctx, const Fields& fields, SliSource source) {
  struct Owned {
    const char* key;
    SliSource source;
  };
  for (Owned owned :
       {Owned{"target", SliSource::Probe}, Owned{"request", SliSource::Probe}, Owned{"service", SliSource::Spans},
        Owned{"operation", SliSource::Spans}, Owned{"metrics", SliSource::Metrics}}) {
    const Entry* e = fields.find(owned.key);
    if (!e || owned.source == source) continue;
    return ctx.error(e->key_node, fmt::format("'{}' applies to SLOs with source: {} (this one has source: {})",
                                              owned.key, source_name(owned.source), source_name(source)));
  }
  return ok_status();
}

Expected<Slo> load_slo(Context& ctx, const Entry& item, const suite::Suite& suite) {
  Slo slo;
  slo.where = ctx.at(item.value);
  // The name first, so every later message can say which SLO it is about.
  std::string owner = "an SLO";
  if (YAML::Node n = child(item.value, "name"); n.IsScalar()) owner = fmt::format("SLO '{}'", n.Scalar());
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, item.value, slo.where, "an SLO", "in " + owner, kSloKeys));
  const Entry* name = fields.find("name");
  if (!name) return ctx.error(slo.where, "an SLO needs 'name' (or is {openslo: file} to read OpenSLO documents)");
  LOADER_SET(slo.name, read_nonempty_string(ctx, *name));
  if (const Entry* description = fields.find("description"))
    LOADER_SET(slo.description, read_string(ctx, *description));
  if (const Entry* source = fields.find("source")) LOADER_SET(slo.source, load_source(ctx, *source));
  LOADER_TRY(check_source_keys(ctx, fields, slo.source));

  if (slo.source == SliSource::Probe) {
    LOADER_ASSIGN(ProbeScope scope, load_probe_scope(ctx, fields, suite, owner));
    slo.target = std::move(scope.target);
    slo.request = std::move(scope.request);
  } else if (slo.source == SliSource::Spans) {
    const Entry* operation = fields.find("operation");
    if (!operation)
      return ctx.error(slo.where, fmt::format("{} has source: spans and needs 'operation' (the span name)", owner));
    LOADER_SET(slo.operation, read_nonempty_string(ctx, *operation));
    if (const Entry* service = fields.find("service")) LOADER_SET(slo.service, read_nonempty_string(ctx, *service));
  } else {
    const Entry* metrics = fields.find("metrics");
    if (!metrics) {
      return ctx.error(slo.where, fmt::format("{} has source: metrics and needs 'metrics' (scrape or query, and a "
                                              "histogram or counter)",
                                              owner));
    }
    LOADER_SET(slo.metric, load_metric_sli(ctx, *metrics, owner));
  }

  const Entry* objectives = fields.find("objectives");
  if (!objectives) {
    return ctx.error(slo.where, fmt::format("{} needs 'objectives' (e.g. objectives: {{latency: {{p99: 150ms}}, "
                                            "error_rate: 1%}})",
                                            owner));
  }
  LOADER_SET(slo.objectives, load_objectives(ctx, *objectives, owner));
  if (slo.source == SliSource::Metrics)
    for (const Objective& objective : slo.objectives)
      LOADER_TRY(check_metric_objective(ctx, slo.metric, objective, owner));
  if (const Entry* warn_at = fields.find("warn_at")) LOADER_SET(slo.warn_at, read_share(ctx, *warn_at));
  return slo;
}

}  // namespace

YAML::Node child(const YAML::Node& node, const std::string& key) {
  if (!node.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  const YAML::Node found = node[key];  // the const lookup: no insertion
  return found.IsDefined() ? found : YAML::Node(YAML::NodeType::Undefined);
}

Expected<ProbeScope> load_probe_scope(Context& ctx, const Fields& fields, const suite::Suite& suite,
                                      std::string_view owner) {
  ProbeScope scope;
  if (const Entry* target = fields.find("target")) {
    LOADER_SET(scope.target, read_nonempty_string(ctx, *target));
    if (!contains(ctx.target_names, scope.target)) {
      return error_at(ctx, *target,
                      fmt::format("unknown target '{}' in {}{}", scope.target, owner,
                                  name_hint(scope.target, ctx.target_names, "targets")));
    }
  }
  if (const Entry* request = fields.find("request")) {
    LOADER_SET(scope.request, read_nonempty_string(ctx, *request));
    const suite::Request* found = suite.find_request(scope.request);
    if (!found) {
      std::vector<std::string> names;
      for (const suite::Request& r : suite.requests) names.push_back(r.name);
      return error_at(ctx, *request,
                      fmt::format("unknown request '{}' in {}{}", scope.request, owner,
                                  name_hint(scope.request, names, "requests")));
    }
    if (!scope.target.empty() && !found->target.empty() && found->target != scope.target) {
      return error_at(ctx, *request,
                      fmt::format("request '{}' of {} goes to target '{}', not '{}'", scope.request, owner,
                                  found->target, scope.target));
    }
  }
  return scope;
}

Expected<std::vector<Slo>> load_slos(Context& ctx, const Entry& slos, const suite::Suite& suite,
                                     std::string_view owner) {
  LOADER_ASSIGN(auto items, list_items(ctx, slos));
  std::vector<Slo> out;
  for (const Entry& item : items) {
    std::vector<Slo> loaded;
    if (child(item.value, "openslo").IsDefined()) {
      LOADER_SET(loaded, load_openslo(ctx, item));
    } else {
      LOADER_ASSIGN(Slo slo, load_slo(ctx, item, suite));
      loaded.push_back(std::move(slo));
    }
    for (Slo& slo : loaded) {
      auto same = std::find_if(out.begin(), out.end(), [&](const Slo& s) { return s.name == slo.name; });
      if (same != out.end()) {
        // SLOs from OpenSLO files sit in other files than the suite, so say which.
        std::string first =
            same->where.file == slo.where.file ? fmt::format("line {}", same->where.line) : same->where.to_string();
        return ctx.error(slo.where,
                         fmt::format("SLO '{}' is defined twice in {} (first at {})", slo.name, owner, first));
      }
      out.push_back(std::move(slo));
    }
  }
  return out;
}

}  // namespace glassbox::loader::detail
