// Failures of the HTTP probe: retries, timeouts, caps, malformed answers, resets,
// cancellation and the pre-flight reachability check.
#include "probes/http/http_client.hpp"

#include <atomic>
#include <future>
#include <mutex>
#include <set>
#include <thread>

#include <fmt/core.h>
#include <gtest/gtest.h>

#include "probes/http/trace_context.hpp"
#include "tests/probes/client_helpers.hpp"
#include "tests/probes/test_server.hpp"

namespace glassbox::probes {
namespace {

using namespace std::chrono_literals;
using testing::closed_port;
using testing::fetch;
using testing::get;
using testing::ReceivedRequest;
using testing::Reply;
using testing::respond;
using testing::TestServer;

HttpRequest with_retry(HttpRequest request, int retries, std::vector<int> on_status = {},
                       std::chrono::milliseconds backoff = 1ms) {
  request.retry.retries = retries;
  request.retry.backoff = backoff;
  request.retry.on_status = std::move(on_status);
  return request;
}

TEST(HttpClientRetry, RetriesAListedStatusUnderOneTraceIdWithAFreshSpanPerAttempt) {
  std::atomic<int> seen{0};
  TestServer flaky([&](const ReceivedRequest&) { return ++seen < 3 ? respond(503, "busy") : respond(200, "ok"); });
  HttpRequest request = with_retry(get(flaky.url()), 3, {502, 503});
  request.trace_id = "0af7651916cd43dd8448eb211c80319c";
  const HttpResponse response = fetch(request);

  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "ok");
  ASSERT_EQ(response.attempts.size(), 3u);
  EXPECT_EQ(response.attempts[0].status, 503);
  EXPECT_EQ(response.attempts[1].status, 503);
  EXPECT_EQ(response.attempts[2].status, 200);
  EXPECT_EQ(response.latency_ms, response.attempts[2].latency_ms);

  const auto received = flaky.requests();
  ASSERT_EQ(received.size(), 3u);
  std::set<std::string> span_ids;
  for (std::size_t i = 0; i < received.size(); ++i) {
    const auto parsed = parse_traceparent(received[i].header("traceparent"));
    ASSERT_TRUE(parsed.has_value()) << received[i].header("traceparent");
    EXPECT_EQ(parsed->trace_id, "0af7651916cd43dd8448eb211c80319c");
    EXPECT_EQ(parsed->parent_id, response.attempts[i].span_id);
    span_ids.insert(parsed->parent_id);
  }
  EXPECT_EQ(span_ids.size(), 3u);
}

TEST(HttpClientRetry, NeverRetriesAStatusThatIsNotListed) {
  TestServer server([](const ReceivedRequest&) { return respond(404, "no such order"); });
  const HttpResponse response = fetch(with_retry(get(server.url()), 3, {503}));
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.body, "no such order");
  EXPECT_EQ(response.attempts.size(), 1u);
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST(HttpClientRetry, GivesUpOnARefusedConnectionWithAConnectError) {
  const auto port = closed_port();
  const HttpResponse response = fetch(with_retry(get(fmt::format("http://127.0.0.1:{}/", port)), 2));
  EXPECT_EQ(response.error, ErrorKind::Connect);
  EXPECT_EQ(response.error_message, fmt::format("connect to 127.0.0.1:{}: connection refused", port));
  EXPECT_EQ(response.status, 0);
  ASSERT_EQ(response.attempts.size(), 3u);
  for (const auto& attempt : response.attempts) EXPECT_EQ(attempt.error, ErrorKind::Connect);
}

TEST(HttpClientRetry, DoublesTheBackoffAfterEachAttempt) {
  TestServer server([](const ReceivedRequest&) { return respond(503); });
  const auto start = std::chrono::steady_clock::now();
  const HttpResponse response = fetch(with_retry(get(server.url()), 2, {503}, 30ms));
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(response.attempts.size(), 3u);
  EXPECT_GE(elapsed, 30ms + 60ms);
}

TEST(HttpClientFailure, TimesOutASlowServer) {
  TestServer server([](const ReceivedRequest&) {
    Reply reply = respond(200);
    reply.delay = 5s;
    return reply;
  });
  HttpRequest request = with_retry(get(server.url()), 1);
  request.timeout = 100ms;
  const HttpResponse response = fetch(request);
  EXPECT_EQ(response.error, ErrorKind::Timeout);
  EXPECT_EQ(response.error_message, server.host_port() + ": no response within 100 ms");
  ASSERT_EQ(response.attempts.size(), 2u);   // a timeout is a system error: retried
  EXPECT_GE(response.latency_ms, 100.0);
}

TEST(HttpClientFailure, RejectsABodyOverTheDefaultCapFromItsContentLength) {
  TestServer server([](const ReceivedRequest&) { return Reply{"HTTP/1.1 200 OK\r\nContent-Length: 9000000\r\n\r\n"}; });
  const HttpResponse response = fetch(get(server.url()));
  EXPECT_EQ(response.error, ErrorKind::TooLarge);
  EXPECT_EQ(response.error_message, server.host_port() + ": response body exceeds the 8388608-byte cap");
}

TEST(HttpClientFailure, RejectsAChunkedBodyOverAConfiguredCap) {
  TestServer server([](const ReceivedRequest&) {
    std::string chunk(4096, 'x');
    return Reply{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n" + chunk + "\r\n0\r\n\r\n"};
  });
  ClientOptions options;
  options.max_response_bytes = 1024;
  const HttpResponse response = fetch(get(server.url()), options);
  EXPECT_EQ(response.error, ErrorKind::TooLarge);
  EXPECT_EQ(response.error_message, server.host_port() + ": response body exceeds the 1024-byte cap");
}

TEST(HttpClientFailure, ReportsAMalformedStatusLineAsAProtocolError) {
  TestServer server([](const ReceivedRequest&) { return Reply{"HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n"}; });
  const HttpResponse response = fetch(with_retry(get(server.url()), 2));
  EXPECT_EQ(response.error, ErrorKind::Protocol);
  EXPECT_EQ(response.error_message, server.host_port() + ": malformed response: bad status");
  EXPECT_EQ(response.attempts.size(), 1u);   // not a system error: not retried
}

TEST(HttpClientFailure, ReportsBadChunkedEncodingAsAProtocolError) {
  TestServer server([](const ReceivedRequest&) {
    return Reply{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"};
  });
  const HttpResponse response = fetch(get(server.url()));
  EXPECT_EQ(response.error, ErrorKind::Protocol);
  EXPECT_EQ(response.error_message, server.host_port() + ": malformed response: bad chunk");
}

TEST(HttpClientFailure, ReportsAServerClosingMidBodyAsReset) {
  TestServer server([](const ReceivedRequest&) {
    return Reply{"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789", {}, Reply::After::Close};
  });
  const HttpResponse response = fetch(get(server.url()));
  EXPECT_EQ(response.error, ErrorKind::Reset);
  EXPECT_EQ(response.error_message, server.host_port() + ": connection closed mid-response");
  EXPECT_EQ(response.body, "");
}

TEST(HttpClientFailure, ReportsAFreshConnectionClosedBeforeAResponseAsReset) {
  TestServer server([](const ReceivedRequest&) { return Reply{"", {}, Reply::After::Close}; });
  const HttpResponse response = fetch(get(server.url()));
  EXPECT_EQ(response.error, ErrorKind::Reset);
  EXPECT_EQ(response.error_message, server.host_port() + ": connection closed before a response");
  EXPECT_EQ(response.attempts.size(), 1u);
  EXPECT_EQ(server.connections(), 1);
}

TEST(HttpClientFailure, RejectsAnInvalidUrlWithoutAnAttempt) {
  const HttpResponse response = fetch(get("ftp://127.0.0.1/"));
  EXPECT_EQ(response.error, ErrorKind::InvalidUrl);
  EXPECT_EQ(response.error_message, "invalid URL 'ftp://127.0.0.1/': the scheme must be http:// or https://");
  EXPECT_TRUE(response.attempts.empty());
}

TEST(HttpClientCancel, CancelFromAnotherThreadEndsRunAndFailsEveryRequest) {
  std::promise<void> first_request_arrived;
  std::once_flag once;
  TestServer server([&](const ReceivedRequest&) {
    std::call_once(once, [&] { first_request_arrived.set_value(); });
    Reply reply = respond(200);
    reply.delay = 30s;
    return reply;
  });
  ClientOptions options;
  options.max_connections_per_host = 1;   // one request in flight, two queued
  auto client = make_http_client(options);
  std::vector<HttpResponse> responses;
  for (int i = 0; i < 3; ++i) {
    HttpRequest request = get(server.url());
    request.timeout = 30s;
    client->send(request, [&](HttpResponse response) { responses.push_back(std::move(response)); });
  }
  std::thread canceller([&] {
    first_request_arrived.get_future().wait();
    client->cancel();
  });
  client->run();
  canceller.join();

  ASSERT_EQ(responses.size(), 3u);
  for (const auto& response : responses) {
    EXPECT_EQ(response.error, ErrorKind::Cancelled);
    EXPECT_EQ(response.error_message, "cancelled");
  }

  // Later requests complete with Cancelled too, without touching the network.
  client->send(get(server.url()), [&](HttpResponse response) { responses.push_back(std::move(response)); });
  client->run();
  ASSERT_EQ(responses.size(), 4u);
  EXPECT_EQ(responses[3].error, ErrorKind::Cancelled);
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST(CheckReachable, NamesTheAddressThatRefused) {
  const auto port = closed_port();
  const std::string url = fmt::format("http://127.0.0.1:{}/", port);
  const Status status = check_reachable(url, 2000ms);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message, fmt::format("cannot connect to 127.0.0.1:{} ({}): connection refused", port, url));
}

TEST(CheckReachable, SucceedsForAListeningServerWithoutSendingARequest) {
  TestServer server([](const ReceivedRequest&) { return respond(200); });
  EXPECT_TRUE(check_reachable(server.url("/health"), 2000ms).ok());
  EXPECT_TRUE(server.requests().empty());
}

TEST(CheckReachable, RejectsAnInvalidUrl) {
  EXPECT_EQ(check_reachable("localhost:8080", 2000ms).error().message,
            "invalid URL 'localhost:8080': the scheme must be http:// or https://");
}

}  // namespace
}  // namespace glassbox::probes
