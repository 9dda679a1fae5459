// A cause-effect graph's decision table: one row per combination of cause values that the
// constraints allow and the inputs can realise, with the effects that hold for it.
//
// Every allowed combination is a row (no path sensitisation): the graphs suites write have
// a handful of causes, and a full table keeps each row's meaning obvious and its effects
// exact. The causes are limited to kMaxCauses so the table stays within reach.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "suites/model/cause_effect.hpp"

namespace glassbox::generators::decisions {

inline constexpr std::size_t kMaxCauses = 16;

struct CauseRow {
  std::string id;               // "R1", "R2", ... in table order
  std::vector<bool> causes;     // one per cause, in graph order
  std::vector<bool> effects;    // one per effect, in graph order, after masks
};

// Whether the cause values satisfy every exclusive, inclusive, one_and_only_one and
// requires constraint (masks constrain effects, see effects_of).
bool allowed(const suite::CauseEffectGraph& graph, const std::vector<bool>& causes);

// Each effect's expression evaluated on the cause values, then each masks [e, f] in order:
// e true makes f false.
std::vector<bool> effects_of(const suite::CauseEffectGraph& graph, const std::vector<bool>& causes);

// The rows, combinations ordered with the first cause varying slowest and true before
// false. `realisable` says whether input values exist that give those cause values
// (two causes on one input may exclude each other without a written constraint).
std::vector<CauseRow> cause_table(const suite::CauseEffectGraph& graph,
                                  const std::function<bool(const std::vector<bool>&)>& realisable);

// "c1, !c2 -> e1, e3" (or "-> none")
std::string describe_row(const suite::CauseEffectGraph& graph, const CauseRow& row);

}  // namespace glassbox::generators::decisions
