// The `causes`, `effects` and `constraints` of a cause_effect technique use. Names are
// checked here (every cause an expression or constraint names exists, and likewise for
// effects), so the generator can rely on them.
#include <algorithm>

#include <fmt/format.h>

#include "suites/loader/decision_parts.hpp"
#include "suites/loader/did_you_mean.hpp"
#include "suites/loader/parts.hpp"

namespace glassbox::loader::detail {

namespace {

using suite::CauseExpr;
using suite::ConstraintKind;

const Keys kEffectKeys = {"when", "expect"};
const Keys kOperators = {"and", "or", "not"};
const Keys kConstraintKinds = {"exclusive", "inclusive", "one_and_only_one", "requires", "masks"};

std::vector<std::string> ids_of(const auto& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

Expected<std::vector<suite::Cause>> load_causes(Context& ctx, const Entry& entry, std::string_view owner,
                                                const std::vector<std::string>& request_inputs) {
  LOADER_ASSIGN(auto entries, map_entries(ctx, entry));
  if (entries.empty()) return error_at(ctx, entry, "'causes' must name at least one cause");
  std::vector<suite::Cause> causes;
  for (const Entry& e : entries) {
    suite::Cause cause;
    cause.id = e.key;
    cause.where = ctx.at(e.key_node);
    LOADER_ASSIGN(auto on, map_entries(ctx, e));
    if (on.size() != 1) {
      return error_at(ctx, e, fmt::format("cause '{}' must name one input and its classes, e.g. {{member: true}}",
                                          cause.id));
    }
    cause.input = on.front().key;
    LOADER_TRY(check_condition_input(ctx, Entry{on.front().key, on.front().key_node, on.front().key_node},
                                     cause.input, "cause_effect", owner, request_inputs));
    LOADER_SET(cause.classes, load_class_names(ctx, on.front(), DontCare::Rejected));
    causes.push_back(std::move(cause));
  }
  return causes;
}

Expected<CauseExpr> load_expr(Context& ctx, const Entry& entry, const std::vector<std::string>& causes) {
  CauseExpr expr;
  expr.where = where_of(ctx, entry);
  if (entry.value.IsScalar()) {
    LOADER_SET(expr.cause, read_nonempty_string(ctx, entry));
    if (std::find(causes.begin(), causes.end(), expr.cause) == causes.end())
      return error_at(ctx, entry, fmt::format("unknown cause '{}'{}", expr.cause, name_hint(expr.cause, causes, "causes")));
    return expr;
  }
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, entry, "an expression", "in an expression", kOperators));
  if (fields.entries().size() != 1) {
    return error_at(ctx, entry, "an expression is a cause, or one of {and: [...]}, {or: [...]}, {not: ...}");
  }
  const Entry& op = fields.entries().front();
  if (op.key == "not") {
    expr.op = CauseExpr::Op::Not;
    LOADER_ASSIGN(CauseExpr operand, load_expr(ctx, op, causes));
    expr.operands.push_back(std::move(operand));
    return expr;
  }
  expr.op = op.key == "and" ? CauseExpr::Op::And : CauseExpr::Op::Or;
  LOADER_ASSIGN(auto items, list_items(ctx, op));
  if (items.size() < 2) return error_at(ctx, op, fmt::format("'{}' must list at least two operands", op.key));
  for (const Entry& item : items) {
    LOADER_ASSIGN(CauseExpr operand, load_expr(ctx, item, causes));
    expr.operands.push_back(std::move(operand));
  }
  return expr;
}

Expected<std::vector<suite::Effect>> load_effects(Context& ctx, const Entry& entry, std::string_view owner,
                                                  const std::vector<std::string>& causes) {
  LOADER_ASSIGN(auto entries, map_entries(ctx, entry));
  if (entries.empty()) return error_at(ctx, entry, "'effects' must name at least one effect");
  std::vector<suite::Effect> effects;
  for (const Entry& e : entries) {
    suite::Effect effect;
    effect.id = e.key;
    effect.where = ctx.at(e.key_node);
    std::string what = fmt::format("effect '{}'", effect.id);
    LOADER_ASSIGN(Fields fields, Fields::open(ctx, e, what, "in " + what, kEffectKeys));
    const Entry* when = fields.find("when");
    if (!when) {
      return ctx.error(effect.where, fmt::format("effect '{}' needs 'when' (a cause, or and/or/not of causes)",
                                                 effect.id));
    }
    LOADER_SET(effect.when, load_expr(ctx, *when, causes));
    if (const Entry* expect = fields.find("expect")) {
      LOADER_SET(effect.expect,
                 load_expectation(ctx, *expect, fmt::format("in 'expect' of effect '{}' of {}", effect.id, owner)));
    }
    effects.push_back(std::move(effect));
  }
  return effects;
}

ConstraintKind kind_of(std::string_view key) {
  if (key == "exclusive") return ConstraintKind::Exclusive;
  if (key == "inclusive") return ConstraintKind::Inclusive;
  if (key == "one_and_only_one") return ConstraintKind::OneAndOnlyOne;
  if (key == "requires") return ConstraintKind::Requires;
  return ConstraintKind::Masks;
}

Expected<suite::CauseConstraint> load_constraint(Context& ctx, const Entry& item, const std::vector<std::string>& causes,
                                                 const std::vector<std::string>& effects) {
  suite::CauseConstraint constraint;
  constraint.where = where_of(ctx, item);
  LOADER_ASSIGN(Fields fields, Fields::open(ctx, item, "a constraint", "in a constraint", kConstraintKinds));
  if (fields.entries().size() != 1) {
    return error_at(ctx, item, "a constraint is one of {exclusive: [...]}, {inclusive: [...]}, "
                               "{one_and_only_one: [...]}, {requires: [a, b]}, {masks: [e, f]}");
  }
  const Entry& entry = fields.entries().front();
  constraint.kind = kind_of(entry.key);
  const bool pair = constraint.kind == ConstraintKind::Requires || constraint.kind == ConstraintKind::Masks;
  const bool on_effects = constraint.kind == ConstraintKind::Masks;
  const std::vector<std::string>& known = on_effects ? effects : causes;
  LOADER_ASSIGN(auto items, list_items(ctx, entry));
  if (pair && items.size() != 2) {
    return error_at(ctx, entry, fmt::format("'{}' takes two {}: [{}]", entry.key, on_effects ? "effects" : "causes",
                                            on_effects ? "masking, masked" : "cause, required cause"));
  }
  if (!pair && items.size() < 2) return error_at(ctx, entry, fmt::format("'{}' must list at least two causes", entry.key));
  for (const Entry& id : items) {
    LOADER_ASSIGN(std::string name, read_nonempty_string(ctx, id));
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::string_view kind = on_effects ? "effect" : "cause";
      return error_at(ctx, id, fmt::format("unknown {} '{}' in '{}'{}", kind, name, entry.key,
                                           name_hint(name, known, on_effects ? "effects" : "causes")));
    }
    constraint.ids.push_back(std::move(name));
  }
  return constraint;
}

}  // namespace

const Keys& cause_effect_keys() {
  static const Keys keys = {"causes", "effects", "constraints"};
  return keys;
}

Expected<std::shared_ptr<const suite::CauseEffectGraph>> load_cause_effect(
    Context& ctx, const Fields& fields, const SourceLocation& where, std::string_view owner,
    const std::vector<std::string>& request_inputs) {
  auto graph = std::make_shared<suite::CauseEffectGraph>();
  graph->where = where;
  const Entry* causes = fields.find("causes");
  const Entry* effects = fields.find("effects");
  if (!causes || !effects) {
    return ctx.error(where, fmt::format("a cause_effect technique of {} needs 'causes' and 'effects'", owner));
  }
  LOADER_SET(graph->causes, load_causes(ctx, *causes, owner, request_inputs));
  LOADER_SET(graph->effects, load_effects(ctx, *effects, owner, ids_of(graph->causes)));
  if (const Entry* constraints = fields.find("constraints")) {
    LOADER_ASSIGN(auto items, list_items(ctx, *constraints));
    for (const Entry& item : items) {
      LOADER_ASSIGN(suite::CauseConstraint constraint,
                    load_constraint(ctx, item, ids_of(graph->causes), ids_of(graph->effects)));
      graph->constraints.push_back(std::move(constraint));
    }
  }
  return std::shared_ptr<const suite::CauseEffectGraph>(std::move(graph));
}

}  // namespace glassbox::loader::detail
