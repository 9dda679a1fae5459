// Bucket geometry: with b = sub_bucket_bits and S = 2^b, values below 2S map to their own
// bucket (index == value, width 1). A value v >= 2S with highest set bit e lies in the
// power-of-two range [2^e, 2^(e+1)), which is split into S buckets of width 2^(e-b):
//
//   index = (e - b + 1) * S + (v >> (e - b)) - S
//
// The formula also holds for S <= v < 2S (e == b), which is why the exact region and the
// logarithmic one join without a gap. A bucket's width is at most 2^-b of its lower edge,
// hence the relative error bound.
#include "reports/model/histogram.hpp"

#include <bit>
#include <cassert>
#include <cmath>

namespace glassbox::reports {

namespace {

int highest_bit(std::uint64_t v) { return 63 - std::countl_zero(v); }

}  // namespace

Histogram::Histogram(int sub_bucket_bits) : bits_(sub_bucket_bits) {
  assert(sub_bucket_bits >= 1 && sub_bucket_bits <= 20);
}

std::uint32_t Histogram::bucket_index(std::uint64_t value) const {
  const std::uint64_t sub = std::uint64_t{1} << bits_;
  if (value < 2 * sub) return static_cast<std::uint32_t>(value);
  const int shift = highest_bit(value) - bits_;
  return static_cast<std::uint32_t>((static_cast<std::uint64_t>(shift) + 1) * sub + (value >> shift) - sub);
}

std::uint64_t Histogram::bucket_lower(std::uint32_t index) const {
  const std::uint64_t sub = std::uint64_t{1} << bits_;
  if (index < 2 * sub) return index;
  const std::uint64_t shift = index / sub - 1;
  return (sub + index % sub) << shift;
}

std::uint64_t Histogram::bucket_upper(std::uint32_t index) const {
  const std::uint64_t sub = std::uint64_t{1} << bits_;
  if (index < 2 * sub) return std::uint64_t{index} + 1;
  const std::uint64_t shift = index / sub - 1;
  const std::uint64_t lower = bucket_lower(index);
  const std::uint64_t width = std::uint64_t{1} << shift;
  // The top bucket ends at 2^64, which does not fit: saturate.
  return lower > UINT64_MAX - width ? UINT64_MAX : lower + width;
}

std::uint32_t Histogram::bucket_count() const { return bucket_index(UINT64_MAX) + 1; }

void Histogram::record(std::uint64_t value_us, std::uint64_t count) {
  if (count == 0) return;
  buckets_[bucket_index(value_us)] += count;
  count_ += count;
  if (value_us < min_) min_ = value_us;
  if (value_us > max_) max_ = value_us;
  sum_ += static_cast<double>(value_us) * static_cast<double>(count);
}

void Histogram::merge(const Histogram& other) {
  assert(other.bits_ == bits_);
  for (const auto& [index, n] : other.buckets_) buckets_[index] += n;
  count_ += other.count_;
  if (other.count_ != 0) {
    if (other.min_ < min_) min_ = other.min_;
    if (other.max_ > max_) max_ = other.max_;
  }
  sum_ += other.sum_;
}

double Histogram::mean() const { return count_ ? sum_ / static_cast<double>(count_) : 0.0; }

std::uint64_t Histogram::quantile(double q) const {
  if (count_ == 0) return 0;
  if (!(q > 0)) return min_;  // also catches NaN
  if (q >= 1) return max_;
  // The rank of the sample the quantile names: ceil(q * count), at least 1.
  auto rank = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count_)));
  if (rank == 0) rank = 1;
  if (rank > count_) rank = count_;
  std::uint64_t seen = 0;
  for (const auto& [index, n] : buckets_) {
    seen += n;
    if (seen >= rank) {
      // The highest value that maps to this bucket: never below the true sample, and
      // less than 2^-b above it. (The saturated top bucket already ends at UINT64_MAX.)
      const std::uint64_t upper = bucket_upper(index);
      const std::uint64_t edge = upper == UINT64_MAX ? upper : upper - 1;
      if (edge < min_) return min_;
      if (edge > max_) return max_;
      return edge;
    }
  }
  return max_;
}

Histogram Histogram::from_buckets(int sub_bucket_bits, const std::map<std::uint32_t, std::uint64_t>& buckets,
                                  std::uint64_t min, std::uint64_t max, double sum) {
  Histogram h(sub_bucket_bits);
  for (const auto& [index, n] : buckets) {
    if (n == 0) continue;
    h.buckets_[index] += n;
    h.count_ += n;
  }
  if (h.count_ != 0) {
    h.min_ = min;
    h.max_ = max;
    h.sum_ = sum;
  }
  return h;
}

}  // namespace glassbox::reports
