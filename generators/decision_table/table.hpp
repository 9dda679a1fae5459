// Decision tables reduced to what their checks need: conditions with finite domains, rules
// that accept a set of each condition's values (or any, for a don't-care) and an action
// number (two rules have the same actions exactly when their numbers are equal).
//
// The checks and the don't-care expansion live here, free of inputs and expectations, so
// they can be tested on hand-built tables; generators/decision_table.cpp builds a Table
// from a suite's DecisionTable and generators/cause_effect.cpp from a cause-effect graph.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "generators/rng.hpp"
#include "suites/model/expected.hpp"

namespace glassbox::generators::decisions {

struct Condition {
  std::string name;                 // "member"
  std::vector<std::string> values;  // its domain: "true", "false"
  // values[0, preferred) are the ones a don't-care expands to (an input's valid classes);
  // the rest take part only where a rule names them. 0 means all values are preferred.
  std::size_t preferred = 0;
};

struct Rule {
  std::string id;
  std::vector<std::vector<std::size_t>> allowed;  // per condition: indices into its values; empty = don't care
  std::size_t action = 0;
  SourceLocation where;
};

struct Table {
  std::string owner;  // for messages: "request 'quote'"
  std::vector<Condition> conditions;
  std::vector<Rule> rules;
  SourceLocation where;
};

// Checking the whole product of the domains is the simple, exact way; beyond this many
// combinations a table is an error rather than a long wait.
inline constexpr double kMaxCombinations = 100000;
// How many missing combinations an "incomplete" message lists before "and N more".
inline constexpr std::size_t kMissingShown = 3;

// The table's problems, first found first, each an Error at a rule or at the table:
//   too large:    "decision table of request 'q' has 200000 combinations of conditions (the limit is 100000)"
//   inconsistent: "decision table of request 'q': rules R1 and R3 both cover member=true, tier=gold with
//                  different expectations" (+ " (and 2 more combinations)"), at the later rule
//   incomplete:   "decision table of request 'q' is incomplete: no rule covers member=false, tier=gold;
//                  member=false, tier=silver (and 1 more)", at the table
//   redundant:    "decision table of request 'q': rule R4 is redundant: every combination it covers is
//                  covered by R1, R2 with the same expectation; remove it", at the rule
// Redundancy looks at rules from the last: of two identical rules, the later is redundant.
Status check_table(const Table& table);

// Whether `rule` accepts the combination (one value index per condition).
bool covers(const Rule& rule, const std::vector<std::size_t>& combination);

// "member=true, tier=gold"
std::string describe(const Table& table, const std::vector<std::size_t>& combination);

// One combination the rule accepts: each condition's listed values, or for a don't-care its
// preferred values, drawn from `rng`.
std::vector<std::size_t> pick_combination(const Table& table, const Rule& rule, SplitMix64& rng);

}  // namespace glassbox::generators::decisions
