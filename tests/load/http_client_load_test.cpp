// What the probe's HTTP client offers the load engine: post_at timers, unsampled trace
// context, status-only responses.
#include <chrono>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "loopback_server.hpp"
#include "probes/http/http_client.hpp"
#include "probes/http/trace_context.hpp"

namespace glassbox::probes::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

HttpRequest get(const LoopbackServer& server) {
  HttpRequest request;
  request.url = server.url("/");
  request.timeout = 5000ms;
  return request;
}

TEST(HttpClientPostAt, RunsCallsInTimeOrderOnTheClientsThreadAndRunWaitsForThem) {
  auto client = make_http_client({});
  std::vector<int> order;
  const auto start = Clock::now();
  client->post_at(start + 60ms, [&] { order.push_back(3); });
  client->post_at(start + 20ms, [&] {
    order.push_back(1);
    client->post_at(Clock::now() + 10ms, [&] { order.push_back(2); });
  });
  client->post_at(start - 1s, [&] { order.push_back(0); });   // already due
  client->run();

  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_GE(Clock::now() - start, 60ms);
}

TEST(HttpClientPostAt, CancelDropsPendingCalls) {
  auto client = make_http_client({});
  bool ran = false;
  const auto start = Clock::now();
  client->post_at(start + 30s, [&] { ran = true; });
  client->post_at(start, [&] { client->cancel(); });
  client->run();

  EXPECT_FALSE(ran);
  EXPECT_LT(Clock::now() - start, 5s);
}

TEST(HttpClientLoadRequests, StatusOnlyKeepsNoHeadersBodyOrAttempts) {
  LoopbackServer server;
  auto client = make_http_client({});
  HttpRequest request = get(server);
  request.keep = HttpRequest::Keep::StatusOnly;
  std::vector<HttpResponse> responses;
  for (int i = 0; i < 3; ++i) client->send(request, [&](HttpResponse response) { responses.push_back(std::move(response)); });
  client->run();

  ASSERT_EQ(responses.size(), 3u);
  for (const HttpResponse& response : responses) {
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.error, ErrorKind::None);
    EXPECT_TRUE(response.headers.empty());
    EXPECT_EQ(response.body, "");
    EXPECT_TRUE(response.attempts.empty());
    EXPECT_GT(response.latency_ms, 0);
  }
}

TEST(HttpClientLoadRequests, FullResponsesAfterStatusOnlyOnesStillCarryEverything) {
  // Exchanges are reused: a status-only one must not leave a later full one short.
  LoopbackServer server;
  auto client = make_http_client({});
  HttpRequest quiet = get(server);
  quiet.keep = HttpRequest::Keep::StatusOnly;
  HttpResponse full;
  client->send(quiet, [&](HttpResponse) { client->send(get(server), [&](HttpResponse response) { full = std::move(response); }); });
  client->run();

  EXPECT_EQ(full.status, 200);
  EXPECT_EQ(full.body, "ok");
  ASSERT_EQ(full.headers.size(), 2u);
  EXPECT_EQ(full.headers[0], (std::pair<std::string, std::string>{"Content-Type", "text/plain"}));
  ASSERT_EQ(full.attempts.size(), 1u);
}

TEST(HttpClientLoadRequests, UnsampledRequestsCarryTraceFlags00) {
  LoopbackServer server;
  HttpRequest request = get(server);
  request.trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
  request.sampled = false;
  auto client = make_http_client({});
  HttpResponse answer;
  client->send(request, [&](HttpResponse response) { answer = std::move(response); });
  client->run();

  ASSERT_EQ(server.heads().size(), 1u);
  ASSERT_EQ(answer.attempts.size(), 1u);
  const std::string expected = "\r\ntraceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-" + answer.attempts[0].span_id + "-00\r\n";
  EXPECT_NE((server.heads()[0] + "\r\n").find(expected), std::string::npos) << server.heads()[0];
}

TEST(TraceContext, TraceparentWithoutTheSampledFlag) {
  EXPECT_EQ(make_traceparent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags::NotSampled),
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
}

}  // namespace
}  // namespace glassbox::probes::testing
