// The log-linear histogram against exact quantiles of random data: every quantile it
// reports lies between the exact one and that value plus the relative error 1/2^bits.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "reports/model/histogram.hpp"

namespace glassbox::reports {
namespace {

// The q-quantile as the histogram defines it: the ceil(q * n)-th smallest sample (at least the first).
std::uint64_t exact_quantile(const std::vector<std::uint64_t>& sorted, double q) {
  auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
  rank = std::clamp<std::size_t>(rank, 1, sorted.size());
  return sorted[rank - 1];
}

RC_GTEST_PROP(HistogramQuantiles, StayWithinTheRelativeErrorOfTheExactQuantiles, ()) {
  const int bits = *rc::gen::inRange(3, 11);
  // Latencies from microseconds to about 17 minutes, skewed towards small values like real ones.
  const auto magnitude = *rc::gen::inRange(1, 31);
  const auto values = *rc::gen::nonEmpty(
      rc::gen::container<std::vector<std::uint64_t>>(rc::gen::inRange<std::uint64_t>(0, std::uint64_t{1} << magnitude)));
  Histogram histogram(bits);
  for (const std::uint64_t value : values) histogram.record(value);
  std::vector<std::uint64_t> sorted = values;
  std::sort(sorted.begin(), sorted.end());

  const double error = 1.0 / static_cast<double>(1 << bits);
  for (const double q : {0.0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0}) {
    const std::uint64_t exact = exact_quantile(sorted, q);
    const std::uint64_t reported = histogram.quantile(q);
    RC_ASSERT(reported >= exact);
    RC_ASSERT(static_cast<double>(reported) <= static_cast<double>(exact) * (1 + error));
  }
  RC_ASSERT(histogram.quantile(0) == sorted.front());
  RC_ASSERT(histogram.quantile(1) == sorted.back());
  RC_ASSERT(histogram.count() == sorted.size());
}

RC_GTEST_PROP(HistogramQuantiles, AreTheSameAfterSplittingAndMerging, ()) {
  const auto values = *rc::gen::nonEmpty(rc::gen::container<std::vector<std::uint64_t>>(
      rc::gen::inRange<std::uint64_t>(0, 10'000'000)));
  const auto split = *rc::gen::inRange<std::size_t>(0, values.size() + 1);
  Histogram whole;
  Histogram first;
  Histogram second;
  for (std::size_t i = 0; i < values.size(); ++i) {
    whole.record(values[i]);
    (i < split ? first : second).record(values[i]);
  }
  first.merge(second);
  for (const double q : {0.5, 0.9, 0.99}) RC_ASSERT(first.quantile(q) == whole.quantile(q));
}

}  // namespace
}  // namespace glassbox::reports
