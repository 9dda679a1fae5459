// The exposition parser on real prom-client scrapes, OpenMetrics text, and broken input.
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "probes/prometheus/exposition.hpp"

namespace glassbox::prometheus {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(GLASSBOX_TEST_DATA) + "/fixtures/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Exposition parse_text(std::string_view text) {
  auto parsed = parse_exposition(text, ExpositionFormat::Text);
  EXPECT_TRUE(parsed.ok()) << parsed.error().message;
  return parsed.ok() ? *parsed : Exposition{};
}

std::string error_of(std::string_view text, ExpositionFormat format = ExpositionFormat::Text) {
  auto parsed = parse_exposition(text, format);
  return parsed.ok() ? "(parsed)" : parsed.error().message;
}

TEST(Exposition, ParsesTheHealthyFixtureIntoItsFamilies) {
  const Exposition scrape = parse_text(fixture("metrics.prom"));
  ASSERT_EQ(scrape.families.size(), 33u);
  int counters = 0, gauges = 0, histograms = 0;
  for (const MetricFamily& family : scrape.families) {
    counters += family.type == MetricType::Counter;
    gauges += family.type == MetricType::Gauge;
    histograms += family.type == MetricType::Histogram;
  }
  EXPECT_EQ(counters, 4);
  EXPECT_EQ(gauges, 27);
  EXPECT_EQ(histograms, 2);

  const MetricFamily& cpu = scrape.families.front();
  EXPECT_EQ(cpu.name, "process_cpu_user_seconds_total");
  EXPECT_EQ(cpu.help, "Total user CPU time spent in seconds.");
  ASSERT_EQ(cpu.samples.size(), 1u);
  EXPECT_DOUBLE_EQ(cpu.samples[0].value, 0.170886);

  const MetricFamily* requests = scrape.family("http_requests_total");
  ASSERT_NE(requests, nullptr);
  EXPECT_EQ(requests->type, MetricType::Counter);
  ASSERT_EQ(requests->samples.size(), 13u);
  EXPECT_EQ(requests->samples[2].labels, (Labels{{"method", "POST"}, {"route", "/triangle"}, {"status", "400"}}));
  EXPECT_EQ(requests->samples[2].value, 4);

  const MetricFamily* latency = scrape.family("http_request_duration_seconds");
  ASSERT_NE(latency, nullptr);
  EXPECT_EQ(latency->type, MetricType::Histogram);
  EXPECT_EQ(latency->samples.size(), 13u * 15u);   // 13 series: 13 buckets, _sum and _count each
  EXPECT_EQ(scrape.samples_named("http_request_duration_seconds_bucket").size(), 13u * 13u);
  const Sample& first = latency->samples.front();
  EXPECT_EQ(first.name, "http_request_duration_seconds_bucket");
  EXPECT_EQ(*find_label(first.labels, "le"), "0.001");   // labels sorted: le comes first anyway

  const MetricFamily* version = scrape.family("nodejs_version_info");
  ASSERT_NE(version, nullptr);
  EXPECT_EQ(version->samples[0].labels,
            (Labels{{"major", "20"}, {"minor", "20"}, {"patch", "2"}, {"version", "v20.20.2"}}));
}

TEST(Exposition, ParsesTheFaultsFixture) {
  const Exposition scrape = parse_text(fixture("metrics-faults.prom"));
  ASSERT_EQ(scrape.families.size(), 33u);
  const auto requests = scrape.samples_named("http_requests_total");
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(*find_label(requests[1]->labels, "status"), "500");
  EXPECT_EQ(requests[1]->value, 4);
  EXPECT_EQ(scrape.samples_named("http_request_duration_seconds_count").size(), 3u);
  EXPECT_EQ(scrape.samples_named("http_request_duration_seconds_bucket").size(), 3u * 13u);
}

TEST(Exposition, ParsesOpenMetricsWithUnitsCreatedSamplesAndExemplars) {
  const std::string text =
      "# TYPE http_requests counter\n"
      "# HELP http_requests Requests \\\"served\\\".\n"
      "http_requests_total{path=\"/a\"} 17 1700000000.5 # {trace_id=\"4bf92f\"} 1 1700000000.25\n"
      "http_requests_created{path=\"/a\"} 1699999000\n"
      "# TYPE latency_seconds histogram\n"
      "# UNIT latency_seconds seconds\n"
      "latency_seconds_bucket{le=\"0.1\"} 3\n"
      "latency_seconds_bucket{le=\"+Inf\"} 4 # {trace_id=\"abc\"} 2.5\n"
      "latency_seconds_sum 2.75\n"
      "latency_seconds_count 4\n"
      "# TYPE rpc_seconds summary\n"
      "rpc_seconds{quantile=\"0.99\"} NaN\n"
      "rpc_seconds_count 0\n"
      "# EOF\n";
  auto parsed = parse_exposition(text, ExpositionFormat::OpenMetrics);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->families.size(), 3u);
  const MetricFamily& counter = parsed->families[0];
  EXPECT_EQ(counter.name, "http_requests");
  EXPECT_EQ(counter.help, "Requests \"served\".");
  ASSERT_EQ(counter.samples.size(), 2u);
  EXPECT_EQ(counter.samples[0].name, "http_requests_total");
  EXPECT_EQ(counter.samples[0].value, 17);
  EXPECT_EQ(counter.samples[0].timestamp_seconds, 1700000000.5);   // OpenMetrics: seconds
  EXPECT_EQ(counter.samples[1].name, "http_requests_created");
  const MetricFamily& histogram = parsed->families[1];
  EXPECT_EQ(histogram.type, MetricType::Histogram);
  EXPECT_EQ(histogram.unit, "seconds");
  EXPECT_EQ(histogram.samples.size(), 4u);
  EXPECT_EQ(histogram.samples[1].value, 4);
  const MetricFamily& summary = parsed->families[2];
  EXPECT_EQ(summary.type, MetricType::Summary);
  EXPECT_TRUE(std::isnan(summary.samples[0].value));
}

TEST(Exposition, ReadsEscapesSpecialValuesAndMillisecondTimestamps) {
  const Exposition scrape = parse_text(
      "# some comment\n"
      "\n"
      "odd{path=\"C:\\\\dir\",quote=\"say \\\"hi\\\"\",multi=\"a\\nb\",} +Inf 1700000000123\n"
      "odd{path=\"x\"} -Inf\n"
      "other 1.5e3\r\n");
  ASSERT_EQ(scrape.families.size(), 2u);
  const MetricFamily& odd = scrape.families[0];
  EXPECT_EQ(odd.type, MetricType::Untyped);
  ASSERT_EQ(odd.samples.size(), 2u);
  EXPECT_EQ(odd.samples[0].labels, (Labels{{"multi", "a\nb"}, {"path", "C:\\dir"}, {"quote", "say \"hi\""}}));
  EXPECT_EQ(odd.samples[0].value, INFINITY);
  EXPECT_DOUBLE_EQ(*odd.samples[0].timestamp_seconds, 1700000000.123);
  EXPECT_EQ(odd.samples[1].value, -INFINITY);
  EXPECT_EQ(scrape.families[1].samples[0].value, 1500);
}

TEST(Exposition, ErrorsNameTheLineAndColumn) {
  EXPECT_EQ(error_of("a 1\nx{a=b} 1\n"), "metrics line 2, column 5: label value is not quoted");
  EXPECT_EQ(error_of("x{a=\"b} 1\n"), "metrics line 1, column 5: label value is not terminated");
  EXPECT_EQ(error_of("x{a=\"\\t\"} 1\n"), "metrics line 1, column 6: unknown escape in label value (use \\\\, \\\" or \\n)");
  EXPECT_EQ(error_of("x{a} 1\n"), "metrics line 1, column 4: expected '=' after label name 'a'");
  EXPECT_EQ(error_of("x{a=\"1\" b=\"2\"} 1\n"), "metrics line 1, column 9: expected ',' or '}' after a label value");
  EXPECT_EQ(error_of("x{a=\"1\",a=\"2\"} 1\n"), "metrics line 1, column 9: duplicate label 'a'");
  EXPECT_EQ(error_of("x{1=\"2\"} 1\n"), "metrics line 1, column 3: expected a label name or '}'");
  EXPECT_EQ(error_of("x\n"), "metrics line 1, column 2: expected a value after the metric name");
  EXPECT_EQ(error_of("x abc\n"), "metrics line 1, column 3: 'abc' is not a number");
  EXPECT_EQ(error_of("x 1 soon\n"), "metrics line 1, column 5: 'soon' is not a timestamp");
  EXPECT_EQ(error_of("x 1 2 3\n"), "metrics line 1, column 7: unexpected text after the value");
  EXPECT_EQ(error_of("x 1 # {a=\"b\"} 1\n"), "metrics line 1, column 5: unexpected text after the value");
  EXPECT_EQ(error_of("9x 1\n"), "metrics line 1, column 1: expected a metric name");
  EXPECT_EQ(error_of("x-y 1\n"), "metrics line 1, column 2: unexpected character in metric name");
  EXPECT_EQ(error_of("# TYPE x countr\n"), "metrics line 1, column 10: unknown metric type 'countr'");
  EXPECT_EQ(error_of("# TYPE x counter\n# TYPE x gauge\n"), "metrics line 2, column 10: second TYPE line for 'x'");
  EXPECT_EQ(error_of("x 1\n# TYPE x counter\n"), "metrics line 2, column 10: TYPE line for 'x' comes after its samples");
}

TEST(Exposition, OpenMetricsNeedsEofAndNothingAfterIt) {
  EXPECT_EQ(error_of("x 1\n", ExpositionFormat::OpenMetrics),
            "metrics line 2, column 1: OpenMetrics text must end with '# EOF'");
  EXPECT_EQ(error_of("# EOF\nx 1\n", ExpositionFormat::OpenMetrics), "metrics line 2, column 1: text after '# EOF'");
  EXPECT_EQ(error_of("x 1\n# EOF\n", ExpositionFormat::OpenMetrics), "(parsed)");
}

TEST(Exposition, FormatFollowsTheContentType) {
  EXPECT_EQ(format_from_content_type("application/openmetrics-text; version=1.0.0; charset=utf-8"),
            ExpositionFormat::OpenMetrics);
  EXPECT_EQ(format_from_content_type("text/plain; version=0.0.4; charset=utf-8"), ExpositionFormat::Text);
  EXPECT_EQ(format_from_content_type(""), ExpositionFormat::Text);
}

}  // namespace
}  // namespace glassbox::prometheus
