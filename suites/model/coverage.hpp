// The white-box coverage model a suite declares: per service, the operations (span names),
// branches (a span's decision attribute and its values), conditions (combinations of several
// attributes' values on one span) and paths (span-tree shapes under an entry operation) the
// cases should exercise, and the goals that make coverage a verdict (DESIGN.md "Coverage
// from spans"). Plain data.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "suites/model/expected.hpp"
#include "suites/model/value.hpp"

namespace glassbox::suite {

enum class CoverageKind { Operations, Branches, Conditions, Paths };
std::string_view to_string(CoverageKind kind);   // "operations", "branches", "conditions", "paths"

// Spans named `span` carry attribute `attribute`, which should take each of `values`.
struct BranchModel {
  std::string span;
  std::string attribute;
  std::vector<Value> values;
  SourceLocation where;
};

// Every combination (the product) of the listed attributes' values on spans named `span`.
struct ConditionModel {
  std::string span;
  std::vector<std::pair<std::string, std::vector<Value>>> attributes;
  SourceLocation where;
};

// Span-tree shapes under an entry span, in canonical form "name(child,child(grandchild))":
// children sorted by their own canonical text, repeats kept. With `learn`, the shapes come
// from a baseline run (`run --paths-from RESULTS.json`) instead of the suite; shapes the
// baseline did not see are reported as undeclared, so a new path shows up as a change.
struct PathModel {
  std::string entry;
  std::vector<std::string> shapes;
  bool learn = false;
  SourceLocation where;
};

// Minimum percent covered, per kind; unset = reported, not judged.
struct CoverageGoals {
  std::optional<double> operations, branches, conditions, paths;
  std::optional<double> for_kind(CoverageKind kind) const;
  // This goal where set, else `fallback`'s.
  CoverageGoals or_else(const CoverageGoals& fallback) const;
};

struct ServiceCoverage {
  std::string service;                  // resource attribute service.name of the spans
  std::vector<std::string> operations;  // span names
  std::vector<BranchModel> branches;
  std::vector<ConditionModel> conditions;
  std::vector<PathModel> paths;
  CoverageGoals goals;                  // overrides CoverageModel::goals where set
  SourceLocation where;
};

struct CoverageModel {
  std::vector<ServiceCoverage> services;
  CoverageGoals goals;
  bool empty() const { return services.empty(); }
};

}  // namespace glassbox::suite
