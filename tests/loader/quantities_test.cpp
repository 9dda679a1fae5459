// The spellings of durations, percentages and rates every SLO-related section shares.
#include <cmath>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "suites/loader/quantities.hpp"

namespace glassbox::loader::detail {
namespace {

TEST(Quantities, DurationsTakeAUnitOrMeanMilliseconds) {
  EXPECT_EQ(parse_duration_ms("150ms"), 150.0);
  EXPECT_EQ(parse_duration_ms("1.5s"), 1500.0);
  EXPECT_EQ(parse_duration_ms("2m"), 120000.0);
  EXPECT_EQ(parse_duration_ms("1h"), 3600000.0);
  EXPECT_EQ(parse_duration_ms("30d"), 2592000000.0);
  EXPECT_EQ(parse_duration_ms("250"), 250.0);
  EXPECT_EQ(parse_duration_ms(".5s"), 500.0);
  EXPECT_EQ(parse_duration_ms("2 s"), 2000.0);
  for (const char* bad : {"", "s", "ms", "-1s", "1x", "1sec", "1e400s", "nan", "1,5s", "1.5.2s"})
    EXPECT_FALSE(parse_duration_ms(bad)) << bad;
}

TEST(Quantities, SharesArePercentagesOrRatios) {
  EXPECT_DOUBLE_EQ(*parse_share("99.9%"), 0.999);
  EXPECT_DOUBLE_EQ(*parse_share("0.999"), 0.999);
  EXPECT_DOUBLE_EQ(*parse_share("150%"), 1.5);
  for (const char* bad : {"%", "-1%", "1%%", "one"}) EXPECT_FALSE(parse_share(bad)) << bad;
}

TEST(Quantities, RatesArePerSecondMinuteOrHour) {
  EXPECT_DOUBLE_EQ(*parse_rate_per_second("50/s"), 50);
  EXPECT_DOUBLE_EQ(*parse_rate_per_second("3000/m"), 50);
  EXPECT_DOUBLE_EQ(*parse_rate_per_second("7200/h"), 2);
  EXPECT_DOUBLE_EQ(*parse_rate_per_second("12.5"), 12.5);
  for (const char* bad : {"/s", "5/d", "5 per s"}) EXPECT_FALSE(parse_rate_per_second(bad)) << bad;
}

TEST(Quantities, PercentileNamesRoundTrip) {
  for (const std::string& name : percentile_names()) EXPECT_EQ(percentile_name(*percentile_quantile(name)), name);
  EXPECT_FALSE(percentile_quantile("p75"));
  EXPECT_EQ(percentile_name(0.995), "p99.5");
}

// Any non-negative number written with a unit reads back as that number times the unit.
RC_GTEST_PROP(Quantities, WrittenNumbersReadBackScaledByTheirUnit, ()) {
  const auto whole = *rc::gen::inRange<std::int64_t>(0, 1'000'000'000);
  const auto thousandths = *rc::gen::inRange(0, 1000);
  const double value = static_cast<double>(whole) + thousandths / 1000.0;
  const std::string text = fmt::format("{}.{:03}", whole, thousandths);
  struct Unit {
    const char* suffix;
    double factor;
  };
  const Unit unit = *rc::gen::element(Unit{"ms", 1}, Unit{"s", 1000}, Unit{"m", 60000}, Unit{"h", 3600000},
                                      Unit{"d", 86400000}, Unit{"", 1});
  auto ms = parse_duration_ms(text + unit.suffix);
  RC_ASSERT(ms.has_value());
  RC_ASSERT(std::abs(*ms - value * unit.factor) <= 1e-9 * std::max(1.0, value * unit.factor));
  auto share = parse_share(text + "%");
  RC_ASSERT(share.has_value());
  RC_ASSERT(std::abs(*share - value / 100) <= 1e-12 * std::max(1.0, value));
}

}  // namespace
}  // namespace glassbox::loader::detail
