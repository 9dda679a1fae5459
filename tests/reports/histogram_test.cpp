#include "reports/model/histogram.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace glassbox::reports {
namespace {

// Samples spread over every magnitude: small exact values, typical latencies, and
// values near the top of the uint64 range.
rc::Gen<std::uint64_t> latency_value() {
  return rc::gen::oneOf(rc::gen::inRange<std::uint64_t>(0, 300), rc::gen::inRange<std::uint64_t>(0, 10'000'000),
                        rc::gen::arbitrary<std::uint64_t>());
}

rc::Gen<std::vector<std::uint64_t>> samples() { return rc::gen::nonEmpty(rc::gen::container<std::vector<std::uint64_t>>(latency_value())); }

Histogram histogram_of(const std::vector<std::uint64_t>& values) {
  Histogram h;
  for (std::uint64_t v : values) h.record(v);
  return h;
}

// The sample of rank ceil(q * n) (at least 1) of the sorted samples.
std::uint64_t exact_quantile(std::vector<std::uint64_t> values, double q) {
  std::sort(values.begin(), values.end());
  auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
  rank = std::clamp<std::size_t>(rank, 1, values.size());
  return values[rank - 1];
}

TEST(Histogram, EmptyHistogramReportsZeros) {
  const Histogram h;
  EXPECT_EQ(h.count(), 0u);
  EXPECT_EQ(h.min(), 0u);
  EXPECT_EQ(h.max(), 0u);
  EXPECT_EQ(h.quantile(0.5), 0u);
  EXPECT_EQ(h.mean(), 0.0);
}

TEST(Histogram, ValuesBelowTwoToTheBitsAreExact) {
  Histogram h(7);
  for (std::uint64_t v = 0; v < 128; ++v) h.record(v);
  for (std::uint64_t v = 0; v < 128; ++v) {
    EXPECT_EQ(h.bucket_lower(h.bucket_index(v)), v);
    EXPECT_EQ(h.bucket_upper(h.bucket_index(v)), v + 1);
  }
  EXPECT_EQ(h.quantile(0.5), 63u);  // rank 64 of 0..127
  EXPECT_EQ(h.quantile(0), 0u);
  EXPECT_EQ(h.quantile(1), 127u);
}

TEST(Histogram, BucketsTileTheWholeRangeWithoutGaps) {
  const Histogram h(7);
  EXPECT_EQ(h.bucket_lower(0), 0u);
  for (std::uint32_t i = 0; i + 1 < h.bucket_count(); ++i) ASSERT_EQ(h.bucket_upper(i), h.bucket_lower(i + 1)) << i;
  EXPECT_EQ(h.bucket_index(UINT64_MAX), h.bucket_count() - 1);
  EXPECT_EQ(h.bucket_upper(h.bucket_count() - 1), UINT64_MAX);
}

TEST(Histogram, QuantileIsTheBucketsHighestValueClampedToMinAndMax) {
  Histogram h(7);
  h.record(1000);  // bucket [1000, 1004)
  h.record(1001);
  EXPECT_EQ(h.quantile(0.5), 1001u);  // clamped to max, not 1003
  h.record(5000);                     // bucket [4992, 5024)
  EXPECT_EQ(h.quantile(0.5), 1003u);
  EXPECT_EQ(h.quantile(0.99), 5000u);
  EXPECT_EQ(h.quantile(0), 1000u);
}

TEST(Histogram, RecordWithCountWeighsTheValue) {
  Histogram h;
  h.record(10, 9);
  h.record(1'000'000);
  EXPECT_EQ(h.count(), 10u);
  EXPECT_EQ(h.quantile(0.9), 10u);
  EXPECT_EQ(h.quantile(0.95), 1'000'000u);
  EXPECT_DOUBLE_EQ(h.mean(), (90.0 + 1'000'000.0) / 10.0);
}

TEST(Histogram, FromBucketsRebuildsTheSameHistogram) {
  Histogram h;
  for (std::uint64_t v : {5u, 500u, 50'000u, 5'000'000u}) h.record(v, 3);
  EXPECT_EQ(Histogram::from_buckets(7, h.buckets(), h.min(), h.max(), h.sum()), h);
}

RC_GTEST_PROP(HistogramProperty, QuantilesAreWithinRelativeErrorOfExactQuantiles, ()) {
  const auto values = *samples();
  const double q = *rc::gen::inRange(0, 1001) / 1000.0;
  const Histogram h = histogram_of(values);
  const std::uint64_t exact = exact_quantile(values, q);
  const std::uint64_t reported = h.quantile(q);
  RC_ASSERT(reported >= exact);
  // (reported - exact) / exact < 2^-7, in integers so huge values do not round.
  RC_ASSERT(static_cast<unsigned __int128>(reported - exact) * 128 <= static_cast<unsigned __int128>(exact));
  if (exact > 0) RC_ASSERT(static_cast<unsigned __int128>(reported - exact) * 128 < exact);
}

RC_GTEST_PROP(HistogramProperty, MergeEqualsTheHistogramOfTheConcatenation, ()) {
  const auto a = *rc::gen::container<std::vector<std::uint64_t>>(latency_value());
  const auto b = *rc::gen::container<std::vector<std::uint64_t>>(latency_value());
  Histogram merged = histogram_of(a);
  merged.merge(histogram_of(b));
  std::vector<std::uint64_t> both = a;
  both.insert(both.end(), b.begin(), b.end());
  const Histogram whole = histogram_of(both);
  RC_ASSERT(merged.buckets() == whole.buckets());
  RC_ASSERT(merged.count() == whole.count());
  RC_ASSERT(merged.min() == whole.min());
  RC_ASSERT(merged.max() == whole.max());
  for (double q : {0.0, 0.5, 0.9, 0.99, 1.0}) RC_ASSERT(merged.quantile(q) == whole.quantile(q));
}

RC_GTEST_PROP(HistogramProperty, CountMinAndMaxAreExact, ()) {
  const auto values = *samples();
  const Histogram h = histogram_of(values);
  RC_ASSERT(h.count() == values.size());
  RC_ASSERT(h.min() == *std::min_element(values.begin(), values.end()));
  RC_ASSERT(h.max() == *std::max_element(values.begin(), values.end()));
}

RC_GTEST_PROP(HistogramProperty, EveryValueLiesInsideItsBucket, (std::uint64_t value)) {
  const Histogram h(*rc::gen::inRange(1, 15));
  const std::uint32_t index = h.bucket_index(value);
  RC_ASSERT(index < h.bucket_count());
  RC_ASSERT(h.bucket_lower(index) <= value);
  RC_ASSERT(value < h.bucket_upper(index) || h.bucket_upper(index) == UINT64_MAX);
}

}  // namespace
}  // namespace glassbox::reports
