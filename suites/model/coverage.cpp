#include "suites/model/coverage.hpp"

namespace glassbox::suite {

std::string_view to_string(CoverageKind kind) {
  switch (kind) {
    case CoverageKind::Operations: return "operations";
    case CoverageKind::Branches: return "branches";
    case CoverageKind::Conditions: return "conditions";
    case CoverageKind::Paths: return "paths";
  }
  return "operations";
}

std::optional<double> CoverageGoals::for_kind(CoverageKind kind) const {
  switch (kind) {
    case CoverageKind::Operations: return operations;
    case CoverageKind::Branches: return branches;
    case CoverageKind::Conditions: return conditions;
    case CoverageKind::Paths: return paths;
  }
  return std::nullopt;
}

CoverageGoals CoverageGoals::or_else(const CoverageGoals& fallback) const {
  return CoverageGoals{operations ? operations : fallback.operations, branches ? branches : fallback.branches,
                       conditions ? conditions : fallback.conditions, paths ? paths : fallback.paths};
}

}  // namespace glassbox::suite
