// Scraping a /metrics endpoint and querying a Prometheus API, both faked on loopback.
#include <atomic>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "probes/prometheus/promql_math.hpp"
#include "probes/prometheus/scrape.hpp"
#include "tests/probes/test_server.hpp"

namespace glassbox::prometheus {
namespace {

using probes::testing::ReceivedRequest;
using probes::testing::Reply;
using probes::testing::TestServer;

// A /metrics endpoint whose request counter grows by 7 (2 of them 5xx) between scrapes.
class FakeExporter final {
 public:
  FakeExporter() : server_([this](const ReceivedRequest& request) { return answer(request); }) {}
  std::string url() const { return server_.url("/metrics"); }
  const TestServer& server() const { return server_; }

 private:
  Reply answer(const ReceivedRequest& request) {
    if (request.target != "/metrics") return probes::testing::respond(404, "not found");
    const int scrape = scrapes_++;
    const std::string body = fmt::format(
        "# HELP requests_total Requests.\n"
        "# TYPE requests_total counter\n"
        "requests_total{{status=\"200\"}} {}\n"
        "requests_total{{status=\"503\"}} {}\n",
        10 + 5 * scrape, 1 + 2 * scrape);
    return Reply{probes::testing::http_response(200, body, {{"Content-Type", "text/plain; version=0.0.4; charset=utf-8"}})};
  }

  std::atomic<int> scrapes_{0};
  TestServer server_;
};

TEST(ScrapeMetrics, ScrapesTwiceAndComputesTheWindow) {
  const FakeExporter exporter;
  auto first = scrape_metrics(exporter.url());
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto second = scrape_metrics(exporter.url());
  ASSERT_TRUE(second.ok()) << second.error().message;

  EXPECT_EQ(first->format, ExpositionFormat::Text);
  auto increase = counter_increase_sum("requests_total", first->exposition, second->exposition);
  ASSERT_TRUE(increase.ok()) << increase.error().message;
  EXPECT_EQ(*increase, 7);
  auto errors = counter_ratio("requests_total", first->exposition, second->exposition, {},
                              {*LabelMatcher::make("status", MatchOp::Regex, "5..")});
  ASSERT_TRUE(errors.ok());
  EXPECT_DOUBLE_EQ(*errors, 2.0 / 7.0);
  const double seconds = std::chrono::duration<double>(second->taken_at - first->taken_at).count();
  EXPECT_GE(seconds, 0);

  const auto requests = exporter.server().requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].header("accept"),
            "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
}

TEST(ScrapeMetrics, ReadsOpenMetricsWhenTheContentTypeSaysSo) {
  const TestServer server([](const ReceivedRequest&) {
    return Reply{probes::testing::http_response(
        200, "# TYPE jobs counter\njobs_total 3 # {trace_id=\"ab\"} 1\n# EOF\n",
        {{"Content-Type", "application/openmetrics-text; version=1.0.0; charset=utf-8"}})};
  });
  auto scrape = scrape_metrics(server.url("/metrics"));
  ASSERT_TRUE(scrape.ok()) << scrape.error().message;
  EXPECT_EQ(scrape->format, ExpositionFormat::OpenMetrics);
  ASSERT_EQ(scrape->exposition.samples_named("jobs_total").size(), 1u);
  EXPECT_EQ(scrape->exposition.samples_named("jobs_total")[0]->value, 3);
}

TEST(ScrapeMetrics, ReportsStatusAndParseErrorsWithTheUrl) {
  const TestServer unavailable([](const ReceivedRequest&) { return probes::testing::respond(503, "busy"); });
  auto failed = scrape_metrics(unavailable.url("/metrics"));
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().message, fmt::format("scrape {}: answered HTTP 503", unavailable.url("/metrics")));

  const TestServer broken([](const ReceivedRequest&) { return probes::testing::respond(200, "ok 1\nbad{a=1} 2\n"); });
  auto unparsable = scrape_metrics(broken.url("/metrics"));
  ASSERT_FALSE(unparsable.ok());
  EXPECT_EQ(unparsable.error().message,
            fmt::format("scrape {}: metrics line 2, column 7: label value is not quoted", broken.url("/metrics")));
}

TEST(ScrapeMetrics, ReportsAnUnreachableEndpoint) {
  const std::string url = fmt::format("http://127.0.0.1:{}/metrics", probes::testing::closed_port());
  auto failed = scrape_metrics(url);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().message.rfind(fmt::format("scrape {}: ", url), 0), 0u) << failed.error().message;
}

Reply json(int status, std::string_view body) {
  return Reply{probes::testing::http_response(status, body, {{"Content-Type", "application/json"}})};
}

TEST(QueryInstant, ReturnsTheInstantVector) {
  const TestServer prometheus([](const ReceivedRequest&) {
    return json(200, R"({"status":"success","data":{"resultType":"vector","result":[
        {"metric":{"route":"/orders","__name__":"up"},"value":[1700000000.5,"0.25"]},
        {"metric":{},"value":[1700000000.5,"NaN"]}]}})");
  });
  auto samples = query_instant(prometheus.url("/"), "sum by (route) (rate(http_requests_total{status=~\"5..\"}[5m]))",
                               1700000000.0);
  ASSERT_TRUE(samples.ok()) << samples.error().message;
  ASSERT_EQ(samples->size(), 2u);
  EXPECT_EQ((*samples)[0].labels, (Labels{{"__name__", "up"}, {"route", "/orders"}}));
  EXPECT_EQ((*samples)[0].value, 0.25);
  EXPECT_EQ((*samples)[0].timestamp_seconds, 1700000000.5);
  EXPECT_TRUE(std::isnan((*samples)[1].value));

  const auto requests = prometheus.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].target,
            "/api/v1/query?query=sum%20by%20%28route%29%20%28rate%28http_requests_total%7Bstatus%3D~%225..%22%7D"
            "%5B5m%5D%29%29&time=1700000000.000");
}

TEST(QueryInstant, ReadsAScalar) {
  auto samples = decode_query_response(200, R"({"status":"success","data":{"resultType":"scalar","result":[1.5,"42"]}})");
  ASSERT_TRUE(samples.ok()) << samples.error().message;
  ASSERT_EQ(samples->size(), 1u);
  EXPECT_TRUE((*samples)[0].labels.empty());
  EXPECT_EQ((*samples)[0].value, 42);
}

TEST(QueryInstant, ReportsPrometheusErrors) {
  const TestServer prometheus([](const ReceivedRequest&) {
    return json(400, R"({"status":"error","errorType":"bad_data","error":"invalid parameter \"query\": 1:5: parse error: unexpected <EOF>"})");
  });
  auto failed = query_instant(prometheus.url(""), "rate(");
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().message,
            "prometheus query failed (bad_data): invalid parameter \"query\": 1:5: parse error: unexpected <EOF>");
  EXPECT_EQ(prometheus.requests().at(0).target, "/api/v1/query?query=rate%28");
}

TEST(QueryInstant, ReportsAnswersItCannotUse) {
  EXPECT_EQ(decode_query_response(502, "<html>bad gateway</html>\n").error().message,
            "prometheus query answered HTTP 502 with a body that is not JSON: <html>bad gateway</html>");
  EXPECT_EQ(decode_query_response(200, R"({"status":"success","data":{"resultType":"matrix","result":[]}})").error().message,
            "prometheus query returned a matrix result; an instant vector or scalar is needed");
  EXPECT_EQ(decode_query_response(200, R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,2]}]}})")
                .error()
                .message,
            "prometheus query answer has a value that is not [time, \"value\"]");
  EXPECT_EQ(decode_query_response(200, R"({"data":{}})").error().message,
            "prometheus query answered HTTP 200 without a status field");
  EXPECT_EQ(decode_query_response(200, R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"x"]}]}})")
                .error()
                .message,
            "prometheus query answer has a value 'x' that is not a number");
}

}  // namespace
}  // namespace glassbox::prometheus
