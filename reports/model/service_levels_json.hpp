// The service-level sections of results JSON (docs/results-schema.md, "load" to "logs"):
// load, golden_signals, slos, error_budgets, comparison, logs, and each case's log_lines.
// Internal to the results JSON code.
//
// A section is written only when it has content, so a run without SLOs, load or logs writes
// the same document as before these sections existed; a file without them reads as none.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "reports/model/json_reader.hpp"
#include "reports/model/results.hpp"

namespace glassbox::reports {

// Adds the non-empty service-level sections of `results` to the top-level object `out`.
void add_service_levels(Value& out, const RunResults& results);
// Reads the sections present in the top-level object `json`; bad values are reported
// through `r` with their JSON path.
void read_service_levels(JsonReader& r, const Value& json, RunResults& out);

Value log_lines_to_json(const std::vector<LogLineRef>& lines);
// The case's "log_lines" (absent: none); `path` is the case's path, e.g. "cases[3]".
std::vector<LogLineRef> read_log_lines(JsonReader& r, const Value& c, const std::string& path);

}  // namespace glassbox::reports
