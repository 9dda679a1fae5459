// The Prometheus text exposition format (0.0.4) and OpenMetrics 1.0 text, parsed into metric
// families and their samples. Both formats are read by one hand-written line parser: they
// differ only in where a counter's family name stops (OpenMetrics drops `_total`), in `# EOF`
// and `# UNIT`, in exemplars after ` # `, and in the timestamp's unit.
//
// Threading: pure functions on values; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "suites/model/expected.hpp"

namespace glassbox::prometheus {

enum class MetricType { Counter, Gauge, Histogram, Summary, Untyped, Info, StateSet, GaugeHistogram };
std::string_view to_string(MetricType type);

enum class ExpositionFormat { Text, OpenMetrics };

// Sorted by label name, names unique.
using Labels = std::vector<std::pair<std::string, std::string>>;

// The value of `name` in `labels`, or nullptr.
const std::string* find_label(const Labels& labels, std::string_view name);

struct Sample {
  std::string name;                          // the full sample name, e.g. "x_bucket", "x_total"
  Labels labels;
  double value = 0;                          // may be ±Inf or NaN
  std::optional<double> timestamp_seconds;   // text format: milliseconds converted to seconds
};

struct MetricFamily {
  std::string name;        // as in `# TYPE`; an untyped sample without one names its own family
  MetricType type = MetricType::Untyped;
  std::string help;        // unescaped
  std::string unit;        // OpenMetrics `# UNIT`; "" otherwise
  std::vector<Sample> samples;
};

struct Exposition {
  std::vector<MetricFamily> families;   // in the order they appear

  const MetricFamily* family(std::string_view name) const;   // nullptr when absent
  // Every sample called `sample_name` (e.g. "http_requests_total"), whatever family holds it.
  std::vector<const Sample*> samples_named(std::string_view sample_name) const;
};

// Parses a whole scrape. Errors name the place: "metrics line 12, column 30: label value is
// not quoted" (1-based, columns in bytes). OpenMetrics input must end with `# EOF`; the text
// format has none. Never throws, whatever the bytes.
Expected<Exposition> parse_exposition(std::string_view text, ExpositionFormat format);

// A sample value or label value such as `le` as the formats write numbers: decimal or
// exponent notation, Inf/NaN in any case, an optional sign. nullopt for anything else.
std::optional<double> parse_float(std::string_view token);

// OpenMetrics when the Content-Type says application/openmetrics-text, else Text.
ExpositionFormat format_from_content_type(std::string_view content_type);

}  // namespace glassbox::prometheus
