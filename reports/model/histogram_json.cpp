// Histogram <-> results JSON. The buckets are the truth; count is checked against them so
// a hand-edited file cannot claim more samples than it holds.
#include "reports/model/histogram_json.hpp"

#include <fmt/format.h>

namespace glassbox::reports {

namespace {

constexpr int kMaxSubBucketBits = 20;

}  // namespace

Value histogram_to_json(const Histogram& h) {
  Value buckets = Value::array();
  for (const auto& [index, n] : h.buckets()) buckets.push_back(Value::array({index, n}));
  return Value{{"unit", "us"},
               {"sub_bucket_bits", h.sub_bucket_bits()},
               {"count", h.count()},
               {"min", h.min()},
               {"max", h.max()},
               {"sum", h.sum()},
               {"p50", h.quantile(0.50)},
               {"p90", h.quantile(0.90)},
               {"p95", h.quantile(0.95)},
               {"p99", h.quantile(0.99)},
               {"buckets", std::move(buckets)}};
}

Histogram read_histogram(JsonReader& r, const Value& h, const std::string& path) {
  if (!r.expect_object(h, path)) return Histogram();
  const Value* unit = r.member(h, path, "unit", Need::Optional);
  if (unit && *unit != "us") r.fail(JsonReader::field_path(path, "unit"), "expected \"us\", got " + JsonReader::shown(*unit));
  const int bits = static_cast<int>(r.get_int(h, path, "sub_bucket_bits", 1, kMaxSubBucketBits, Need::Required));
  if (!r.ok()) return Histogram();
  const Histogram geometry(bits);
  std::map<std::uint32_t, std::uint64_t> buckets;
  std::uint64_t total = 0;
  if (const Value* array = r.get_array(h, path, "buckets", Need::Required)) {
    const std::string here = JsonReader::field_path(path, "buckets");
    for (std::size_t i = 0; i < array->size() && r.ok(); ++i) {
      const std::string at = JsonReader::index_path(here, i);
      if (!r.expect_array((*array)[i], at, 2)) break;
      const auto index = r.expect_uint64((*array)[i][0], JsonReader::index_path(at, 0));
      const auto n = r.expect_uint64((*array)[i][1], JsonReader::index_path(at, 1));
      if (!index || !n) break;
      if (*index >= geometry.bucket_count()) {
        r.fail(JsonReader::index_path(at, 0),
               fmt::format("bucket index {} is out of range for sub_bucket_bits {}", *index, bits));
        break;
      }
      buckets[static_cast<std::uint32_t>(*index)] += *n;
      total += *n;
    }
  }
  const std::uint64_t min = r.get_uint64(h, path, "min");
  const std::uint64_t max = r.get_uint64(h, path, "max");
  const double sum = r.get_number(h, path, "sum");
  if (const Value* count = r.member(h, path, "count", Need::Optional); count && r.ok()) {
    const auto n = r.expect_uint64(*count, JsonReader::field_path(path, "count"));
    if (n && *n != total)
      r.fail(JsonReader::field_path(path, "count"), fmt::format("{} does not match the buckets' total {}", *n, total));
  }
  if (r.ok() && total != 0 && min > max)
    r.fail(JsonReader::field_path(path, "min"), fmt::format("{} is greater than max {}", min, max));
  return Histogram::from_buckets(bits, buckets, min, max, sum);
}

}  // namespace glassbox::reports
