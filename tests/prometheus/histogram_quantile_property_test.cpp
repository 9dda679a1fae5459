// For any bucket layout and observations, histogram_quantile lands in the bucket that holds
// the q-th observation (the ceil(q*n)-th smallest), or on the highest finite bound when that
// observation is in the +Inf bucket.
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "probes/prometheus/promql_math.hpp"

namespace glassbox::prometheus {
namespace {

RC_GTEST_PROP(HistogramQuantileProperty, LandsInTheBucketOfTheQthObservation, ()) {
  const auto bound_tenths = *rc::gen::nonEmpty(rc::gen::container<std::set<int>>(rc::gen::inRange(1, 1000)));
  auto observations = *rc::gen::nonEmpty(rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 1200)));
  const double q = *rc::gen::inRange(1, 1001) / 1000.0;

  std::vector<double> bounds;
  for (const int tenths : bound_tenths) bounds.push_back(tenths / 10.0);
  std::vector<double> values;
  for (const int tenths : observations) values.push_back(tenths / 10.0);
  std::sort(values.begin(), values.end());

  std::vector<Bucket> buckets;
  for (const double bound : bounds) {
    const auto count = std::upper_bound(values.begin(), values.end(), bound) - values.begin();
    buckets.push_back(Bucket{bound, static_cast<double>(count)});
  }
  buckets.push_back(Bucket{std::numeric_limits<double>::infinity(), static_cast<double>(values.size())});

  const double rank = q * static_cast<double>(values.size());
  const auto index = static_cast<std::size_t>(std::ceil(rank)) - 1;
  RC_PRE(index < values.size());
  const double observed = values[index];
  const auto holder = std::lower_bound(bounds.begin(), bounds.end(), observed);   // first bound >= observed

  const double result = histogram_quantile(q, buckets);
  if (holder == bounds.end()) {
    RC_ASSERT(result == bounds.back());
  } else {
    const double upper = *holder;
    const double lower = holder == bounds.begin() ? 0.0 : *(holder - 1);
    RC_ASSERT(result >= lower);
    RC_ASSERT(result <= upper);
  }
}

}  // namespace
}  // namespace glassbox::prometheus
