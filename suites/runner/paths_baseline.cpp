#include "suites/runner/paths_baseline.hpp"

#include <algorithm>
#include <set>

#include "reports/model/results_json.hpp"

namespace glassbox::runner {

Expected<LearnedPaths> learn_paths(const std::filesystem::path& results_file, std::vector<suite::Suite*> suites) {
  auto baseline = reports::read_results_file(results_file);
  if (!baseline) return baseline.error();
  LearnedPaths learned;
  std::set<const suite::PathModel*> fed;
  for (const reports::CoverageItem& item : baseline->coverage) {
    if (item.kind != "paths" || item.cases.empty()) continue;  // only shapes some case really took
    const auto colon = item.item.find(": ");  // "entry: shape" (reports/model/results.hpp)
    if (colon == std::string::npos) continue;
    const std::string entry = item.item.substr(0, colon);
    const std::string shape = item.item.substr(colon + 2);
    for (suite::Suite* s : suites) {
      if (s->name != item.suite) continue;
      for (suite::ServiceCoverage& service : s->coverage.services) {
        if (service.service != item.service) continue;
        for (suite::PathModel& path : service.paths) {
          if (path.entry != entry) continue;
          if (std::find(path.shapes.begin(), path.shapes.end(), shape) != path.shapes.end()) continue;
          path.shapes.push_back(shape);
          ++learned.shapes;
          if (fed.insert(&path).second) ++learned.entries;
        }
      }
    }
  }
  return learned;
}

}  // namespace glassbox::runner
