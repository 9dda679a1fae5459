// The PromQL rules, followed from Prometheus' promql/quantile.go (bucketQuantile) and
// promql/functions.go (extrapolatedRate's counter correction).
#include "probes/prometheus/promql_math.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <fmt/format.h>

namespace glassbox::prometheus {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

bool matches_all(const std::vector<LabelMatcher>& matchers, const Labels& labels) {
  return std::all_of(matchers.begin(), matchers.end(), [&](const LabelMatcher& m) { return m.matches(labels); });
}

// The earlier scrape's value of the series with exactly these labels; 0 when it was not yet
// exposed (a series appears on its first observation, so it counted from 0).
double earlier_value(const Exposition& earlier, std::string_view sample_name, const Labels& labels) {
  for (const Sample* sample : earlier.samples_named(sample_name)) {
    if (sample->labels == labels) return sample->value;
  }
  return 0;
}

Labels without(const Labels& labels, std::string_view name) {
  Labels kept;
  for (const auto& label : labels) {
    if (label.first != name) kept.push_back(label);
  }
  return kept;
}

Labels group_key(const Labels& labels, const Grouping& grouping) {
  Labels key = without(labels, "le");
  if (!grouping.by) return key;
  Labels kept;
  for (const auto& label : key) {
    if (std::find(grouping.by->begin(), grouping.by->end(), label.first) != grouping.by->end()) kept.push_back(label);
  }
  return kept;
}

}  // namespace

double counter_increase(double earlier, double later) { return later < earlier ? later : later - earlier; }

double per_second_rate(double earlier, double later, double seconds) {
  if (!(seconds > 0)) return kNaN;
  return counter_increase(earlier, later) / seconds;
}

double histogram_quantile(double q, std::vector<Bucket> buckets) {
  if (std::isnan(q)) return kNaN;
  if (q < 0) return -kInf;
  if (q > 1) return kInf;
  std::sort(buckets.begin(), buckets.end(), [](const Bucket& a, const Bucket& b) { return a.upper_bound < b.upper_bound; });
  if (buckets.empty() || buckets.back().upper_bound != kInf) return kNaN;
  // Series with the same `le` (e.g. from summing away a label by hand) are one bucket.
  std::vector<Bucket> merged;
  for (const Bucket& bucket : buckets) {
    if (!merged.empty() && merged.back().upper_bound == bucket.upper_bound) {
      merged.back().count += bucket.count;
    } else {
      merged.push_back(bucket);
    }
  }
  // Scrapes are not atomic, so cumulative counts can dip; PromQL lifts them to the running
  // maximum rather than failing.
  for (std::size_t i = 1; i < merged.size(); ++i) merged[i].count = std::max(merged[i].count, merged[i - 1].count);
  if (merged.size() < 2) return kNaN;
  const double observations = merged.back().count;
  if (observations == 0) return kNaN;
  double rank = q * observations;
  // The first bucket (short of +Inf) whose cumulative count reaches the rank.
  std::size_t b = 0;
  while (b < merged.size() - 1 && merged[b].count < rank) ++b;
  if (b == merged.size() - 1) return merged[merged.size() - 2].upper_bound;   // in +Inf: the highest finite bound
  if (b == 0 && merged[0].upper_bound <= 0) return merged[0].upper_bound;
  double start = 0;   // the lowest bucket starts at 0 when its upper bound is positive
  double count = merged[b].count;
  if (b > 0) {
    start = merged[b - 1].upper_bound;
    count -= merged[b - 1].count;
    rank -= merged[b - 1].count;
  }
  return start + (merged[b].upper_bound - start) * (rank / count);   // linear inside the bucket
}

LabelMatcher::LabelMatcher(std::string name, MatchOp op, std::string value)
    : name_(std::move(name)), op_(op), value_(std::move(value)) {}

Expected<LabelMatcher> LabelMatcher::make(std::string name, MatchOp op, std::string value) {
  LabelMatcher matcher(std::move(name), op, std::move(value));
  if (op == MatchOp::Regex || op == MatchOp::NotRegex) {
    try {
      matcher.regex_ = std::regex(matcher.value_, std::regex::ECMAScript);
    } catch (const std::regex_error& error) {
      return Error(fmt::format("label matcher {}: '{}' is not a valid regular expression ({})", matcher.name_,
                               matcher.value_, error.what()));
    }
  }
  return matcher;
}

bool LabelMatcher::matches(const Labels& labels) const {
  const std::string* found = find_label(labels, name_);
  const std::string value = found ? *found : std::string();
  switch (op_) {
    case MatchOp::Equal: return value == value_;
    case MatchOp::NotEqual: return value != value_;
    case MatchOp::Regex: return std::regex_match(value, regex_);
    case MatchOp::NotRegex: return !std::regex_match(value, regex_);
  }
  return false;
}

Expected<std::vector<LabelledValue>> histogram_quantiles(double q, std::string_view histogram,
                                                         const Exposition& earlier, const Exposition& later,
                                                         const std::vector<LabelMatcher>& selector,
                                                         const Grouping& grouping) {
  const std::string bucket_name = std::string(histogram) + "_bucket";
  const auto samples = later.samples_named(bucket_name);
  if (samples.empty()) return Error(fmt::format("the scrape has no {} samples", bucket_name));
  std::map<Labels, std::vector<Bucket>> groups;
  for (const Sample* sample : samples) {
    if (!matches_all(selector, sample->labels)) continue;
    const std::string* le = find_label(sample->labels, "le");
    const auto bound = le ? parse_float(*le) : std::nullopt;
    if (!bound) return Error(fmt::format("{} has a sample without a numeric le label", bucket_name));
    const double increase = counter_increase(earlier_value(earlier, bucket_name, sample->labels), sample->value);
    groups[group_key(sample->labels, grouping)].push_back(Bucket{*bound, increase});
  }
  std::vector<LabelledValue> results;
  for (auto& [labels, buckets] : groups) results.push_back(LabelledValue{labels, histogram_quantile(q, std::move(buckets))});
  return results;
}

Expected<double> counter_increase_sum(std::string_view counter, const Exposition& earlier, const Exposition& later,
                                      const std::vector<LabelMatcher>& selector) {
  const auto samples = later.samples_named(counter);
  if (samples.empty()) return Error(fmt::format("the scrape has no {} samples", counter));
  double sum = 0;
  for (const Sample* sample : samples) {
    if (matches_all(selector, sample->labels)) {
      sum += counter_increase(earlier_value(earlier, counter, sample->labels), sample->value);
    }
  }
  return sum;
}

Expected<double> counter_ratio(std::string_view counter, const Exposition& earlier, const Exposition& later,
                               const std::vector<LabelMatcher>& selector, const std::vector<LabelMatcher>& errors) {
  auto total = counter_increase_sum(counter, earlier, later, selector);
  if (!total) return total.error();
  std::vector<LabelMatcher> both = selector;
  both.insert(both.end(), errors.begin(), errors.end());
  auto matching = counter_increase_sum(counter, earlier, later, both);
  if (!matching) return matching.error();
  if (*total == 0) return kNaN;
  return *matching / *total;
}

std::vector<LabelledValue> summary_quantiles(const Exposition& scrape, std::string_view summary, double q) {
  std::vector<LabelledValue> results;
  for (const Sample* sample : scrape.samples_named(summary)) {
    const std::string* quantile = find_label(sample->labels, "quantile");
    const auto level = quantile ? parse_float(*quantile) : std::nullopt;
    if (level && *level == q) results.push_back(LabelledValue{without(sample->labels, "quantile"), sample->value});
  }
  std::sort(results.begin(), results.end(), [](const LabelledValue& a, const LabelledValue& b) { return a.labels < b.labels; });
  return results;
}

}  // namespace glassbox::prometheus
