// The PromQL math against hand-computed values, and over the two real fixture scrapes.
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "probes/prometheus/promql_math.hpp"

namespace glassbox::prometheus {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

Exposition fixture(const std::string& name) {
  std::ifstream in(std::string(GLASSBOX_TEST_DATA) + "/fixtures/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = parse_exposition(text.str(), ExpositionFormat::Text);
  EXPECT_TRUE(parsed.ok()) << parsed.error().message;
  return parsed.ok() ? *parsed : Exposition{};
}

LabelMatcher matcher(std::string name, MatchOp op, std::string value) {
  auto made = LabelMatcher::make(std::move(name), op, std::move(value));
  EXPECT_TRUE(made.ok()) << made.error().message;
  return *made;
}

TEST(CounterIncrease, IsTheDifferenceOrTheNewValueAfterAReset) {
  EXPECT_EQ(counter_increase(10, 15), 5);
  EXPECT_EQ(counter_increase(10, 10), 0);
  EXPECT_EQ(counter_increase(10, 3), 3);   // restarted and counted 3 since
}

TEST(PerSecondRate, DividesTheIncreaseByTheSecondsBetweenScrapes) {
  EXPECT_EQ(per_second_rate(100, 160, 30), 2);
  EXPECT_EQ(per_second_rate(100, 20, 10), 2);   // reset: 20 new requests in 10 s
  EXPECT_TRUE(std::isnan(per_second_rate(1, 2, 0)));
}

TEST(HistogramQuantile, InterpolatesLinearlyInsideTheBucket) {
  // 10 observations <= 0.1, 20 <= 0.5, 20 total.
  const std::vector<Bucket> buckets{{0.5, 20}, {0.1, 10}, {kInf, 20}};   // order does not matter
  EXPECT_DOUBLE_EQ(histogram_quantile(0.5, buckets), 0.1);      // rank 10: top of the first bucket
  EXPECT_DOUBLE_EQ(histogram_quantile(0.25, buckets), 0.05);    // rank 5: halfway from 0 to 0.1
  EXPECT_DOUBLE_EQ(histogram_quantile(0.75, buckets), 0.3);     // rank 15: halfway from 0.1 to 0.5
  EXPECT_DOUBLE_EQ(histogram_quantile(0, buckets), 0);
}

TEST(HistogramQuantile, FollowsPromqlsEdgeRules) {
  const std::vector<Bucket> buckets{{1, 2}, {2, 4}, {kInf, 10}};
  EXPECT_EQ(histogram_quantile(0.9, buckets), 2);   // rank 9 is in +Inf: the highest finite bound
  EXPECT_EQ(histogram_quantile(-0.1, buckets), -kInf);
  EXPECT_EQ(histogram_quantile(1.1, buckets), kInf);
  EXPECT_TRUE(std::isnan(histogram_quantile(NAN, buckets)));
  EXPECT_TRUE(std::isnan(histogram_quantile(0.5, {{1, 0}, {kInf, 0}})));   // no observations
  EXPECT_TRUE(std::isnan(histogram_quantile(0.5, {{1, 2}, {2, 4}})));      // no +Inf bucket
  EXPECT_TRUE(std::isnan(histogram_quantile(0.5, {{kInf, 4}})));           // one bucket
  EXPECT_EQ(histogram_quantile(0.5, {{-1, 3}, {kInf, 4}}), -1);           // lowest bound not positive
  EXPECT_DOUBLE_EQ(histogram_quantile(0.5, {{-1, 1}, {1, 3}, {kInf, 4}}), 0);   // from -1 to 1, rank 2 of 1..3
  // A dip in the cumulative counts is lifted to the running maximum (0.2 -> 4, not 3), so
  // rank 5 is 1 of 4 into (0.2, 0.4], not 2 of 5.
  EXPECT_DOUBLE_EQ(histogram_quantile(0.625, {{0.1, 4}, {0.2, 3}, {0.4, 8}, {kInf, 8}}), 0.25);
  // Buckets with the same bound are added together.
  EXPECT_DOUBLE_EQ(histogram_quantile(0.5, {{1, 1}, {1, 1}, {kInf, 4}}), 1);
}

TEST(HistogramQuantiles, UsesTheFaultsScrapeAgainstAnEmptyStart) {
  const Exposition later = fixture("metrics-faults.prom");
  auto p50 = histogram_quantiles(0.5, "http_request_duration_seconds", Exposition{}, later,
                                 {matcher("route", MatchOp::Equal, "/triangle")});
  ASSERT_TRUE(p50.ok()) << p50.error().message;
  ASSERT_EQ(p50->size(), 2u);   // status 200 and 500, sorted by labels
  EXPECT_EQ((*p50)[0].labels, (Labels{{"method", "POST"}, {"route", "/triangle"}, {"status", "200"}}));
  EXPECT_DOUBLE_EQ((*p50)[0].value, 0.001 * 2 / 3);            // rank 2 of 3 in (0, 0.001]
  EXPECT_DOUBLE_EQ((*p50)[1].value, 0.025 + 0.025 * 2 / 4);    // rank 2 of 4 in (0.025, 0.05]
}

TEST(HistogramQuantiles, SumsAwayLabelsNotGroupedBy) {
  const Exposition later = fixture("metrics-faults.prom");
  auto p90 = histogram_quantiles(0.9, "http_request_duration_seconds", Exposition{}, later,
                                 {matcher("route", MatchOp::Equal, "/triangle")}, Grouping{std::vector<std::string>{"route"}});
  ASSERT_TRUE(p90.ok()) << p90.error().message;
  ASSERT_EQ(p90->size(), 1u);
  EXPECT_EQ((*p90)[0].labels, (Labels{{"route", "/triangle"}}));
  // 8 observations: 3 <= 0.001, 4 <= 0.005 .. 0.025, 8 <= 0.05. Rank 7.2 is 3.2 of 4 into (0.025, 0.05].
  EXPECT_DOUBLE_EQ((*p90)[0].value, 0.025 + 0.025 * 3.2 / 4);
}

TEST(HistogramQuantiles, UsesBucketIncreasesAcrossTheWindowWithResets) {
  // From the healthy scrape to the faults one the process restarted: /triangle 200 went from
  // 5 observations to 4, so the window's buckets are the later counts themselves.
  auto p50 = histogram_quantiles(0.5, "http_request_duration_seconds", fixture("metrics.prom"),
                                 fixture("metrics-faults.prom"),
                                 {matcher("route", MatchOp::Equal, "/triangle"), matcher("status", MatchOp::Equal, "200")});
  ASSERT_TRUE(p50.ok()) << p50.error().message;
  ASSERT_EQ(p50->size(), 1u);
  EXPECT_DOUBLE_EQ((*p50)[0].value, 0.001 * 2 / 3);
}

TEST(HistogramQuantiles, SubtractsTheEarlierBuckets) {
  auto earlier = parse_exposition("h_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 2\n", ExpositionFormat::Text);
  auto later = parse_exposition("h_bucket{le=\"1\"} 2\nh_bucket{le=\"2\"} 4\nh_bucket{le=\"+Inf\"} 6\n",
                                ExpositionFormat::Text);
  ASSERT_TRUE(earlier.ok() && later.ok());
  // Window: 0 <= 1, 4 <= 2 (the series is new), 4 in all. Rank 2 is halfway through (1, 2].
  auto p50 = histogram_quantiles(0.5, "h", *earlier, *later);
  ASSERT_TRUE(p50.ok()) << p50.error().message;
  EXPECT_DOUBLE_EQ((*p50)[0].value, 1.5);
}

TEST(HistogramQuantiles, ReportsAMissingHistogram) {
  auto result = histogram_quantiles(0.5, "nope_seconds", Exposition{}, fixture("metrics.prom"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message, "the scrape has no nope_seconds_bucket samples");
}

TEST(CounterRatio, SharesOfServerErrorsAcrossTheWindow) {
  const Exposition healthy = fixture("metrics.prom");
  const Exposition faults = fixture("metrics-faults.prom");
  const std::vector<LabelMatcher> server_errors{matcher("status", MatchOp::Regex, "5..")};
  // Faults scrape alone: 4 of 9 requests answered 500.
  auto alone = counter_ratio("http_requests_total", Exposition{}, faults, {}, server_errors);
  ASSERT_TRUE(alone.ok()) << alone.error().message;
  EXPECT_DOUBLE_EQ(*alone, 4.0 / 9.0);
  // healthy -> faults: /healthz stayed at 1 (increase 0), /triangle 200 reset from 5 to 4
  // (increase 4), /triangle 500 is new (increase 4): 4 of 8.
  auto window = counter_ratio("http_requests_total", healthy, faults, {}, server_errors);
  ASSERT_TRUE(window.ok()) << window.error().message;
  EXPECT_DOUBLE_EQ(*window, 0.5);
  // In the healthy scrape POST /triangle answered 4 of its 9 requests with a 4xx.
  auto client_errors = counter_ratio("http_requests_total", Exposition{}, healthy,
                                     {matcher("route", MatchOp::Equal, "/triangle")},
                                     {matcher("status", MatchOp::Regex, "4..")});
  ASSERT_TRUE(client_errors.ok());
  EXPECT_DOUBLE_EQ(*client_errors, 4.0 / 9.0);
  auto none = counter_ratio("http_requests_total", healthy, healthy, {}, server_errors);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(std::isnan(*none));   // nothing counted in the window
}

TEST(CounterIncreaseSum, AddsTheIncreasesOfMatchingSeries) {
  auto total = counter_increase_sum("http_requests_total", Exposition{}, fixture("metrics.prom"),
                                    {matcher("method", MatchOp::NotEqual, "GET")});
  ASSERT_TRUE(total.ok());
  EXPECT_EQ(*total, 5 + 4 + 5 + 4 + 5 + 3 + 2 + 4 + 2 + 1);
}

TEST(LabelMatcher, AnchorsRegexesAndRejectsBadOnes) {
  const Labels labels{{"status", "500"}};
  EXPECT_TRUE(matcher("status", MatchOp::Regex, "5..").matches(labels));
  EXPECT_FALSE(matcher("status", MatchOp::Regex, "0").matches(labels));   // not a substring search
  EXPECT_TRUE(matcher("status", MatchOp::NotRegex, "4..").matches(labels));
  EXPECT_TRUE(matcher("route", MatchOp::Equal, "").matches(labels));      // absent reads as ""
  auto bad = LabelMatcher::make("status", MatchOp::Regex, "5(");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message.rfind("label matcher status: '5(' is not a valid regular expression (", 0), 0u)
      << bad.error().message;
}

TEST(SummaryQuantiles, ReadsThePrecomputedQuantiles) {
  auto scrape = parse_exposition(
      "# TYPE rpc_seconds summary\n"
      "rpc_seconds{service=\"a\",quantile=\"0.5\"} 0.01\n"
      "rpc_seconds{service=\"a\",quantile=\"0.99\"} 0.2\n"
      "rpc_seconds_sum{service=\"a\"} 5\n"
      "rpc_seconds_count{service=\"a\"} 100\n",
      ExpositionFormat::Text);
  ASSERT_TRUE(scrape.ok()) << scrape.error().message;
  const auto p99 = summary_quantiles(*scrape, "rpc_seconds", 0.99);
  ASSERT_EQ(p99.size(), 1u);
  EXPECT_EQ(p99[0].labels, (Labels{{"service", "a"}}));
  EXPECT_EQ(p99[0].value, 0.2);
  EXPECT_TRUE(summary_quantiles(*scrape, "rpc_seconds", 0.9).empty());
}

}  // namespace
}  // namespace glassbox::prometheus
