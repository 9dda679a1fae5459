// Reading the quantities SLOs, load profiles, error budgets and log sources are written in:
// durations ("150ms", "1.5s", "2m", "1h", "30d"; a bare number is milliseconds), shares
// ("99.9%" or a ratio such as 0.999) and rates ("50/s", "3000/m"; a bare number is per
// second). One home for these so every section accepts the same spellings and its errors
// teach the same ones.
//
// Thread-safety: one Context per load, used by one thread.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "suites/loader/context.hpp"
#include "suites/loader/yaml_reader.hpp"
#include "suites/model/expected.hpp"

namespace glassbox::loader::detail {

// The pure parsers, for texts that do not come from a YAML entry (OpenSLO values).
// nullopt when the text is not one of the accepted spellings.
std::optional<double> parse_duration_ms(std::string_view text);
std::optional<double> parse_share(std::string_view text);  // "12.5%" -> 0.125, "0.2" -> 0.2
std::optional<double> parse_rate_per_second(std::string_view text);

enum class Zero { Allowed, Rejected };

// A duration, rounded to whole milliseconds. Errors:
//   'duration' must be a duration such as 150ms, 1.5s, 2m or 1h (a number is milliseconds), got 'abc'
//   'duration' must be more than 0, got '0s'
Expected<std::chrono::milliseconds> read_duration(Context& ctx, const Entry& entry, Zero zero = Zero::Rejected);

// A duration in milliseconds, unrounded (latency thresholds may be below one), more than 0.
Expected<double> read_milliseconds(Context& ctx, const Entry& entry);

// A share: "99.9%" or a ratio. `most` bounds it (1.0 for shares of requests; larger for
// allowed growths such as "150%"). Errors:
//   'error_rate' must be a percentage such as 1% or a ratio such as 0.01, got 'x'
//   'availability' must be at most 100%, got '120%'
//   'error_rate' must be more than 0, got '0%'
Expected<double> read_share(Context& ctx, const Entry& entry, double most = 1.0, Zero zero = Zero::Rejected);

// A rate in requests per second. Errors:
//   'rate' must be a rate such as 50/s or 3000/m (a number is per second), got 'fast'
Expected<double> read_rate(Context& ctx, const Entry& entry, Zero zero = Zero::Rejected);

// Latency objective names and their quantiles: p50 0.5, p90, p95, p99, p999 0.999, max 1.0.
const std::vector<std::string>& percentile_names();
// The quantile of a name from percentile_names(), nullopt for any other.
std::optional<double> percentile_quantile(std::string_view name);

// "p50", "p999", "max": the name percentile_names() uses for a quantile.
std::string percentile_name(double quantile);

}  // namespace glassbox::loader::detail
