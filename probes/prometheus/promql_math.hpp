// The PromQL arithmetic behind metric SLIs, over two scrapes taken at the start and the end
// of a run (the run's window):
//
//   counter_increase   as PromQL's increase() over exactly two samples: a decrease means the
//                      counter was reset (the process restarted), so the increase is the new
//                      value, as extrapolatedRate()'s counter correction makes it.
//   per_second_rate    increase / the seconds between the scrapes. PromQL's rate() also
//                      extrapolates to the edges of its range window; here the window *is*
//                      the span between the two scrapes, so there is nothing to extrapolate.
//   histogram_quantile PromQL's bucketQuantile() for classic histograms (see the .cpp),
//                      applied to the bucket increases across the window and grouped by the
//                      labels other than `le`, as histogram_quantile(q, increase(x_bucket[w])).
//   counter_ratio      sum(increase(c{selector, errors})) / sum(increase(c{selector})), e.g.
//                      the share of requests with status=~"5..".
//   summary_quantiles  a summary's precomputed quantiles, read as the client exposed them.
//
// Threading: pure functions on values; safe from any thread.
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "probes/prometheus/exposition.hpp"
#include "suites/model/expected.hpp"

namespace glassbox::prometheus {

double counter_increase(double earlier, double later);
// NaN when seconds is not positive.
double per_second_rate(double earlier, double later, double seconds);

struct Bucket {
  double upper_bound = 0;   // `le`; +Inf for the last bucket
  double count = 0;         // cumulative: observations <= upper_bound
};

// PromQL's histogram_quantile on one histogram. q < 0 gives -Inf, q > 1 +Inf, NaN q gives
// NaN; NaN also when there is no +Inf bucket, fewer than two buckets, or no observations.
double histogram_quantile(double q, std::vector<Bucket> buckets);

struct LabelledValue {
  Labels labels;
  double value = 0;
};

enum class MatchOp { Equal, NotEqual, Regex, NotRegex };

// One PromQL label matcher: name="v", name!="v", name=~"re", name!~"re". Regexes are fully
// anchored, as in PromQL; an absent label matches as "".
class LabelMatcher final {
 public:
  static Expected<LabelMatcher> make(std::string name, MatchOp op, std::string value);
  bool matches(const Labels& labels) const;

 private:
  LabelMatcher(std::string name, MatchOp op, std::string value);
  std::string name_;
  MatchOp op_;
  std::string value_;
  std::regex regex_;
};

// By default histogram_quantiles keeps every label but `le` (PromQL's histogram_quantile on
// the raw buckets); `by` lists the labels to keep, summing the rest away as
// `sum by (le, ...)` does (an empty list: one histogram for all series).
struct Grouping {
  std::optional<std::vector<std::string>> by;
};

// histogram_quantile(q, increase(<histogram>_bucket{selector}[window])) with the window from
// `earlier` to `later`. A bucket series absent from `earlier` started during the run and
// counts from 0. One result per group, sorted by labels. An error when `later` has no
// <histogram>_bucket samples or one has no parseable `le`.
Expected<std::vector<LabelledValue>> histogram_quantiles(double q, std::string_view histogram,
                                                         const Exposition& earlier, const Exposition& later,
                                                         const std::vector<LabelMatcher>& selector = {},
                                                         const Grouping& grouping = {});

// sum(increase(counter{selector, errors})) / sum(increase(counter{selector})) across the window.
// `counter` is the sample name, e.g. "http_requests_total". NaN when nothing was counted;
// an error when `later` has no such samples.
Expected<double> counter_ratio(std::string_view counter, const Exposition& earlier, const Exposition& later,
                               const std::vector<LabelMatcher>& selector, const std::vector<LabelMatcher>& errors);

// sum(increase(counter{selector})) across the window; an error when `later` has no such samples.
Expected<double> counter_increase_sum(std::string_view counter, const Exposition& earlier, const Exposition& later,
                                      const std::vector<LabelMatcher>& selector = {});

// The q-quantile series of a summary (samples named `summary` with quantile="q"), labels
// without `quantile`.
std::vector<LabelledValue> summary_quantiles(const Exposition& scrape, std::string_view summary, double q);

}  // namespace glassbox::prometheus
