// OpenSLO v1 documents as SLO definitions: `slos: [{openslo: file.yaml}]` (docs/suite-format.md
// "OpenSLO"). What maps cleanly onto a metrics SLI is read: ratioMetric (good/bad over total)
// becomes an availability objective on an error-rate query, thresholdMetric with lte/lt becomes
// a latency percentile (target 0.99, value 0.3 on a seconds metric = p99 <= 300 ms). What does
// not (other metric sources, raw ratios, composite objectives, gte thresholds) is an error that
// names the OpenSLO field and its line, so a definition is never judged as something it is not.
//
// OpenSLO files are shared with other tools, so their text is taken as written: no ${env:...}.
//
// Thread-safety: one Context per load, used by one thread.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "suites/loader/did_you_mean.hpp"
#include "suites/loader/parts.hpp"
#include "suites/loader/quantities.hpp"

namespace glassbox::loader::detail {

namespace {

using suite::MetricSli;
using suite::Objective;
using suite::ObjectiveKind;
using suite::Slo;

const Keys kItemKeys = {"openslo", "query", "unit"};
const Keys kDocumentKeys = {"apiVersion", "kind", "metadata", "spec"};
const Keys kKinds = {"SLO", "SLI", "DataSource", "Service", "AlertPolicy", "AlertCondition", "AlertNotificationTarget"};
const Keys kSloSpecKeys = {"description", "service",         "indicator",  "indicatorRef",
                           "timeWindow",  "budgetingMethod", "objectives", "alertPolicies"};
const Keys kSliKeys = {"metadata", "spec"};
const Keys kSliSpecKeys = {"description", "ratioMetric", "thresholdMetric"};
const Keys kRatioKeys = {"counter", "good", "bad", "total", "rawType", "raw"};
const Keys kMetricKeys = {"metricSource"};
const Keys kSourceKeys = {"metricSourceRef", "type", "spec"};
const Keys kObjectiveKeys = {
    "displayName",     "op",        "value",        "target",         "targetPercent", "timeSliceTarget",
    "timeSliceWindow", "indicator", "indicatorRef", "compositeWeight"};
const Keys kBudgetingMethods = {"Occurrences", "Timeslices", "RatioTimeslices"};
constexpr std::string_view kUrlAnnotation = "glassbox/prometheus-url";

// The suite's `{openslo: ...}` item: the file, and what the suite adds to it.
struct Item {
  std::string file;       // as shown in messages and Slo::origin
  std::string query_url;  // overrides the documents' Prometheus URL
  std::optional<double> unit_to_ms;
};

// One OpenSLO file's documents, by kind and name.
struct Documents {
  std::vector<YAML::Node> slos;
  std::map<std::string, YAML::Node> slis;
  std::map<std::string, YAML::Node> data_sources;
};

// A scalar as written (no interpolation, see the header comment).
Expected<std::string> written(const Context& ctx, const Entry& entry, std::string_view field) {
  if (!entry.value.IsScalar() || entry.value.Scalar().empty())
    return error_at(ctx, entry, fmt::format("'{}' must be a non-empty string, got {}", field, describe(entry.value)));
  return entry.value.Scalar();
}

Expected<Fields> open(const Context& ctx, const YAML::Node& node, std::string_view field, const Keys& keys) {
  return Fields::open(ctx, node, ctx.at(node), fmt::format("'{}'", field), fmt::format("in '{}'", field), keys);
}

Expected<std::string> metadata_name(const Context& ctx, const YAML::Node& document, std::string_view kind) {
  const YAML::Node name = child(child(document, "metadata"), "name");
  if (!name.IsScalar() || name.Scalar().empty())
    return ctx.error(document, fmt::format("an OpenSLO {} needs 'metadata.name'", kind));
  return name.Scalar();
}

Expected<Documents> read_documents(const Context& ctx, const std::vector<YAML::Node>& nodes) {
  Documents docs;
  for (const YAML::Node& node : nodes) {
    if (node.IsNull()) continue;  // an empty document, e.g. after a trailing ---
    LOADER_ASSIGN(Fields fields, Fields::open(ctx, node, ctx.at(node), "an OpenSLO document", "in an OpenSLO document",
                                              kDocumentKeys));
    const Entry* api = fields.find("apiVersion");
    if (!api) return ctx.error(node, "an OpenSLO document needs 'apiVersion: openslo/v1'");
    LOADER_ASSIGN(std::string version, written(ctx, *api, "apiVersion"));
    if (version != "openslo/v1")
      return error_at(ctx, *api, fmt::format("'apiVersion' '{}' is not supported: glassbox reads openslo/v1", version));
    const Entry* kind_entry = fields.find("kind");
    if (!kind_entry) return ctx.error(node, "an OpenSLO document needs 'kind' (SLO, SLI, DataSource, ...)");
    LOADER_ASSIGN(std::string kind, written(ctx, *kind_entry, "kind"));
    if (std::find(kKinds.begin(), kKinds.end(), kind) == kKinds.end())
      return error_at(ctx, *kind_entry,
                      fmt::format("unknown OpenSLO kind '{}'{}", kind, name_hint(kind, kKinds, "kinds")));
    if (kind == "SLO") docs.slos.push_back(node);
    if (kind == "SLI") {
      LOADER_ASSIGN(std::string name, metadata_name(ctx, node, kind));
      docs.slis[name] = node;
    }
    if (kind == "DataSource") {
      LOADER_ASSIGN(std::string name, metadata_name(ctx, node, kind));
      docs.data_sources[name] = node;
    }
    // Service and the alerting kinds say nothing a run judges: glassbox's own error_budget
    // section holds the burn-rate rules.
  }
  return docs;
}

// A metric source's Prometheus query and, when it names one, its URL.
struct PromQuery {
  std::string query;
  std::string url;
};

Expected<PromQuery> load_metric_source(const Context& ctx, const Entry& metric, std::string_view field,
                                       const Documents& docs) {
  LOADER_ASSIGN(Fields fields, open(ctx, metric.value, field, kMetricKeys));
  const Entry* source = fields.find("metricSource");
  if (!source) return error_at(ctx, metric, fmt::format("'{}' needs 'metricSource'", field));
  const std::string source_field = std::string(field) + ".metricSource";
  LOADER_ASSIGN(Fields src, open(ctx, source->value, source_field, kSourceKeys));
  PromQuery out;
  std::string type;
  if (const Entry* ref = src.find("metricSourceRef")) {
    LOADER_ASSIGN(std::string name, written(ctx, *ref, "metricSourceRef"));
    auto found = docs.data_sources.find(name);
    if (found == docs.data_sources.end()) {
      std::vector<std::string> names;
      for (const auto& [n, _] : docs.data_sources) names.push_back(n);
      return error_at(ctx, *ref,
                      fmt::format("unknown DataSource '{}' in 'metricSourceRef'{}", name,
                                  name_hint(name, names, "DataSources in this file", "this file has none")));
    }
    const YAML::Node spec = child(found->second, "spec");
    if (YAML::Node t = child(spec, "type"); t.IsScalar()) type = t.Scalar();
    if (YAML::Node url = child(child(spec, "connectionDetails"), "url"); url.IsScalar()) out.url = url.Scalar();
  }
  // The type is written here or in the DataSource; a message points at what says it.
  const Entry* type_at = src.find("metricSourceRef") ? src.find("metricSourceRef") : source;
  if (const Entry* t = src.find("type")) {
    LOADER_SET(type, written(ctx, *t, "type"));
    type_at = t;
  }
  std::string lowered = type;
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lowered != "prometheus") {
    return error_at(ctx, *type_at,
                    fmt::format("'{}.type' '{}' is not supported: glassbox reads Prometheus metric sources",
                                source_field, type.empty() ? "(none)" : type));
  }
  const Entry* spec = src.find("spec");
  if (!spec) return error_at(ctx, *source, fmt::format("'{}' needs 'spec.query' (the PromQL query)", source_field));
  LOADER_ASSIGN(auto spec_entries, map_entries(ctx, spec->value, where_of(ctx, *spec), "'spec'"));
  for (const Entry& e : spec_entries) {
    if (e.key == "query") LOADER_SET(out.query, written(ctx, e, "query"));
    if (e.key == "url") LOADER_SET(out.url, written(ctx, e, "url"));
  }
  if (out.query.empty())
    return error_at(ctx, *spec, fmt::format("'{}.spec' needs 'query' (the PromQL query)", source_field));
  return out;
}

// A counter's query as the increase over the run: glassbox replaces {{window}} with the
// run's length. A query that already says {{window}} is used as written.
std::string increase_over_run(const std::string& query) {
  if (query.find("{{window}}") != std::string::npos) return query;
  static const std::regex selector(R"(^\s*[a-zA-Z_:][a-zA-Z0-9_:]*\s*(\{[^}]*\})?\s*$)");
  if (std::regex_match(query, selector)) return fmt::format("sum(increase({}[{{{{window}}}}]))", query);
  return fmt::format("sum(increase(({})[{{{{window}}}}:]))", query);
}

Status load_ratio(const Context& ctx, const Entry& ratio, const Documents& docs, MetricSli& metric) {
  LOADER_ASSIGN(Fields fields, open(ctx, ratio.value, "ratioMetric", kRatioKeys));
  for (const char* unsupported : {"raw", "rawType"}) {
    if (const Entry* e = fields.find(unsupported)) {
      return ctx.error(e->key_node, fmt::format("'ratioMetric.{}' is not supported: give 'good' or 'bad', and 'total', "
                                                "as Prometheus queries",
                                                unsupported));
    }
  }
  const Entry* good = fields.find("good");
  const Entry* bad = fields.find("bad");
  const Entry* total = fields.find("total");
  if (!total) return error_at(ctx, ratio, "'ratioMetric' needs 'total'");
  if ((good != nullptr) == (bad != nullptr)) return error_at(ctx, ratio, "'ratioMetric' needs one of 'good' or 'bad'");
  bool counter = false;
  if (const Entry* c = fields.find("counter")) {
    if (!c->value.IsScalar() || (c->value.Scalar() != "true" && c->value.Scalar() != "false"))
      return error_at(ctx, *c, fmt::format("'ratioMetric.counter' must be true or false, got {}", describe(c->value)));
    counter = c->value.Scalar() == "true";
  }
  const Entry* part = good ? good : bad;
  LOADER_ASSIGN(PromQuery part_query, load_metric_source(ctx, *part, fmt::format("ratioMetric.{}", part->key), docs));
  LOADER_ASSIGN(PromQuery total_query, load_metric_source(ctx, *total, "ratioMetric.total", docs));
  if (!part_query.url.empty() && !total_query.url.empty() && part_query.url != total_query.url)
    return error_at(ctx, *part, "'ratioMetric.good/bad' and 'ratioMetric.total' name different Prometheus URLs");
  metric.query_url = total_query.url.empty() ? part_query.url : total_query.url;
  // `or vector(0)`: with no good (or bad) series at all the ratio would have no value
  // instead of 0 (or 100%) errors.
  std::string p = counter ? increase_over_run(part_query.query) + " or vector(0)" : part_query.query;
  std::string t = counter ? increase_over_run(total_query.query) : total_query.query;
  metric.error_rate_query = good ? fmt::format("1 - ({}) / ({})", p, t) : fmt::format("({}) / ({})", p, t);
  return ok_status();
}

// The unit of a latency query: the suffix of the first metric name in it that has one.
std::optional<double> unit_in_query(const std::string& query) {
  static const std::regex unit(R"(([a-zA-Z0-9_:])_(seconds|milliseconds)(_bucket|_sum|_count)?\b)");
  std::smatch m;
  if (!std::regex_search(query, m, unit)) return std::nullopt;
  return m[2] == "seconds" ? 1000.0 : 1.0;
}

Status load_threshold(const Context& ctx, const Entry& threshold, const Documents& docs, const Item& item,
                      MetricSli& metric) {
  LOADER_ASSIGN(PromQuery q, load_metric_source(ctx, threshold, "thresholdMetric", docs));
  metric.query_url = q.url;
  // A bare histogram is one glassbox can take percentiles of itself, over the run's window.
  static const std::regex bare(R"(^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{([^}]*)\})?\s*$)");
  std::smatch m;
  if (std::regex_match(q.query, m, bare)) {
    metric.histogram = m[1];
    if (metric.histogram.ends_with("_bucket")) metric.histogram.resize(metric.histogram.size() - 7);
    metric.selector = m[3];
  } else {
    metric.latency_query = q.query;
  }
  auto unit = item.unit_to_ms ? item.unit_to_ms : unit_in_query(q.query);
  if (!unit) {
    return error_at(ctx, threshold,
                    "cannot tell the unit of the 'thresholdMetric' query (no metric in it ends in "
                    "_seconds or _milliseconds): add unit: s or unit: ms to the openslo item of the suite");
  }
  metric.unit_to_ms = *unit;
  return ok_status();
}

// OpenSLO numbers are plain numbers: "99%" is not one.
std::optional<double> plain_number(const YAML::Node& node) {
  if (!node.IsScalar() || node.Scalar().ends_with("%")) return std::nullopt;
  return parse_share(node.Scalar());
}

Expected<double> share_of(const Context& ctx, const Fields& fields, std::string_view owner) {
  double value = 0;
  if (const Entry* target = fields.find("target")) {
    auto parsed = plain_number(target->value);
    if (!parsed || *parsed <= 0 || *parsed > 1)
      return error_at(ctx, *target,
                      fmt::format("'target' must be a ratio above 0 and at most 1, got {}", describe(target->value)));
    value = *parsed;
  } else if (const Entry* percent = fields.find("targetPercent")) {
    auto parsed = plain_number(percent->value);
    if (!parsed || *parsed <= 0 || *parsed > 100)
      return error_at(ctx, *percent,
                      fmt::format("'targetPercent' must be above 0 and at most 100, got {}", describe(percent->value)));
    value = *parsed / 100;
  } else {
    return ctx.error(fields.where(), fmt::format("an objective of {} needs 'target' (e.g. 0.999)", owner));
  }
  return value;
}

Expected<Objective> load_objective(const Context& ctx, const Entry& entry, bool threshold_metric,
                                   const MetricSli& metric, std::string_view owner) {
  LOADER_ASSIGN(Fields fields, open(ctx, entry.value, "objectives", kObjectiveKeys));
  for (const char* composite : {"indicator", "indicatorRef", "compositeWeight"}) {
    if (const Entry* e = fields.find(composite))
      return ctx.error(e->key_node, fmt::format("'objectives[].{}' (a composite SLO) is not supported", composite));
  }
  Objective objective;
  objective.where = ctx.at(entry.value);
  LOADER_ASSIGN(double target, share_of(ctx, fields, owner));
  const Entry* op = fields.find("op");
  const Entry* value = fields.find("value");
  if (!threshold_metric) {
    if (op || value)
      return ctx.error((op ? op : value)->key_node, "'op' and 'value' apply to thresholdMetric indicators");
    if (target >= 1.0)
      return ctx.error(objective.where,
                       "'target' of a ratioMetric objective must be below 1 (1 allows no error at all)");
    objective.kind = ObjectiveKind::Availability;
    objective.threshold = target;
    return objective;
  }
  if (!op || !value)
    return ctx.error(objective.where, "a thresholdMetric objective needs 'op' (lte or lt) and 'value'");
  if (!op->value.IsScalar() || (op->value.Scalar() != "lte" && op->value.Scalar() != "lt")) {
    return error_at(ctx, *op,
                    fmt::format("'op' {} is not supported: glassbox reads thresholdMetric objectives as "
                                "latency upper bounds (lte, lt)",
                                describe(op->value)));
  }
  auto number = plain_number(value->value);
  if (!number || *number <= 0)
    return error_at(ctx, *value, fmt::format("'value' must be a number above 0, got {}", describe(value->value)));
  objective.kind = ObjectiveKind::Latency;
  objective.quantile = target;
  objective.threshold = *number * metric.unit_to_ms;
  return objective;
}

Expected<Slo> load_slo_document(const Context& ctx, const YAML::Node& document, const Documents& docs,
                                const Item& item) {
  Slo slo;
  slo.where = ctx.at(document);
  slo.origin = item.file;
  slo.source = suite::SliSource::Metrics;
  LOADER_SET(slo.name, metadata_name(ctx, document, "SLO"));
  const std::string owner = fmt::format("OpenSLO SLO '{}'", slo.name);
  const YAML::Node metadata = child(document, "metadata");
  const YAML::Node spec_node = child(document, "spec");
  if (!spec_node.IsDefined()) return ctx.error(document, fmt::format("{} needs 'spec'", owner));
  LOADER_ASSIGN(Fields spec, open(ctx, spec_node, "spec", kSloSpecKeys));
  if (const Entry* d = spec.find("description"); d && d->value.IsScalar()) slo.description = d->value.Scalar();
  if (YAML::Node display = child(metadata, "displayName"); slo.description.empty() && display.IsScalar())
    slo.description = display.Scalar();
  if (const Entry* method = spec.find("budgetingMethod")) {
    LOADER_ASSIGN(std::string name, written(ctx, *method, "budgetingMethod"));
    if (std::find(kBudgetingMethods.begin(), kBudgetingMethods.end(), name) == kBudgetingMethods.end()) {
      return error_at(
          ctx, *method,
          fmt::format("unknown 'budgetingMethod' '{}'{}", name, name_hint(name, kBudgetingMethods, "methods")));
    }
  }

  // The indicator: inline, or an SLI document of the same file.
  const Entry* inline_sli = spec.find("indicator");
  const Entry* ref = spec.find("indicatorRef");
  if ((inline_sli != nullptr) == (ref != nullptr))
    return ctx.error(spec_node, fmt::format("{} needs one of 'spec.indicator' or 'spec.indicatorRef'", owner));
  YAML::Node sli = inline_sli ? inline_sli->value : YAML::Node();
  if (ref) {
    LOADER_ASSIGN(std::string name, written(ctx, *ref, "indicatorRef"));
    auto found = docs.slis.find(name);
    if (found == docs.slis.end()) {
      std::vector<std::string> names;
      for (const auto& [n, _] : docs.slis) names.push_back(n);
      return error_at(ctx, *ref,
                      fmt::format("unknown SLI '{}' in 'indicatorRef'{}", name,
                                  name_hint(name, names, "SLIs in this file", "this file has none")));
    }
    sli = found->second;
  }
  LOADER_ASSIGN(Fields sli_fields,
                Fields::open(ctx, sli, ctx.at(sli), "'indicator'", "in 'indicator'", ref ? kDocumentKeys : kSliKeys));
  const Entry* sli_spec = sli_fields.find("spec");
  if (!sli_spec) return ctx.error(sli, "'indicator' needs 'spec' with 'ratioMetric' or 'thresholdMetric'");
  LOADER_ASSIGN(Fields metric_fields, open(ctx, sli_spec->value, "indicator.spec", kSliSpecKeys));
  const Entry* ratio = metric_fields.find("ratioMetric");
  const Entry* threshold = metric_fields.find("thresholdMetric");
  if ((ratio != nullptr) == (threshold != nullptr))
    return error_at(ctx, *sli_spec, "'indicator.spec' needs one of 'ratioMetric' or 'thresholdMetric'");
  if (ratio) LOADER_TRY(load_ratio(ctx, *ratio, docs, slo.metric));
  if (threshold) LOADER_TRY(load_threshold(ctx, *threshold, docs, item, slo.metric));

  // Where to ask: the suite's item, else the source's URL, else the SLO's annotation.
  if (!item.query_url.empty()) slo.metric.query_url = item.query_url;
  YAML::Node annotation = child(child(metadata, "annotations"), std::string(kUrlAnnotation));
  if (slo.metric.query_url.empty() && annotation.IsScalar()) slo.metric.query_url = annotation.Scalar();
  if (slo.metric.query_url.empty()) {
    return ctx.error(document, fmt::format("{} names no Prometheus URL: add query: URL to the openslo item of the "
                                           "suite, 'url' to the metricSource spec, or the annotation {}",
                                           owner, kUrlAnnotation));
  }

  const Entry* objectives = spec.find("objectives");
  if (!objectives) return ctx.error(spec_node, fmt::format("{} needs 'spec.objectives'", owner));
  LOADER_ASSIGN(auto items, list_items(ctx, *objectives));
  if (items.empty()) return error_at(ctx, *objectives, fmt::format("{} needs at least one objective", owner));
  for (const Entry& e : items) {
    LOADER_ASSIGN(Objective objective, load_objective(ctx, e, threshold != nullptr, slo.metric, owner));
    slo.objectives.push_back(objective);
  }
  return slo;
}

Expected<Item> load_item(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry.value, ctx.at(entry.value), "an openslo item",
                                            "in an openslo item", kItemKeys));
  Item item;
  LOADER_ASSIGN(std::string path, read_nonempty_string(ctx, *fields.find("openslo")));
  std::filesystem::path resolved(path);
  if (resolved.is_relative()) resolved = std::filesystem::path(ctx.file).parent_path() / resolved;
  item.file = resolved.lexically_normal().string();
  if (const Entry* query = fields.find("query")) {
    LOADER_SET(item.query_url, read_nonempty_string(ctx, *query));
    if (!item.query_url.starts_with("http://") && !item.query_url.starts_with("https://"))
      return error_at(ctx, *query,
                      fmt::format("'query' must be an http:// or https:// URL, got {}", describe(query->value)));
  }
  if (const Entry* unit = fields.find("unit")) {
    LOADER_ASSIGN(std::string text, read_string(ctx, *unit));
    if (text != "s" && text != "ms")
      return error_at(ctx, *unit, fmt::format("'unit' must be s or ms, got {}", describe(unit->value)));
    item.unit_to_ms = text == "s" ? 1000.0 : 1.0;
  }
  return item;
}

}  // namespace

Expected<std::vector<Slo>> load_openslo(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(Item item, load_item(ctx, entry));
  const Entry path_entry{"openslo", entry.value, child(entry.value, "openslo")};
  std::error_code ec;
  if (std::filesystem::is_directory(item.file, ec))
    return error_at(ctx, path_entry,
                    fmt::format("cannot read OpenSLO file '{}': {}", item.file, std::strerror(EISDIR)));
  std::ifstream in(item.file, std::ios::binary);
  if (!in) {
    return error_at(ctx, path_entry, fmt::format("cannot read OpenSLO file '{}': {}", item.file, std::strerror(errno)));
  }
  std::stringstream text;
  text << in.rdbuf();

  // Messages about the documents point into the OpenSLO file.
  Context file_ctx;
  file_ctx.file = item.file;
  std::vector<YAML::Node> nodes;
  try {
    nodes = YAML::LoadAll(text.str());
  } catch (const YAML::Exception& e) {
    SourceLocation where{item.file, e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1};
    return Error{"YAML syntax error: " + e.msg, where};
  }
  LOADER_ASSIGN(Documents docs, read_documents(file_ctx, nodes));
  if (docs.slos.empty())
    return error_at(ctx, path_entry, fmt::format("OpenSLO file '{}' holds no 'kind: SLO' document", item.file));
  std::vector<Slo> out;
  for (const YAML::Node& document : docs.slos) {
    LOADER_ASSIGN(Slo slo, load_slo_document(file_ctx, document, docs, item));
    out.push_back(std::move(slo));
  }
  return out;
}

}  // namespace glassbox::loader::detail
