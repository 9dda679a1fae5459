// A decision table as a suite writes it: conditions (inputs of the request) by actions
// (expectations), one rule per column of the classic table. Entries name classes of the
// condition's input: for bool and enum inputs the implicit classes are named after the
// values ("true", "false", "gold"), so `member: true` and `tier: gold` read naturally.
//
// The loader checks the shape (keys, rule ids, conditions the request uses); whether the
// entries name existing classes and whether the table is complete, consistent and free of
// redundant rules is checked when cases are generated, where the inputs' classes are known
// (generators/decision_table/checks.hpp).
//
// Thread-safety: plain data.
#pragma once

#include <string>
#include <vector>

#include "suites/model/expectation.hpp"
#include "suites/model/expected.hpp"

namespace glassbox::suite {

// One cell: the classes a rule accepts for one condition. No classes = don't care ("-").
struct DecisionEntry {
  std::vector<std::string> classes;
  SourceLocation where;

  bool dont_care() const { return classes.empty(); }
};

struct DecisionRule {
  std::string id;                     // unique in its table: "R1"
  std::vector<DecisionEntry> when;    // one per condition, in the table's condition order
  Expectation expect;                 // the rule's actions, merged over the case's usual expectation
  SourceLocation where;
};

struct DecisionTable {
  std::vector<std::string> conditions;  // input names, in the order the table lists them
  std::vector<DecisionRule> rules;
  SourceLocation where;
};

// Whether two expectations demand the same thing (locations ignored): the test for
// "same actions" in the consistency and redundancy checks.
bool same_actions(const Expectation& a, const Expectation& b);

}  // namespace glassbox::suite
