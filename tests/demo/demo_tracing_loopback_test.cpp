// End to end over loopback: the real demo server, probed with glassbox's own HTTP client
// (which sends traceparent), exports its spans as OTLP/HTTP protobuf to a stand-in receiver.
#include <array>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "otlp_test_receiver.hpp"
#include "probes/demo/demo_service.hpp"
#include "probes/http/http_client.hpp"
#include "probes/http/trace_context.hpp"

namespace glassbox::probes {
namespace {

using opentelemetry::proto::trace::v1::Span;
using testing::attribute_text;
using testing::OtlpTestReceiver;
using testing::to_hex;

struct Probe {
  std::string trace_id;
  std::string probe_span_id;  // the parent-id the client put in traceparent
  int status = 0;
};

// Sends each (method, path, body) with its own trace id and waits for all answers.
std::vector<Probe> probe(const std::string& base_url,
                         const std::vector<std::array<std::string, 3>>& requests) {
  auto client = make_http_client(ClientOptions{});
  std::vector<Probe> probes(requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    HttpRequest request;
    request.method = requests[i][0];
    request.url = base_url + requests[i][1];
    request.body = requests[i][2];
    request.headers = {{"Content-Type", "application/json"}};
    request.trace_id = new_trace_id();
    probes[i].trace_id = request.trace_id;
    client->send(std::move(request), [&probes, i](HttpResponse response) {
      probes[i].status = response.status;
      if (!response.attempts.empty()) probes[i].probe_span_id = response.attempts.back().span_id;
    });
  }
  client->run();
  return probes;
}

// The spans of one trace, by name (a name seen twice keeps the last).
std::map<std::string, Span> spans_of(const std::vector<Span>& spans, const std::string& trace_id) {
  std::map<std::string, Span> by_name;
  for (const Span& span : spans) {
    if (to_hex(span.trace_id()) == trace_id) by_name[span.name()] = span;
  }
  return by_name;
}

TEST(DemoTracing, ExportsServerSpansParentedOnTheProbeWithBranchesAndLosesNoneOnStop) {
  OtlpTestReceiver receiver;
  DemoOptions options;
  options.otlp_endpoint = receiver.endpoint();
  auto demo = start_demo_service(options);
  ASSERT_TRUE(demo.ok()) << demo.error().message;

  const auto probes = probe((*demo)->base_url(),
                            {{{"POST", "/triangle", R"({"a":3,"b":4,"c":5})"}},
                             {{"POST", "/triangle", R"({"a":3,"b":4,"c":0})"}},
                             {{"POST", "/discount", R"({"member":true,"amount":50,"coupon":true})"}}});
  ASSERT_EQ(probes[0].status, 200);
  ASSERT_EQ(probes[1].status, 400);
  ASSERT_EQ(probes[2].status, 200);
  (*demo)->stop();  // returns after the exporter's final flush

  const std::vector<Span> spans = receiver.accepted_spans();
  for (const auto& request : receiver.requests()) {
    EXPECT_EQ(request.target, "/v1/traces");
    EXPECT_EQ(request.content_type, "application/x-protobuf");
  }
  // Every span emitted: 5 for a classified triangle, 3 for a refused one, 6 for a discount.
  EXPECT_EQ(spans.size(), 5u + 3u + 6u);

  const auto scalene = spans_of(spans, probes[0].trace_id);
  ASSERT_EQ(scalene.size(), 5u);
  const Span& server = scalene.at("POST /triangle");
  EXPECT_EQ(server.kind(), Span::SPAN_KIND_SERVER);
  EXPECT_EQ(to_hex(server.parent_span_id()), probes[0].probe_span_id);
  EXPECT_EQ(server.flags(), 0x301u);
  EXPECT_EQ(attribute_text(server, "http.route"), "/triangle");
  EXPECT_EQ(attribute_text(server, "http.response.status_code"), "200");
  EXPECT_EQ(attribute_text(server, "server.address"), "127.0.0.1");
  EXPECT_EQ(attribute_text(server, "server.port"), std::to_string((*demo)->port()));
  EXPECT_EQ(attribute_text(scalene.at("classify"), "branch"), "scalene");
  EXPECT_EQ(attribute_text(scalene.at("inequality"), "branch"), "holds");
  EXPECT_EQ(scalene.at("classify").parent_span_id(), server.span_id());
  EXPECT_GT(server.end_time_unix_nano(), server.start_time_unix_nano());

  const auto refused = spans_of(spans, probes[1].trace_id);
  ASSERT_EQ(refused.size(), 3u);
  EXPECT_EQ(to_hex(refused.at("POST /triangle").parent_span_id()), probes[1].probe_span_id);
  EXPECT_EQ(attribute_text(refused.at("validate"), "branch"), "out_of_range");
  EXPECT_EQ(attribute_text(refused.at("validate"), "field"), "c");
  EXPECT_EQ(attribute_text(refused.at("POST /triangle"), "http.response.status_code"), "400");

  const auto discount = spans_of(spans, probes[2].trace_id);
  ASSERT_EQ(discount.size(), 6u);
  EXPECT_EQ(to_hex(discount.at("POST /discount").parent_span_id()), probes[2].probe_span_id);
  EXPECT_EQ(attribute_text(discount.at("decide"), "branch"), "R1");
  EXPECT_EQ(attribute_text(discount.at("rule.R1"), "branch"), "member&coupon");
  EXPECT_EQ(attribute_text(discount.at("bonus"), "branch"), "none");
}

TEST(DemoTracing, WithoutAnEndpointNothingIsExported) {
  OtlpTestReceiver receiver;
  auto demo = start_demo_service(DemoOptions{});
  ASSERT_TRUE(demo.ok());
  ASSERT_EQ(probe((*demo)->base_url(), {{{"GET", "/healthz", ""}}})[0].status, 200);
  (*demo)->stop();
  EXPECT_TRUE(receiver.requests().empty());
}

TEST(DemoTracing, RejectsAnInvalidEndpoint) {
  DemoOptions options;
  options.otlp_endpoint = "localhost:4318";
  const auto demo = start_demo_service(options);
  ASSERT_FALSE(demo.ok());
  EXPECT_EQ(demo.error().message,
            "invalid OTLP endpoint 'localhost:4318': the scheme must be http:// or https://");
}

}  // namespace
}  // namespace glassbox::probes
