// The `conditions` and `rules` of a decision_table technique use.
#include <algorithm>

#include <fmt/format.h>

#include "suites/loader/decision_parts.hpp"
#include "suites/loader/did_you_mean.hpp"
#include "suites/loader/parts.hpp"

namespace glassbox::loader::detail {

namespace {

const Keys kRuleKeys = {"id", "when", "expect"};

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

Expected<std::vector<std::string>> load_conditions(Context& ctx, const Entry& entry, std::string_view owner,
                                                   const std::vector<std::string>& request_inputs) {
  LOADER_ASSIGN(auto items, list_items(ctx, entry, Single::Allowed));
  if (items.empty()) return error_at(ctx, entry, "'conditions' must list at least one input");
  std::vector<std::string> names;
  for (const Entry& item : items) {
    LOADER_ASSIGN(std::string name, read_nonempty_string(ctx, item));
    LOADER_TRY(check_condition_input(ctx, item, name, "decision_table", owner, request_inputs));
    if (contains(names, name)) return error_at(ctx, item, fmt::format("'conditions' lists '{}' twice", name));
    names.push_back(std::move(name));
  }
  return names;
}

Expected<std::vector<suite::DecisionEntry>> load_when(Context& ctx, const Entry& entry,
                                                      const std::vector<std::string>& conditions,
                                                      std::string_view rule) {
  std::vector<suite::DecisionEntry> when(conditions.size());
  for (suite::DecisionEntry& cell : when) cell.where = where_of(ctx, entry);  // left out: don't care
  LOADER_ASSIGN(auto cells, map_entries(ctx, entry));
  for (const Entry& cell : cells) {
    auto at = std::find(conditions.begin(), conditions.end(), cell.key);
    if (at == conditions.end()) {
      return ctx.error(cell.key_node, fmt::format("'{}' in rule '{}' is not a condition of the table{}", cell.key,
                                                  rule, name_hint(cell.key, conditions, "conditions")));
    }
    suite::DecisionEntry& target = when[static_cast<std::size_t>(at - conditions.begin())];
    target.where = where_of(ctx, cell);
    LOADER_SET(target.classes, load_class_names(ctx, cell, DontCare::Allowed));
  }
  return when;
}

Expected<suite::DecisionRule> load_rule(Context& ctx, const Entry& item, std::size_t index,
                                        const std::vector<std::string>& conditions, std::string_view owner) {
  suite::DecisionRule rule;
  rule.where = where_of(ctx, item);
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, item, "a rule", fmt::format("in a rule of {}", owner), kRuleKeys));
  rule.id = fmt::format("R{}", index + 1);
  if (const Entry* id = fields.find("id")) LOADER_SET(rule.id, read_nonempty_string(ctx, *id));
  const Entry* when = fields.find("when");
  if (!when) {
    return ctx.error(rule.where, fmt::format("rule '{}' of {} needs 'when' (the classes of its conditions, "
                                             "e.g. when: {{{}: ...}})",
                                             rule.id, owner, conditions.front()));
  }
  LOADER_SET(rule.when, load_when(ctx, *when, conditions, rule.id));
  if (const Entry* expect = fields.find("expect")) {
    LOADER_SET(rule.expect,
               load_expectation(ctx, *expect, fmt::format("in 'expect' of rule '{}' of {}", rule.id, owner)));
  }
  return rule;
}

}  // namespace

const Keys& decision_table_keys() {
  static const Keys keys = {"conditions", "rules"};
  return keys;
}

Status check_condition_input(const Context& ctx, const Entry& entry, const std::string& name,
                             std::string_view technique, std::string_view owner,
                             const std::vector<std::string>& request_inputs) {
  if (!contains(ctx.input_names, name)) {
    return error_at(ctx, entry, fmt::format("unknown input '{}' in technique '{}' of {}{}", name, technique, owner,
                                            name_hint(name, ctx.input_names, "inputs", "the suite declares no inputs")));
  }
  if (!contains(request_inputs, name)) {
    std::string used = request_inputs.empty() ? "it uses none" : "it uses " + join_names(request_inputs);
    return error_at(ctx, entry, fmt::format("input '{}' is not used by {}: no {{{{{}}}}} in its path, query, "
                                            "headers or body ({})",
                                            name, owner, name, used));
  }
  return ok_status();
}

Expected<std::vector<std::string>> load_class_names(Context& ctx, const Entry& entry, DontCare dont_care) {
  if (entry.value.IsScalar() && entry.value.Scalar() == "-") {
    if (dont_care == DontCare::Allowed) return std::vector<std::string>{};
    return error_at(ctx, entry, fmt::format("'{}' must name classes; '-' (don't care) is for decision table rules",
                                            entry.key));
  }
  LOADER_ASSIGN(auto items, list_items(ctx, entry, Single::Allowed));
  if (items.empty()) return error_at(ctx, entry, fmt::format("'{}' must name at least one class", entry.key));
  std::vector<std::string> names;
  for (const Entry& item : items) {
    if (!item.value.IsScalar() || item.value.Scalar() == "-") {
      return error_at(ctx, item, fmt::format("'{}' must list class names, got {}", entry.key,
                                             item.value.IsScalar() ? "'-' (write '-' alone for don't care)"
                                                                   : describe(item.value)));
    }
    LOADER_ASSIGN(Value v, read_value(ctx, item.value, Templates::Plain));
    std::string name = v.is_string() ? v.get<std::string>() : v.dump();
    if (contains(names, name)) return error_at(ctx, item, fmt::format("'{}' lists '{}' twice", entry.key, name));
    names.push_back(std::move(name));
  }
  return names;
}

Expected<std::shared_ptr<const suite::DecisionTable>> load_decision_table(
    Context& ctx, const Fields& fields, const SourceLocation& where, std::string_view owner,
    const std::vector<std::string>& request_inputs) {
  auto table = std::make_shared<suite::DecisionTable>();
  table->where = where;
  const Entry* conditions = fields.find("conditions");
  const Entry* rules = fields.find("rules");
  if (!conditions || !rules) {
    return ctx.error(where, fmt::format("a decision_table technique of {} needs 'conditions' (inputs) and 'rules'",
                                        owner));
  }
  LOADER_SET(table->conditions, load_conditions(ctx, *conditions, owner, request_inputs));
  LOADER_ASSIGN(auto items, list_items(ctx, *rules));
  if (items.empty()) return error_at(ctx, *rules, "'rules' must list at least one rule");
  for (std::size_t i = 0; i < items.size(); ++i) {
    LOADER_ASSIGN(suite::DecisionRule rule, load_rule(ctx, items[i], i, table->conditions, owner));
    for (const suite::DecisionRule& earlier : table->rules) {
      if (earlier.id == rule.id) {
        return ctx.error(rule.where, fmt::format("rule id '{}' is used twice in the decision table of {}", rule.id,
                                                 owner));
      }
    }
    table->rules.push_back(std::move(rule));
  }
  return std::shared_ptr<const suite::DecisionTable>(std::move(table));
}

}  // namespace glassbox::loader::detail
