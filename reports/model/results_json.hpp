// Results JSON: the versioned, serialised RunResults. The source of truth every other
// report is rendered from. Schema documented in docs/results-schema.md.
#pragma once

#include <filesystem>
#include <string>

#include "reports/model/results.hpp"
#include "suites/model/expected.hpp"

namespace glassbox::reports {

Value to_json(const RunResults& results);
// Errors name the field that is missing or mistyped; a newer schema_version is refused.
Expected<RunResults> results_from_json(const Value& json);
Expected<RunResults> read_results_file(const std::filesystem::path& path);

// Merges shard results: cases concatenated (a case id seen twice keeps the first),
// histograms merged, durations max'ed, interrupted or'ed. Suites, seeds and environments
// must agree (an error names the first part that differs). started_at is the earliest;
// shard is "" when the parts cover every shard of one split, else the shards present
// ("1/4,3/4"); hostname lists the distinct hosts ("a,b"). Load results of the same suite
// merge (counters add, histograms merge, timeline intervals add by start); SLO verdicts,
// error budgets, golden signals and log checks are kept side by side as each part judged
// them; the first comparison is kept. Load histograms of another geometry are an error.
Expected<RunResults> merge_results(const std::vector<RunResults>& parts);

}  // namespace glassbox::reports
