// Round trips, trace context and connection pooling of the HTTP probe, against a loopback
// server.
#include "probes/http/http_client.hpp"

#include <set>

#include <gtest/gtest.h>

#include "probes/http/trace_context.hpp"
#include "tests/probes/client_helpers.hpp"
#include "tests/probes/test_server.hpp"

namespace glassbox::probes {
namespace {

using testing::fetch;
using testing::fetch_all;
using testing::get;
using testing::ReceivedRequest;
using testing::Reply;
using testing::respond;
using testing::TestServer;

std::string header_of(const HttpResponse& response, std::string_view name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return "<absent>";
}

TEST(HttpClient, GetReturnsStatusHeadersAndBody) {
  TestServer server([](const ReceivedRequest&) {
    return Reply{testing::http_response(200, "hello", {{"X-Reply", "yes"}})};
  });
  const HttpResponse response = fetch(get(server.url("/greeting?lang=en")));
  EXPECT_EQ(response.error, ErrorKind::None) << response.error_message;
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "hello");
  EXPECT_EQ(header_of(response, "X-Reply"), "yes");
  ASSERT_EQ(response.attempts.size(), 1u);
  EXPECT_EQ(response.attempts[0].status, 200);
  EXPECT_GT(response.latency_ms, 0.0);
  EXPECT_EQ(response.latency_ms, response.attempts[0].latency_ms);

  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "GET");
  EXPECT_EQ(requests[0].target, "/greeting?lang=en");
  EXPECT_EQ(requests[0].header("Host"), server.host_port());
  EXPECT_EQ(requests[0].header("User-Agent"), "glassbox");
  EXPECT_EQ(requests[0].header("Content-Length"), "");
}

TEST(HttpClient, PostSendsBodyContentLengthAndCallerHeaders) {
  TestServer server([](const ReceivedRequest& request) {
    return Reply{testing::http_response(201, "got " + request.body)};
  });
  HttpRequest request = get(server.url("/orders"));
  request.method = "POST";
  request.body = R"({"item":"pen"})";
  request.headers = {{"Content-Type", "application/json"}, {"X-Case", "42"}};
  ClientOptions options;
  options.user_agent = "glassbox-test/1";
  const HttpResponse response = fetch(request, options);
  EXPECT_EQ(response.status, 201) << response.error_message;
  EXPECT_EQ(response.body, R"(got {"item":"pen"})");

  const auto received = server.requests();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].method, "POST");
  EXPECT_EQ(received[0].body, R"({"item":"pen"})");
  EXPECT_EQ(received[0].header("Content-Length"), "14");
  EXPECT_EQ(received[0].header("Content-Type"), "application/json");
  EXPECT_EQ(received[0].header("X-Case"), "42");
  EXPECT_EQ(received[0].header("User-Agent"), "glassbox-test/1");
}

TEST(HttpClient, HeadRequestDoesNotWaitForTheAdvertisedBody) {
  TestServer server([](const ReceivedRequest&) { return Reply{"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"}; });
  HttpRequest request = get(server.url());
  request.method = "HEAD";
  request.timeout = std::chrono::milliseconds(2000);
  const HttpResponse response = fetch(request);
  EXPECT_EQ(response.error, ErrorKind::None) << response.error_message;
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "");
}

TEST(HttpClient, SendsTraceparentWithTheCaseTraceIdReplacingTheCallers) {
  TestServer server([](const ReceivedRequest&) { return respond(204); });
  HttpRequest request = get(server.url());
  request.trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
  request.headers = {{"traceparent", "00-11111111111111111111111111111111-2222222222222222-01"}};
  const HttpResponse response = fetch(request);
  ASSERT_EQ(response.attempts.size(), 1u);

  const auto received = server.requests();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].header("traceparent"),
            "00-4bf92f3577b34da6a3ce929d0e0e4736-" + response.attempts[0].span_id + "-01");
  int traceparents = 0;
  for (const auto& [name, value] : received[0].headers) traceparents += name == "traceparent" ? 1 : 0;
  EXPECT_EQ(traceparents, 1);
}

TEST(HttpClient, GeneratesATraceIdWhenTheRequestHasNone) {
  TestServer server([](const ReceivedRequest&) { return respond(200); });
  fetch(get(server.url()));
  const auto parsed = parse_traceparent(server.requests().at(0).header("traceparent"));
  ASSERT_TRUE(parsed.has_value());
  EXPECT_TRUE(parsed->sampled);
}

TEST(HttpClient, RejectsAMalformedTraceIdWithoutSending) {
  TestServer server([](const ReceivedRequest&) { return respond(200); });
  HttpRequest request = get(server.url());
  request.trace_id = "ABC";
  const HttpResponse response = fetch(request);
  EXPECT_EQ(response.error, ErrorKind::InvalidUrl);
  EXPECT_EQ(response.error_message, "invalid trace id 'ABC': expected 32 lowercase hex digits, not all zero");
  EXPECT_TRUE(server.requests().empty());
}

TEST(HttpClient, ReusesOneConnectionForSequentialRequests) {
  TestServer server([](const ReceivedRequest&) { return respond(200, "ok"); });
  auto client = make_http_client({});
  std::vector<HttpResponse> responses;
  // Each callback sends the next request: the way the runner chains the steps of a case.
  std::function<void()> next = [&] {
    client->send(get(server.url()), [&](HttpResponse response) {
      responses.push_back(std::move(response));
      if (responses.size() < 5) next();
    });
  };
  next();
  client->run();
  ASSERT_EQ(responses.size(), 5u);
  for (const auto& response : responses) EXPECT_EQ(response.status, 200) << response.error_message;
  EXPECT_EQ(server.connections(), 1);
}

TEST(HttpClient, NeverOpensMoreThanMaxConnectionsPerHost) {
  TestServer server([](const ReceivedRequest&) {
    Reply reply = respond(200);
    reply.delay = std::chrono::milliseconds(50);   // so that requests overlap
    return reply;
  });
  ClientOptions options;
  options.max_connections_per_host = 2;
  std::vector<HttpRequest> requests(8, get(server.url()));
  const auto responses = fetch_all(requests, options);
  for (const auto& response : responses) EXPECT_EQ(response.status, 200) << response.error_message;
  EXPECT_EQ(server.connections(), 2);
  EXPECT_EQ(server.max_concurrent_requests(), 2);
}

TEST(HttpClient, RetriesOnAFreshConnectionWhenAnIdleOneWasClosedByTheServer) {
  // Answers the first request of every connection and drops the connection on the
  // second, as a server does whose keep-alive timeout raced the client's next request.
  TestServer server([](const ReceivedRequest& request) {
    if (request.on_connection == 1) return respond(200);
    return Reply{"", {}, Reply::After::Close};
  });
  auto client = make_http_client({});
  std::vector<HttpResponse> responses;
  std::function<void()> next = [&] {
    client->send(get(server.url()), [&](HttpResponse response) {
      responses.push_back(std::move(response));
      if (responses.size() < 3) next();
    });
  };
  next();
  client->run();
  ASSERT_EQ(responses.size(), 3u);
  for (const auto& response : responses) {
    EXPECT_EQ(response.status, 200) << response.error_message;
    EXPECT_EQ(response.attempts.size(), 1u);
  }
  EXPECT_EQ(server.connections(), 3);
}

TEST(HttpClient, DoesNotReuseAConnectionTheServerAskedToClose) {
  TestServer server([](const ReceivedRequest&) {
    return Reply{testing::http_response(200, "", {{"Connection", "close"}})};   // but leaves it open
  });
  auto client = make_http_client({});
  int done = 0;
  std::function<void()> next = [&] {
    client->send(get(server.url()), [&](HttpResponse response) {
      EXPECT_EQ(response.status, 200) << response.error_message;
      if (++done < 2) next();
    });
  };
  next();
  client->run();
  EXPECT_EQ(done, 2);
  EXPECT_EQ(server.connections(), 2);
}

TEST(HttpClient, IdleConnectionsClosedByTheServerCostNoAttempts) {
  // Closes after every response without saying so: the next request finds the idle
  // connection dead, either before sending or when the read hits end-of-stream.
  TestServer server([](const ReceivedRequest&) { return Reply{testing::http_response(200), {}, Reply::After::Close}; });
  auto client = make_http_client({});
  std::vector<HttpResponse> responses;
  std::function<void()> next = [&] {
    client->send(get(server.url()), [&](HttpResponse response) {
      responses.push_back(std::move(response));
      if (responses.size() < 4) next();
    });
  };
  next();
  client->run();
  ASSERT_EQ(responses.size(), 4u);
  for (const auto& response : responses) {
    EXPECT_EQ(response.status, 200) << response.error_message;
    EXPECT_EQ(response.attempts.size(), 1u);
  }
  EXPECT_EQ(server.connections(), 4);
}

TEST(HttpClient, KeepsASeparatePoolPerOrigin) {
  TestServer first([](const ReceivedRequest&) { return respond(200, "first"); });
  TestServer second([](const ReceivedRequest&) { return respond(200, "second"); });
  ClientOptions options;
  options.max_connections_per_host = 1;
  std::vector<HttpRequest> requests;
  for (int i = 0; i < 3; ++i) {
    requests.push_back(get(first.url()));
    requests.push_back(get(second.url()));
  }
  const auto responses = fetch_all(requests, options);
  for (std::size_t i = 0; i < responses.size(); ++i) {
    EXPECT_EQ(responses[i].body, i % 2 == 0 ? "first" : "second") << responses[i].error_message;
  }
  EXPECT_EQ(first.connections(), 1);
  EXPECT_EQ(second.connections(), 1);
}

TEST(HttpClient, ServesManyConcurrentRequestsOverAFewConnections) {
  TestServer server([](const ReceivedRequest& request) { return respond(200, request.target); });
  ClientOptions options;
  options.max_connections_per_host = 4;
  std::vector<HttpRequest> requests;
  for (int i = 0; i < 200; ++i) requests.push_back(get(server.url("/n/" + std::to_string(i))));
  const auto responses = fetch_all(requests, options);
  for (int i = 0; i < 200; ++i) {
    EXPECT_EQ(responses[i].body, "/n/" + std::to_string(i)) << responses[i].error_message;
  }
  EXPECT_LE(server.connections(), 4);
}

}  // namespace
}  // namespace glassbox::probes
