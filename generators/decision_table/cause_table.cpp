#include "generators/decision_table/cause_table.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "generators/case_builder.hpp"

namespace glassbox::generators::decisions {

namespace {

std::vector<std::string> cause_ids(const suite::CauseEffectGraph& graph) {
  std::vector<std::string> ids;
  for (const suite::Cause& c : graph.causes) ids.push_back(c.id);
  return ids;
}

// The value of a named cause or effect; false for a name the graph lacks (the loader
// rejects those, so this only guards hand-built graphs).
template <typename Item>
bool value_of(const std::vector<Item>& items, const std::vector<bool>& values, const std::string& id) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].id == id) return values[i];
  return false;
}

}  // namespace

bool allowed(const suite::CauseEffectGraph& graph, const std::vector<bool>& causes) {
  for (const suite::CauseConstraint& constraint : graph.constraints) {
    std::size_t true_count = 0;
    for (const std::string& id : constraint.ids) true_count += value_of(graph.causes, causes, id) ? 1 : 0;
    switch (constraint.kind) {
      case suite::ConstraintKind::Exclusive:
        if (true_count > 1) return false;
        break;
      case suite::ConstraintKind::Inclusive:
        if (true_count < 1) return false;
        break;
      case suite::ConstraintKind::OneAndOnlyOne:
        if (true_count != 1) return false;
        break;
      case suite::ConstraintKind::Requires:
        if (constraint.ids.size() == 2 && value_of(graph.causes, causes, constraint.ids[0]) &&
            !value_of(graph.causes, causes, constraint.ids[1]))
          return false;
        break;
      case suite::ConstraintKind::Masks:
        break;
    }
  }
  return true;
}

std::vector<bool> effects_of(const suite::CauseEffectGraph& graph, const std::vector<bool>& causes) {
  std::vector<std::string> ids = cause_ids(graph);
  std::vector<bool> effects;
  for (const suite::Effect& e : graph.effects) effects.push_back(e.when.evaluate(ids, causes));
  for (const suite::CauseConstraint& constraint : graph.constraints) {
    if (constraint.kind != suite::ConstraintKind::Masks || constraint.ids.size() != 2) continue;
    if (!value_of(graph.effects, effects, constraint.ids[0])) continue;
    for (std::size_t i = 0; i < graph.effects.size(); ++i)
      if (graph.effects[i].id == constraint.ids[1]) effects[i] = false;
  }
  return effects;
}

std::vector<CauseRow> cause_table(const suite::CauseEffectGraph& graph,
                                  const std::function<bool(const std::vector<bool>&)>& realisable) {
  std::vector<CauseRow> rows;
  std::vector<std::size_t> sizes(graph.causes.size(), 2);
  for_each_combination(sizes, [&](const std::vector<std::size_t>& indices) {
    std::vector<bool> causes;
    for (std::size_t index : indices) causes.push_back(index == 0);  // true first
    if (!allowed(graph, causes) || !realisable(causes)) return;
    CauseRow row;
    row.id = fmt::format("R{}", rows.size() + 1);
    row.effects = effects_of(graph, causes);
    row.causes = std::move(causes);
    rows.push_back(std::move(row));
  });
  return rows;
}

std::string describe_row(const suite::CauseEffectGraph& graph, const CauseRow& row) {
  std::string causes, effects;
  for (std::size_t i = 0; i < graph.causes.size(); ++i)
    causes += fmt::format("{}{}{}", i == 0 ? "" : ", ", row.causes[i] ? "" : "!", graph.causes[i].id);
  for (std::size_t i = 0; i < graph.effects.size(); ++i)
    if (row.effects[i]) effects += (effects.empty() ? "" : ", ") + graph.effects[i].id;
  return fmt::format("{} -> {}", causes, effects.empty() ? "none" : effects);
}

}  // namespace glassbox::generators::decisions
