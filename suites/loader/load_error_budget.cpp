// The `error_budget` section (an availability target, its period and the multi-window
// burn-rate rules of the SRE workbook) and the `compare` section (what a comparison with a
// baseline results file counts as a regression); both top level and per environment
// (docs/suite-format.md "`error_budget`" and "`compare`").
//
// Thread-safety: one Context per load, used by one thread.
#include <chrono>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "suites/loader/did_you_mean.hpp"
#include "suites/loader/parts.hpp"
#include "suites/loader/quantities.hpp"

namespace glassbox::loader::detail {

namespace {

using std::chrono::seconds;

const Keys kBudgetKeys = {"availability", "period", "target", "request", "prometheus", "rules"};
const Keys kPrometheusKeys = {"query", "errors", "total"};
const Keys kRuleKeys = {"long", "short", "factor"};
const Keys kCompareKeys = {"latency", "latency_floor", "error_rate", "new_failures", "coverage_lost",
                           "throughput_drop"};

// Budget windows are whole seconds: PromQL ranges and the SRE workbook's rules are.
Expected<seconds> read_window(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(auto ms, read_duration(ctx, entry));
  if (ms < std::chrono::seconds(1))
    return error_at(ctx, entry, fmt::format("'{}' must be at least 1s, got {}", entry.key, describe(entry.value)));
  return std::chrono::duration_cast<seconds>(ms);
}

Expected<std::vector<suite::BurnRule>> load_rules(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(auto items, list_items(ctx, entry));
  if (items.empty()) {
    return error_at(ctx, entry,
                    "'rules' needs at least one rule, e.g. {long: 1h, short: 5m, factor: 14.4}; leave "
                    "it out for the SRE workbook's three");
  }
  std::vector<suite::BurnRule> rules;
  for (const Entry& item : items) {
    LOADER_ASSIGN(Fields fields, Fields::open(ctx, item, "a burn-rate rule", "in a burn-rate rule", kRuleKeys));
    for (const char* key : {"long", "short", "factor"}) {
      if (!fields.find(key))
        return error_at(ctx, item,
                        "a burn-rate rule needs 'long', 'short' and 'factor', e.g. {long: 1h, short: 5m, "
                        "factor: 14.4}");
    }
    suite::BurnRule rule;
    LOADER_SET(rule.long_window, read_window(ctx, *fields.find("long")));
    LOADER_SET(rule.short_window, read_window(ctx, *fields.find("short")));
    if (rule.short_window >= rule.long_window) {
      return error_at(ctx, *fields.find("short"),
                      fmt::format("'short' ({}) must be shorter than 'long' ({})", fields.find("short")->value.Scalar(),
                                  fields.find("long")->value.Scalar()));
    }
    const Entry& factor = *fields.find("factor");
    LOADER_SET(rule.factor, read_number(ctx, factor));
    if (rule.factor <= 0)
      return error_at(ctx, factor, fmt::format("'factor' must be more than 0, got {}", describe(factor.value)));
    rules.push_back(rule);
  }
  return rules;
}

Status load_prometheus(Context& ctx, const Entry& entry, suite::ErrorBudgetSpec& budget) {
  LOADER_ASSIGN(Fields fields,
                Fields::open(ctx, entry, "'prometheus'", "in 'prometheus' of 'error_budget'", kPrometheusKeys));
  for (const char* key : {"query", "errors", "total"}) {
    if (!fields.find(key)) {
      return error_at(ctx, entry,
                      "'prometheus' needs 'query' (the base URL of a Prometheus API), 'errors' and 'total' "
                      "(PromQL rates with {{window}})");
    }
  }
  LOADER_SET(budget.query_url, read_nonempty_string(ctx, *fields.find("query")));
  if (!budget.query_url.starts_with("http://") && !budget.query_url.starts_with("https://")) {
    const Entry& query = *fields.find("query");
    return error_at(ctx, query,
                    fmt::format("'query' must be an http:// or https:// URL, got {}", describe(query.value)));
  }
  LOADER_SET(budget.errors_query, read_nonempty_string(ctx, *fields.find("errors")));
  LOADER_SET(budget.total_query, read_nonempty_string(ctx, *fields.find("total")));
  return ok_status();
}

}  // namespace

Expected<suite::ErrorBudgetSpec> load_error_budget(Context& ctx, const Entry& entry, const suite::Suite& suite) {
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry, "'error_budget'", "in 'error_budget'", kBudgetKeys));
  suite::ErrorBudgetSpec budget;
  budget.where = where_of(ctx, entry);
  const Entry* availability = fields.find("availability");
  if (!availability) return error_at(ctx, entry, "'error_budget' needs 'availability' (the target, e.g. 99.9%)");
  LOADER_SET(budget.availability, read_share(ctx, *availability));
  if (budget.availability >= 1.0) {
    return error_at(ctx, *availability,
                    fmt::format("'availability' must be below 100% (100% leaves no error budget), "
                                "got {}",
                                describe(availability->value)));
  }
  if (const Entry* period = fields.find("period")) LOADER_SET(budget.period, read_window(ctx, *period));
  LOADER_ASSIGN(ProbeScope scope, load_probe_scope(ctx, fields, suite, "'error_budget'"));
  budget.target = std::move(scope.target);
  budget.request = std::move(scope.request);
  if (const Entry* prometheus = fields.find("prometheus")) LOADER_TRY(load_prometheus(ctx, *prometheus, budget));
  if (const Entry* rules = fields.find("rules")) LOADER_SET(budget.rules, load_rules(ctx, *rules));
  return budget;
}

Expected<suite::CompareThresholds> load_compare(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry, "'compare'", "in 'compare'", kCompareKeys));
  suite::CompareThresholds compare;
  compare.where = where_of(ctx, entry);
  if (const Entry* latency = fields.find("latency")) {
    LOADER_ASSIGN(auto entries, map_entries(ctx, *latency));
    if (entries.empty())
      return error_at(ctx, *latency, "'latency' of 'compare' needs at least one percentile, e.g. {p95: 10%}");
    compare.latency.clear();
    for (const Entry& e : entries) {
      auto quantile = percentile_quantile(e.key);
      if (!quantile) {
        return ctx.error(e.key_node, fmt::format("unknown percentile '{}' in 'latency' of 'compare'{}", e.key,
                                                 name_hint(e.key, percentile_names(), "percentiles")));
      }
      // Growth is relative, so more than 100% (twice as slow) is a meaningful allowance.
      LOADER_ASSIGN(double growth, read_share(ctx, e, 1000.0, Zero::Allowed));
      compare.latency.emplace_back(*quantile, growth);
    }
  }
  if (const Entry* error_rate = fields.find("error_rate"))
    LOADER_SET(compare.error_rate_points, read_share(ctx, *error_rate, 1.0, Zero::Allowed));
  if (const Entry* floor = fields.find("latency_floor")) {
    LOADER_ASSIGN(std::chrono::milliseconds ms, read_duration(ctx, *floor, Zero::Allowed));
    compare.latency_floor_ms = static_cast<double>(ms.count());
  }
  if (const Entry* failures = fields.find("new_failures")) LOADER_SET(compare.new_failures, read_bool(ctx, *failures));
  if (const Entry* lost = fields.find("coverage_lost")) LOADER_SET(compare.coverage_lost, read_bool(ctx, *lost));
  if (const Entry* drop = fields.find("throughput_drop"))
    LOADER_SET(compare.throughput_drop, read_share(ctx, *drop, 1.0, Zero::Allowed));
  return compare;
}

}  // namespace glassbox::loader::detail
