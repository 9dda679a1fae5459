// Histograms in results JSON: the sparse bucket form (docs/results-schema.md, "Histogram").
// Internal to the results JSON code, shared by the run's latency and the load phase's.
// Pure functions; thread-safe.
#pragma once

#include <string>

#include "reports/model/histogram.hpp"
#include "reports/model/json_reader.hpp"
#include "suites/model/value.hpp"

namespace glassbox::reports {

// {"unit": "us", "sub_bucket_bits", "count", "min", "max", "sum", "p50".."p99", "buckets"}.
Value histogram_to_json(const Histogram& h);

// Reads what histogram_to_json wrote; the percentiles are derived and ignored. A bad field
// is reported through `r` with its path and an empty histogram returned.
Histogram read_histogram(JsonReader& r, const Value& h, const std::string& path);

}  // namespace glassbox::reports
