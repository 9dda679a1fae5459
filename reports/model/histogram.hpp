// A log-linear latency histogram (HDR-style): values are counted in buckets whose width
// grows with magnitude, so relative error stays below 1/sub_buckets at every scale and a
// million samples take the same memory as ten. Histograms with the same parameters merge
// by adding counts, which is how shard results combine.
//
// Values are microseconds (integers). Not thread-safe: one writer at a time.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

namespace glassbox::reports {

class Histogram {
 public:
  // sub_bucket_bits: each power of two is split into 2^bits buckets (7 -> < 0.8% error).
  explicit Histogram(int sub_bucket_bits = 7);

  void record(std::uint64_t value_us, std::uint64_t count = 1);
  void merge(const Histogram& other);  // same sub_bucket_bits required (asserted)

  std::uint64_t count() const { return count_; }
  std::uint64_t min() const { return count_ ? min_ : 0; }
  std::uint64_t max() const { return max_; }
  double mean() const;
  // The value at quantile q in [0,1]: the upper edge of the bucket holding the q-th
  // sample, clamped to [min, max]. 0 when empty.
  std::uint64_t quantile(double q) const;

  int sub_bucket_bits() const { return bits_; }
  // Sparse form for JSON: bucket index -> count, only non-zero buckets.
  const std::map<std::uint32_t, std::uint64_t>& buckets() const { return buckets_; }
  static Histogram from_buckets(int sub_bucket_bits, const std::map<std::uint32_t, std::uint64_t>& buckets,
                                std::uint64_t min, std::uint64_t max, double sum);
  double sum() const { return sum_; }

  // Bucket geometry, exposed for charts: [lower, upper) of a bucket index.
  std::uint64_t bucket_lower(std::uint32_t index) const;
  std::uint64_t bucket_upper(std::uint32_t index) const;
  std::uint32_t bucket_index(std::uint64_t value) const;
  // One past the largest valid bucket index for these parameters (readers validate with it).
  std::uint32_t bucket_count() const;

  // Same parameters, same buckets, same min, max and sum.
  friend bool operator==(const Histogram&, const Histogram&) = default;

 private:
  int bits_;
  std::map<std::uint32_t, std::uint64_t> buckets_;
  std::uint64_t count_ = 0;
  std::uint64_t min_ = UINT64_MAX;
  std::uint64_t max_ = 0;
  double sum_ = 0;
};

}  // namespace glassbox::reports
