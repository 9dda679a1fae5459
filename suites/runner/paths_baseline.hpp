// Path coverage learned from a baseline run: the span-tree shapes an earlier results file
// recorded for a suite's path entries become that suite's declared shapes for this run
// (`run --paths-from RESULTS.json`), so a path this run takes that the baseline never took
// shows up as undeclared, and a baseline path no case takes any more as not covered.
#pragma once

#include <filesystem>
#include <vector>

#include "suites/model/expected.hpp"
#include "suites/model/suite.hpp"

namespace glassbox::runner {

struct LearnedPaths {
  int shapes = 0;     // shapes added to the suites' path models
  int entries = 0;    // path entries that received at least one
};

// Adds to every suite (matched by name) the path shapes `results_file` recorded under entries
// the suite declares for the same service. Errors: the file cannot be read or is not a results
// file (the message names the file).
Expected<LearnedPaths> learn_paths(const std::filesystem::path& results_file, std::vector<suite::Suite*> suites);

}  // namespace glassbox::runner
