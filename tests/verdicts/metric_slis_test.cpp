// Metric SLIs on the runner's side: the PromQL-equivalent math over two scrapes (the real
// Node service scrape in tests/data/fixtures/metrics.prom as the scrape after the run, a
// hand-made one before it), the PromQL sent to a query API, MetricWindow with injected
// sources, and once end to end against a loopback /metrics endpoint.
#include "suites/runner/metric_slis.hpp"

#include <atomic>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "tests/probes/test_server.hpp"

namespace glassbox::runner {
namespace {

using prometheus::ExpositionFormat;
using prometheus::Exposition;
using suite::ObjectiveKind;

std::string read_fixture() {
  std::ifstream in(std::string(GLASSBOX_TEST_DATA) + "/fixtures/metrics.prom");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Exposition parse(const std::string& text) {
  auto parsed = prometheus::parse_exposition(text, ExpositionFormat::Text);
  EXPECT_TRUE(parsed.ok()) << parsed.error().message;
  return parsed.ok() ? *parsed : Exposition{};
}

// The service before the run. Against the fixture (after the run):
//   POST /triangle 200: bucket le=0.001 1 -> 4, le=0.005 and up 1 -> 5;  400: absent -> 4 everywhere
//   requests: POST /triangle 200 1 -> 5, 400 2 -> 4; POST /nextdate unchanged (5, 4);
//   POST /discount 400 10 -> 3 (a restart: the increase is 3); other POST series absent.
const char* kBefore = R"(# TYPE http_requests_total counter
http_requests_total{method="GET",route="/healthz",status="200"} 1
http_requests_total{method="POST",route="/triangle",status="200"} 1
http_requests_total{method="POST",route="/triangle",status="400"} 2
http_requests_total{method="POST",route="/nextdate",status="200"} 5
http_requests_total{method="POST",route="/nextdate",status="400"} 4
http_requests_total{method="POST",route="/discount",status="400"} 10
# TYPE http_request_duration_seconds histogram
http_request_duration_seconds_bucket{le="0.001",method="POST",route="/triangle",status="200"} 1
http_request_duration_seconds_bucket{le="0.005",method="POST",route="/triangle",status="200"} 1
http_request_duration_seconds_bucket{le="0.01",method="POST",route="/triangle",status="200"} 1
http_request_duration_seconds_bucket{le="0.025",method="POST",route="/triangle",status="200"} 1
http_request_duration_seconds_bucket{le="0.05",method="POST",route="/triangle",status="200"} 1
http_request_duration_seconds_bucket{le="0.1",method="POST",route="/triangle",status="200"} 1
http_request_duration_seconds_bucket{le="0.25",method="POST",route="/triangle",status="200"} 1
http_request_duration_seconds_bucket{le="0.5",method="POST",route="/triangle",status="200"} 1
http_request_duration_seconds_bucket{le="1",method="POST",route="/triangle",status="200"} 1
http_request_duration_seconds_bucket{le="2.5",method="POST",route="/triangle",status="200"} 1
http_request_duration_seconds_bucket{le="5",method="POST",route="/triangle",status="200"} 1
http_request_duration_seconds_bucket{le="10",method="POST",route="/triangle",status="200"} 1
http_request_duration_seconds_bucket{le="+Inf",method="POST",route="/triangle",status="200"} 1
)";

suite::Objective objective(ObjectiveKind kind, double quantile = 0.99) {
  suite::Objective o;
  o.kind = kind;
  o.quantile = quantile;
  return o;
}

suite::MetricSli latency_sli() {
  suite::MetricSli sli;
  sli.scrape_url = "http://127.0.0.1:1/metrics";
  sli.histogram = "http_request_duration_seconds";
  sli.selector = R"(route="/triangle")";
  return sli;
}

suite::MetricSli counter_sli() {
  suite::MetricSli sli;
  sli.scrape_url = "http://127.0.0.1:1/metrics";
  sli.counter = "http_requests_total";
  sli.selector = R"(method="POST")";
  sli.errors = R"(status=~"4..")";
  return sli;
}

class FixtureWindow : public ::testing::Test {
 protected:
  Exposition before = parse(kBefore);
  Exposition after = parse(read_fixture());
};

TEST_F(FixtureWindow, LatencyQuantileOfEveryMatchingSeriesSummed) {
  // Bucket increases summed over /triangle's two series (sum by (le)):
  //   le=0.001: 3 + 4 = 7; le=0.005 and up: 4 + 4 = 8. 8 observations.
  // p99: rank 0.99 x 8 = 7.92 falls in (0.001, 0.005] holding ranks 7..8:
  //   0.001 + 0.004 x (7.92 - 7) / (8 - 7) = 0.00468 s = 4.68 ms.
  const reports::MetricMeasurement m =
      measure_from_scrapes(latency_sli(), objective(ObjectiveKind::Latency), before, after, 10);
  EXPECT_EQ(m.error, "");
  ASSERT_TRUE(m.value);
  EXPECT_NEAR(*m.value, 4.68, 1e-9);
  EXPECT_EQ(m.samples, 8u);
  EXPECT_EQ(m.source, "metrics (scrape)");
  EXPECT_EQ(m.scope, R"(http_request_duration_seconds{route="/triangle"})");
}

TEST_F(FixtureWindow, LatencyMedianInterpolatesInTheLowestBucketFromZero) {
  // p50: rank 4 of 8 falls in the lowest bucket (0, 0.001] holding 7: 0.001 x 4/7 s.
  const reports::MetricMeasurement m =
      measure_from_scrapes(latency_sli(), objective(ObjectiveKind::Latency, 0.5), before, after, 10);
  ASSERT_TRUE(m.value);
  EXPECT_NEAR(*m.value, 4.0 / 7.0, 1e-9);
}

TEST_F(FixtureWindow, ErrorRateIsTheShareOfCountedRequests) {
  // POST increases: triangle 4 + 2, nextdate 0 + 0, discount 5 + 3 (reset), orders 2,
  // orders/:id/:action 4 + 2 + 1: 23 requests; 4xx among them: 2 + 0 + 3 + 2 + 1 = 8.
  const reports::MetricMeasurement m =
      measure_from_scrapes(counter_sli(), objective(ObjectiveKind::ErrorRate), before, after, 10);
  EXPECT_EQ(m.error, "");
  ASSERT_TRUE(m.value);
  EXPECT_DOUBLE_EQ(*m.value, 8.0 / 23.0);
  EXPECT_EQ(m.samples, 23u);
  EXPECT_EQ(m.scope, R"(http_requests_total{method="POST"}, errors {status=~"4.."})");
}

TEST_F(FixtureWindow, AvailabilityIsOneMinusTheErrorRate) {
  const reports::MetricMeasurement m =
      measure_from_scrapes(counter_sli(), objective(ObjectiveKind::Availability), before, after, 10);
  ASSERT_TRUE(m.value);
  EXPECT_DOUBLE_EQ(*m.value, 15.0 / 23.0);
}

TEST_F(FixtureWindow, ThroughputIsTheIncreaseOverTheRunsSeconds) {
  const reports::MetricMeasurement m =
      measure_from_scrapes(counter_sli(), objective(ObjectiveKind::Throughput), before, after, 10);
  ASSERT_TRUE(m.value);
  EXPECT_DOUBLE_EQ(*m.value, 2.3);   // 23 requests in 10 s
  EXPECT_EQ(m.scope, R"(http_requests_total{method="POST"})");
}

TEST_F(FixtureWindow, AMetricTheScrapeLacksIsAnError) {
  suite::MetricSli sli = counter_sli();
  sli.counter = "orders_total";
  const reports::MetricMeasurement m = measure_from_scrapes(sli, objective(ObjectiveKind::ErrorRate), before, after, 10);
  EXPECT_FALSE(m.value);
  EXPECT_NE(m.error, "");
}

TEST_F(FixtureWindow, MatchersThatDoNotParseAreAnError) {
  suite::MetricSli sli = counter_sli();
  sli.selector = "method=POST";
  const reports::MetricMeasurement m = measure_from_scrapes(sli, objective(ObjectiveKind::Throughput), before, after, 10);
  EXPECT_EQ(m.error, "label matchers 'method=POST': column 8: expected a quoted value");
}

TEST_F(FixtureWindow, ARatioWithoutErrorMatchersIsAnError) {
  suite::MetricSli sli = counter_sli();
  sli.errors.clear();
  const reports::MetricMeasurement m = measure_from_scrapes(sli, objective(ObjectiveKind::ErrorRate), before, after, 10);
  EXPECT_EQ(m.error, "the SLI names no error matchers for error rate");
}

TEST(RunWindow, IsTheRunRoundedUpToWholeSeconds) {
  EXPECT_EQ(run_window(46.2), "47s");
  EXPECT_EQ(run_window(47), "47s");
  EXPECT_EQ(run_window(0.1), "1s");
  EXPECT_EQ(run_window(0), "1s");
}

TEST(ObjectivePromql, BuiltFromTheHistogramAndCounter) {
  suite::MetricSli latency = latency_sli();
  EXPECT_EQ(objective_promql(latency, objective(ObjectiveKind::Latency), 46.2),
            R"(histogram_quantile(0.99, sum by (le) (increase(http_request_duration_seconds_bucket{route="/triangle"}[47s]))))");
  suite::MetricSli counter = counter_sli();
  EXPECT_EQ(objective_promql(counter, objective(ObjectiveKind::ErrorRate), 46.2),
            R"((sum(increase(http_requests_total{method="POST", status=~"4.."}[47s])) or vector(0)))"
            R"( / sum(increase(http_requests_total{method="POST"}[47s])))");
  EXPECT_EQ(objective_promql(counter, objective(ObjectiveKind::Throughput), 46.2),
            R"(sum(rate(http_requests_total{method="POST"}[47s])))");
  counter.selector.clear();
  EXPECT_EQ(objective_promql(counter, objective(ObjectiveKind::Throughput), 5), "sum(rate(http_requests_total[5s]))");
  EXPECT_EQ(objective_promql(counter, objective(ObjectiveKind::Latency), 5), "");
}

TEST(ObjectivePromql, TheSuitesOwnQueriesWinWithPlaceholdersFilled) {
  suite::MetricSli sli;
  sli.latency_query = "histogram_quantile({{quantile}}, sum by (le) (rate(h_bucket[{{window}}])))";
  sli.error_rate_query = "errors_ratio[{{window}}]";
  sli.throughput_query = "sum(rate(c[{{window}}]))";
  sli.histogram = "ignored";
  EXPECT_EQ(objective_promql(sli, objective(ObjectiveKind::Latency, 0.95), 30),
            "histogram_quantile(0.95, sum by (le) (rate(h_bucket[30s])))");
  EXPECT_EQ(objective_promql(sli, objective(ObjectiveKind::Availability), 30), "errors_ratio[30s]");
  EXPECT_EQ(objective_promql(sli, objective(ObjectiveKind::Throughput), 30), "sum(rate(c[30s]))");
}

// Sources that count scrapes and answer queries from a table.
struct FakeSources {
  std::map<std::string, int> scrapes;
  std::vector<Expected<Exposition>> answers;   // per scrape of any URL, in order
  std::map<std::string, Expected<std::vector<prometheus::InstantSample>>> query_answers;
  std::vector<std::pair<std::string, double>> queries;   // (promql, time)

  MetricSources sources() {
    MetricSources s;
    s.scrape = [this](const std::string& url) -> Expected<Exposition> {
      const int n = scrapes[url]++;
      return answers.at(static_cast<std::size_t>(n));
    };
    s.query = [this](const std::string& base, const std::string& promql,
                     double time) -> Expected<std::vector<prometheus::InstantSample>> {
      queries.emplace_back(base + " " + promql, time);
      auto it = query_answers.find(promql);
      if (it == query_answers.end()) return Error("no answer for " + promql);
      return it->second;
    };
    s.now_seconds = [] { return 1795600000.0; };
    return s;
  }
};

suite::Slo metric_slo(std::string name, suite::MetricSli sli, std::vector<suite::Objective> objectives) {
  suite::Slo slo;
  slo.name = std::move(name);
  slo.source = suite::SliSource::Metrics;
  slo.metric = std::move(sli);
  slo.objectives = std::move(objectives);
  return slo;
}

TEST(MetricWindow, ScrapesEachEndpointOnceBeforeAndOnceAfter) {
  FakeSources fake;
  fake.answers = {parse(kBefore), parse(read_fixture())};
  suite::Slo probe_slo;
  probe_slo.name = "probe";
  MetricWindow window(fake.sources());
  window.begin({metric_slo("latency", latency_sli(), {objective(ObjectiveKind::Latency)}),
                metric_slo("errors", counter_sli(), {objective(ObjectiveKind::ErrorRate), objective(ObjectiveKind::Throughput)}),
                probe_slo});
  EXPECT_EQ(fake.scrapes["http://127.0.0.1:1/metrics"], 1);
  const reports::MetricMeasurements m = window.end(10);
  EXPECT_EQ(fake.scrapes["http://127.0.0.1:1/metrics"], 2);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_NEAR(*m.at({"latency", "p99 latency"}).value, 4.68, 1e-9);
  EXPECT_DOUBLE_EQ(*m.at({"errors", "error rate"}).value, 8.0 / 23.0);
  EXPECT_DOUBLE_EQ(*m.at({"errors", "throughput"}).value, 2.3);
}

TEST(MetricWindow, AFailedScrapeBecomesTheMeasurementsError) {
  FakeSources fake;
  fake.answers = {Error("scrape http://127.0.0.1:1/metrics: connect to 127.0.0.1:1: connection refused"),
                  parse(read_fixture())};
  MetricWindow window(fake.sources());
  window.begin({metric_slo("latency", latency_sli(), {objective(ObjectiveKind::Latency)})});
  const reports::MetricMeasurements m = window.end(10);
  const reports::MetricMeasurement& latency = m.at({"latency", "p99 latency"});
  EXPECT_FALSE(latency.value);
  EXPECT_EQ(latency.error,
            "before the run: scrape http://127.0.0.1:1/metrics: connect to 127.0.0.1:1: connection refused");
}

TEST(MetricWindow, AFailedScrapeAfterTheRunSaysSo) {
  FakeSources fake;
  fake.answers = {parse(kBefore), Error("scrape http://127.0.0.1:1/metrics: answered HTTP 503")};
  MetricWindow window(fake.sources());
  window.begin({metric_slo("latency", latency_sli(), {objective(ObjectiveKind::Latency)})});
  EXPECT_EQ(window.end(10).at({"latency", "p99 latency"}).error,
            "after the run: scrape http://127.0.0.1:1/metrics: answered HTTP 503");
}

prometheus::InstantSample sample(double value) { return {.labels = {}, .value = value, .timestamp_seconds = 0}; }

TEST(MetricWindow, AQueryApiIsAskedAtTheEndOverTheRunsWindow) {
  FakeSources fake;
  suite::MetricSli sli = counter_sli();
  sli.scrape_url.clear();
  sli.query_url = "http://127.0.0.1:9090";
  sli.histogram = "http_request_duration_seconds";
  const std::string latency_promql =
      R"(histogram_quantile(0.99, sum by (le) (increase(http_request_duration_seconds_bucket{method="POST"}[47s]))))";
  const std::string errors_promql =
      R"((sum(increase(http_requests_total{method="POST", status=~"4.."}[47s])) or vector(0)))"
      R"( / sum(increase(http_requests_total{method="POST"}[47s])))";
  fake.query_answers.emplace(latency_promql, std::vector{sample(0.25)});
  fake.query_answers.emplace(errors_promql, std::vector{sample(0.002)});
  MetricWindow window(fake.sources());
  window.begin({metric_slo("api", sli, {objective(ObjectiveKind::Latency), objective(ObjectiveKind::Availability),
                                        objective(ObjectiveKind::Throughput)})});
  EXPECT_TRUE(fake.scrapes.empty());
  const reports::MetricMeasurements m = window.end(46.2);
  const reports::MetricMeasurement& latency = m.at({"api", "p99 latency"});
  EXPECT_DOUBLE_EQ(*latency.value, 250);   // 0.25 s
  EXPECT_EQ(latency.source, "metrics (query)");
  EXPECT_EQ(latency.scope, latency_promql);
  EXPECT_FALSE(latency.samples);
  EXPECT_DOUBLE_EQ(*m.at({"api", "availability"}).value, 0.998);
  EXPECT_EQ(m.at({"api", "throughput"}).error,
            R"(no answer for sum(rate(http_requests_total{method="POST"}[47s])))");
  ASSERT_EQ(fake.queries.size(), 3u);
  EXPECT_EQ(fake.queries[0].first, "http://127.0.0.1:9090 " + latency_promql);
  EXPECT_DOUBLE_EQ(fake.queries[0].second, 1795600000.0);
}

TEST(MetricWindow, AQueryAnswerMustBeOneSeries) {
  FakeSources fake;
  suite::MetricSli sli;
  sli.query_url = "http://127.0.0.1:9090";
  sli.throughput_query = "many";
  sli.error_rate_query = "none";
  fake.query_answers.emplace("many", std::vector{sample(1), sample(2)});
  fake.query_answers.emplace("none", std::vector<prometheus::InstantSample>{});
  MetricWindow window(fake.sources());
  window.begin({metric_slo("api", sli, {objective(ObjectiveKind::Throughput), objective(ObjectiveKind::ErrorRate)})});
  const reports::MetricMeasurements m = window.end(5);
  EXPECT_EQ(m.at({"api", "throughput"}).error,
            "the query returned 2 series; an SLO needs one value (aggregate with sum or max)");
  EXPECT_EQ(m.at({"api", "error rate"}).error, "the query returned no series");
}

TEST(BudgetQueryFunction, SumsTheSeriesAndTakesNoSeriesAsZero) {
  FakeSources fake;
  fake.query_answers.emplace("errors", std::vector<prometheus::InstantSample>{});
  fake.query_answers.emplace("total", std::vector{sample(1.5), sample(2.5)});
  const reports::PromQueryFunction query = budget_query_function("http://127.0.0.1:9090", fake.sources());
  EXPECT_DOUBLE_EQ(*query("errors"), 0);
  EXPECT_DOUBLE_EQ(*query("total"), 4);
  EXPECT_EQ(query("bad").error().message, "no answer for bad");
}

// A /metrics endpoint on loopback that answers the "before" exposition first, then the fixture.
TEST(MetricWindow, EndToEndAgainstALoopbackEndpoint) {
  std::atomic<int> scrapes{0};
  const std::string after = read_fixture();
  probes::testing::TestServer server([&](const probes::testing::ReceivedRequest& request) {
    if (request.target != "/metrics") return probes::testing::respond(404, "not found");
    const bool first = scrapes++ == 0;
    return probes::testing::Reply{probes::testing::http_response(
        200, first ? std::string(kBefore) : after, {{"Content-Type", "text/plain; version=0.0.4; charset=utf-8"}})};
  });
  suite::MetricSli sli = counter_sli();
  sli.scrape_url = server.url("/metrics");
  MetricWindow window;
  window.begin({metric_slo("errors", sli, {objective(ObjectiveKind::ErrorRate)})});
  const reports::MetricMeasurements m = window.end(10);
  const reports::MetricMeasurement& errors = m.at({"errors", "error rate"});
  EXPECT_EQ(errors.error, "");
  ASSERT_TRUE(errors.value);
  EXPECT_DOUBLE_EQ(*errors.value, 8.0 / 23.0);
  EXPECT_EQ(scrapes.load(), 2);
}

}  // namespace
}  // namespace glassbox::runner
