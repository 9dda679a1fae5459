// `techniques` (which test-design techniques generate a request's cases, on which inputs)
// and `retry` (how system errors are retried).
#include <climits>

#include <fmt/format.h>

#include "suites/loader/decision_parts.hpp"
#include "suites/loader/did_you_mean.hpp"
#include "suites/loader/parts.hpp"

namespace glassbox::loader::detail {

namespace {

// The last keys belong to decision_table and cause_effect (decision_parts.hpp).
const Keys kTechniqueKeys = {"technique", "form",   "inputs",  "options",    "conditions",
                             "rules",     "causes", "effects", "constraints"};
const Keys kRetryKeys = {"retries", "backoff_ms", "on_status"};

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

Expected<std::vector<std::string>> load_use_inputs(Context& ctx, const Entry& entry, std::string_view owner,
                                                   std::string_view technique,
                                                   const std::vector<std::string>& request_inputs) {
  LOADER_ASSIGN(auto items, list_items(ctx, entry, Single::Allowed));
  if (items.empty()) {
    return error_at(ctx, entry, "'inputs' must list at least one input (leave it out to use every input the "
                                "request uses)");
  }
  std::vector<std::string> names;
  for (const Entry& item : items) {
    LOADER_ASSIGN(std::string name, read_nonempty_string(ctx, item));
    if (!contains(ctx.input_names, name)) {
      return error_at(ctx, item, fmt::format("unknown input '{}' in technique '{}' of {}{}", name, technique, owner,
                                             name_hint(name, ctx.input_names, "inputs", "the suite declares no inputs")));
    }
    if (!contains(request_inputs, name)) {
      std::string used = request_inputs.empty() ? "it uses none"
                                                : "it uses " + join_names(request_inputs);
      return error_at(ctx, item, fmt::format("input '{}' is not used by {}: no {{{{{}}}}} in its path, query, "
                                             "headers or body ({})",
                                             name, owner, name, used));
    }
    names.push_back(std::move(name));
  }
  return names;
}

// The first of `keys` that `fields` holds, or nullptr.
const Entry* first_of(const Fields& fields, const Keys& keys) {
  for (const std::string& key : keys)
    if (const Entry* e = fields.find(key)) return e;
  return nullptr;
}

// The table of a decision_table use or the graph of a cause_effect use; their keys are an
// error on any other technique, and both belong to one request, never to defaults.
Status load_technique_model(Context& ctx, const Fields& fields, TechniqueScope scope, std::string_view owner,
                            const std::vector<std::string>& request_inputs, suite::TechniqueUse& use) {
  const bool is_table = use.technique == "decision_table";
  const bool is_graph = use.technique == "cause_effect";
  for (const Keys* keys : {&decision_table_keys(), &cause_effect_keys()}) {
    const Entry* key = first_of(fields, *keys);
    if (!key) continue;
    const std::string_view belongs = keys == &decision_table_keys() ? "decision_table" : "cause_effect";
    if (use.technique != belongs) {
      return ctx.error(key->key_node, fmt::format("'{}' applies to technique '{}' only, not '{}'", key->key, belongs,
                                                  use.technique));
    }
  }
  if (!is_table && !is_graph) return ok_status();
  if (scope == TechniqueScope::Defaults) {
    return ctx.error(use.where, fmt::format("technique '{}' cannot be set in defaults: its rules belong to one "
                                            "request",
                                            use.technique));
  }
  if (const Entry* inputs = fields.find("inputs")) {
    return ctx.error(inputs->key_node, fmt::format("'inputs' does not apply to technique '{}': it varies the "
                                                   "inputs its {} name",
                                                   use.technique, is_table ? "conditions" : "causes"));
  }
  if (is_table) {
    LOADER_SET(use.decision_table, load_decision_table(ctx, fields, use.where, owner, request_inputs));
  } else {
    LOADER_SET(use.cause_effect, load_cause_effect(ctx, fields, use.where, owner, request_inputs));
  }
  return ok_status();
}

Expected<suite::TechniqueUse> load_use(Context& ctx, const Entry& item, TechniqueScope scope, std::string_view owner,
                                       const std::vector<std::string>& request_inputs) {
  suite::TechniqueUse use;
  use.where = where_of(ctx, item);
  if (item.value.IsScalar()) {  // `- boundaries` is short for `- {technique: boundaries}`
    LOADER_SET(use.technique, read_nonempty_string(ctx, Entry{"technique", item.key_node, item.value}));
    return use;
  }
  std::string place = fmt::format("in a technique of {}", owner);
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, item, "a technique", place, kTechniqueKeys));
  const Entry* technique = fields.find("technique");
  if (!technique) {
    return ctx.error(use.where, fmt::format("a technique of {} needs 'technique' (e.g. technique: partitions)",
                                            owner));
  }
  LOADER_SET(use.technique, read_nonempty_string(ctx, *technique));
  if (const Entry* form = fields.find("form")) LOADER_SET(use.form, read_nonempty_string(ctx, *form));
  if (const Entry* inputs = fields.find("inputs")) {
    if (scope == TechniqueScope::Defaults) {
      return ctx.error(inputs->key_node, "'inputs' cannot be set in defaults, since each request uses its own "
                                         "inputs: list them in the request's techniques");
    }
    LOADER_SET(use.inputs, load_use_inputs(ctx, *inputs, owner, use.technique, request_inputs));
  }
  LOADER_TRY(load_technique_model(ctx, fields, scope, owner, request_inputs, use));
  if (const Entry* options = fields.find("options")) {
    if (!options->value.IsNull() && !options->value.IsMap()) {
      return error_at(ctx, *options, fmt::format("'options' must be a map, got {}", describe(options->value)));
    }
    LOADER_SET(use.options, read_value(ctx, options->value, Templates::Plain));
    if (use.options.is_null()) use.options = Value::object();
  }
  return use;
}

Expected<std::vector<int>> load_statuses(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(auto items, list_items(ctx, entry, Single::Allowed));
  std::vector<int> statuses;
  for (const Entry& item : items) {
    std::optional<std::int64_t> code;
    if (item.value.IsScalar()) {
      auto read = read_int(ctx, item);
      if (read.ok() && *read >= 100 && *read <= 599) code = *read;
    }
    if (!code) {
      return error_at(ctx, item, fmt::format("'on_status' must list HTTP statuses (100..599), got {}",
                                             describe(item.value)));
    }
    statuses.push_back(static_cast<int>(*code));
  }
  return statuses;
}

}  // namespace

Expected<std::vector<suite::TechniqueUse>> load_techniques(Context& ctx, const Entry& entry, TechniqueScope scope,
                                                           std::string_view owner,
                                                           const std::vector<std::string>& request_inputs) {
  LOADER_ASSIGN(auto items, list_items(ctx, entry, Single::Allowed));
  if (items.empty())
    return error_at(ctx, entry, "'techniques' must list at least one technique, e.g. [{technique: partitions}]");
  std::vector<suite::TechniqueUse> uses;
  for (const Entry& item : items) {
    LOADER_ASSIGN(suite::TechniqueUse use, load_use(ctx, item, scope, owner, request_inputs));
    uses.push_back(std::move(use));
  }
  return uses;
}

Expected<suite::RetryPolicy> load_retry(Context& ctx, const Entry& entry, const suite::RetryPolicy& base) {
  suite::RetryPolicy retry = base;
  if (entry.value.IsScalar()) {  // `retry: 2` is short for `retry: {retries: 2}`
    LOADER_SET(retry.retries, read_int_in(ctx, Entry{"retry", entry.key_node, entry.value}, 0, 100));
    return retry;
  }
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry, "'retry'", "in retry", kRetryKeys));
  if (const Entry* retries = fields.find("retries")) LOADER_SET(retry.retries, read_int_in(ctx, *retries, 0, 100));
  if (const Entry* backoff = fields.find("backoff_ms"))
    LOADER_SET(retry.backoff_ms, read_int_in(ctx, *backoff, 0, INT_MAX));
  if (const Entry* on_status = fields.find("on_status")) LOADER_SET(retry.on_status, load_statuses(ctx, *on_status));
  return retry;
}

}  // namespace glassbox::loader::detail
