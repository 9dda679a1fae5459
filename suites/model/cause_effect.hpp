// A cause-effect graph as a suite writes it: causes (each a condition on one input's
// classes), effects (expectations that hold when a boolean expression over the causes is
// true), and constraints among causes and effects. generators/cause_effect.cpp turns it
// into a decision table over the causes and then into cases.
//
// Thread-safety: plain data.
#pragma once

#include <string>
#include <vector>

#include "suites/model/expectation.hpp"
#include "suites/model/expected.hpp"

namespace glassbox::suite {

// A cause is true when its input's value lies in one of `classes`.
struct Cause {
  std::string id;
  std::string input;
  std::vector<std::string> classes;
  SourceLocation where;
};

// AND / OR / NOT over causes: a leaf names a cause; the others combine their operands.
struct CauseExpr {
  enum class Op { Cause, And, Or, Not };
  Op op = Op::Cause;
  std::string cause;                 // Op::Cause
  std::vector<CauseExpr> operands;   // And, Or: two or more; Not: one
  SourceLocation where;

  bool evaluate(const std::vector<std::string>& cause_ids, const std::vector<bool>& values) const;
};

struct Effect {
  std::string id;
  CauseExpr when;
  Expectation expect;   // merged over the case's usual expectation when the effect holds
  SourceLocation where;
};

// exclusive: at most one of the causes is true; inclusive: at least one; one_and_only_one:
// exactly one; requires [a, b]: a true implies b true; masks [e, f]: effect e true forces
// effect f false.
enum class ConstraintKind { Exclusive, Inclusive, OneAndOnlyOne, Requires, Masks };
std::string_view to_string(ConstraintKind kind);

struct CauseConstraint {
  ConstraintKind kind = ConstraintKind::Exclusive;
  std::vector<std::string> ids;   // causes, or for masks two effects
  SourceLocation where;
};

struct CauseEffectGraph {
  std::vector<Cause> causes;
  std::vector<Effect> effects;
  std::vector<CauseConstraint> constraints;
  SourceLocation where;
};

}  // namespace glassbox::suite
