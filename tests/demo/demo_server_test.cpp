// Loopback tests of the real demo server: port 0, real sockets, a small Beast client.
#include <chrono>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <gtest/gtest.h>

#include "probes/demo/demo_service.hpp"

namespace glassbox::probes {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr auto kClientTimeout = std::chrono::seconds(10);

struct Reply {
  beast::error_code error;
  http::response<http::string_body> response;
};

// One client connection. Async operations with a deadline, run to completion on the
// client's own io_context, so a misbehaving server fails the test instead of hanging it.
class TestClient final {
 public:
  explicit TestClient(std::uint16_t port) {
    stream_.expires_after(kClientTimeout);
    stream_.async_connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port),
                          [this](beast::error_code ec) { connect_error_ = ec; });
    ioc_.run();
  }

  const beast::error_code& connect_error() const { return connect_error_; }

  Reply send(http::request<http::string_body> request) {
    request.set(http::field::host, "127.0.0.1");
    request.prepare_payload();
    Reply reply;
    stream_.expires_after(kClientTimeout);
    http::async_write(stream_, request, [&](beast::error_code ec, std::size_t) {
      if (ec) {
        reply.error = ec;
        return;
      }
      http::async_read(stream_, buffer_, reply.response,
                       [&](beast::error_code read_ec, std::size_t) { reply.error = read_ec; });
    });
    run();
    return reply;
  }

  Reply send(http::verb method, std::string target, std::string body = "") {
    http::request<http::string_body> request{method, target, 11};
    request.body() = std::move(body);
    return send(std::move(request));
  }

  // Writes raw bytes and reads one response.
  Reply send_raw(const std::string& bytes) {
    Reply reply;
    stream_.expires_after(kClientTimeout);
    net::async_write(stream_, net::buffer(bytes), [&](beast::error_code ec, std::size_t) {
      if (ec) {
        reply.error = ec;
        return;
      }
      http::async_read(stream_, buffer_, reply.response,
                       [&](beast::error_code read_ec, std::size_t) { reply.error = read_ec; });
    });
    run();
    return reply;
  }

  // The error of reading once more: end of stream when the server has closed the connection.
  beast::error_code read_after_close() {
    beast::error_code result;
    char byte = 0;
    stream_.expires_after(kClientTimeout);
    stream_.async_read_some(net::buffer(&byte, 1),
                            [&](beast::error_code ec, std::size_t) { result = ec; });
    run();
    return result;
  }

 private:
  void run() {
    ioc_.restart();
    ioc_.run();
  }

  net::io_context ioc_;
  beast::tcp_stream stream_{ioc_};
  beast::flat_buffer buffer_;
  beast::error_code connect_error_;
};

std::unique_ptr<DemoService> start_on_free_port() {
  auto service = start_demo_service({});
  if (!service) ADD_FAILURE() << service.error().message;
  return std::move(service).value();
}

TEST(DemoServer, ServesSeveralRequestsOnOneKeepAliveConnection) {
  auto service = start_on_free_port();
  TestClient client(service->port());
  ASSERT_FALSE(client.connect_error()) << client.connect_error().message();

  const Reply health = client.send(http::verb::get, "/healthz");
  ASSERT_FALSE(health.error) << health.error.message();
  EXPECT_EQ(health.response.result_int(), 200);
  EXPECT_EQ(health.response.body(), R"({"status":"ok"})");
  EXPECT_EQ(health.response[http::field::content_type], "application/json");
  EXPECT_TRUE(health.response.keep_alive());

  const Reply triangle = client.send(http::verb::post, "/triangle", R"({"a":3,"b":4,"c":5})");
  ASSERT_FALSE(triangle.error) << triangle.error.message();
  EXPECT_EQ(triangle.response.body(), R"({"kind":"scalene"})");

  const Reply next = client.send(http::verb::get, "/nextdate?date=2212-12-31");
  ASSERT_FALSE(next.error) << next.error.message();
  EXPECT_EQ(next.response.body(), R"({"next":"2213-01-01"})");

  const Reply order = client.send(http::verb::post, "/orders", R"({"item":"pen","quantity":1})");
  ASSERT_FALSE(order.error) << order.error.message();
  EXPECT_EQ(order.response.result_int(), 201);
  EXPECT_EQ(order.response[http::field::location], "/orders/o-1");
}

TEST(DemoServer, AnswersGenericErrorsOverTheWire) {
  auto service = start_on_free_port();
  TestClient client(service->port());

  const Reply unknown = client.send(http::verb::get, "/nope");
  EXPECT_EQ(unknown.response.result_int(), 404);
  EXPECT_EQ(unknown.response.body(), R"({"error":"not found"})");

  const Reply wrong_method = client.send(http::verb::delete_, "/triangle");
  EXPECT_EQ(wrong_method.response.result_int(), 405);
  EXPECT_EQ(wrong_method.response[http::field::allow], "POST");
  EXPECT_EQ(wrong_method.response.body(), R"({"error":"method not allowed"})");

  const Reply malformed = client.send(http::verb::post, "/discount", R"({"member":tru)");
  EXPECT_EQ(malformed.response.result_int(), 400);
  EXPECT_EQ(malformed.response.body(), R"({"error":"malformed JSON"})");
  EXPECT_TRUE(malformed.response.keep_alive()) << "a business error keeps the connection";
}

TEST(DemoServer, EchoesTheTraceIdOfTheTraceparentHeader) {
  auto service = start_on_free_port();
  TestClient client(service->port());
  http::request<http::string_body> request{http::verb::get, "/healthz", 11};
  request.set("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  const Reply traced = client.send(std::move(request));
  EXPECT_EQ(traced.response["x-trace-id"], "4bf92f3577b34da6a3ce929d0e0e4736");

  const Reply untraced = client.send(http::verb::get, "/healthz");
  EXPECT_EQ(untraced.response.count("x-trace-id"), 0u);
}

TEST(DemoServer, RejectsABodyOverOneMebibyteWith413AndCloses) {
  auto service = start_on_free_port();
  TestClient client(service->port());
  const Reply reply = client.send(http::verb::post, "/triangle", std::string((1u << 20) + 1, ' '));
  ASSERT_FALSE(reply.error) << reply.error.message();
  EXPECT_EQ(reply.response.result_int(), 413);
  EXPECT_EQ(reply.response.body(), R"({"error":"body too large","limit":1048576})");
  EXPECT_FALSE(reply.response.keep_alive());
}

TEST(DemoServer, AcceptsABodyOfExactlyOneMebibyte) {
  auto service = start_on_free_port();
  TestClient client(service->port());
  const std::string body = "{" + std::string((1u << 20) - 2, ' ') + "}";
  const Reply reply = client.send(http::verb::post, "/triangle", body);
  ASSERT_FALSE(reply.error) << reply.error.message();
  EXPECT_EQ(reply.response.result_int(), 400);
  EXPECT_EQ(reply.response.body(), R"({"error":"missing field","field":"a"})");
}

TEST(DemoServer, AnswersMalformedHttpWith400AndCloses) {
  auto service = start_on_free_port();
  TestClient client(service->port());
  const Reply reply = client.send_raw("GET /healthz HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n");
  ASSERT_FALSE(reply.error) << reply.error.message();
  EXPECT_EQ(reply.response.result_int(), 400);
  EXPECT_EQ(reply.response.body(), R"({"error":"malformed request"})");
  EXPECT_EQ(client.read_after_close(), net::error::eof);
}

TEST(DemoServer, ClosesTheConnectionWhenTheClientAsks) {
  auto service = start_on_free_port();
  TestClient client(service->port());
  http::request<http::string_body> request{http::verb::get, "/healthz", 11};
  request.keep_alive(false);
  const Reply reply = client.send(std::move(request));
  EXPECT_EQ(reply.response.result_int(), 200);
  EXPECT_FALSE(reply.response.keep_alive());
  EXPECT_EQ(client.read_after_close(), net::error::eof);
}

TEST(DemoServer, ServesInterleavedConnections) {
  auto service = start_on_free_port();
  TestClient first(service->port());
  TestClient second(service->port());
  EXPECT_EQ(
      first.send(http::verb::post, "/orders", R"({"item":"a","quantity":1})").response.result_int(),
      201);
  EXPECT_EQ(second.send(http::verb::post, "/orders/o-1/pay").response.body(),
            R"({"id":"o-1","item":"a","quantity":1,"state":"paid"})");
  EXPECT_EQ(first.send(http::verb::post, "/orders/o-1/pay").response.body(),
            R"({"error":"invalid transition","event":"pay","state":"paid"})");
}

TEST(DemoServer, ReportsItsBaseUrl) {
  auto service = start_on_free_port();
  EXPECT_NE(service->port(), 0);
  EXPECT_EQ(service->base_url(), "http://127.0.0.1:" + std::to_string(service->port()));
}

TEST(DemoServer, RefusesConnectionsAfterStopAndStopsOnlyOnce) {
  auto service = start_on_free_port();
  const std::uint16_t port = service->port();
  TestClient before(port);
  ASSERT_FALSE(before.connect_error());
  service->stop();
  service->stop();
  EXPECT_EQ(TestClient(port).connect_error(), net::error::connection_refused);
  EXPECT_NE(before.read_after_close(), beast::error_code()) << "open connections are closed";
}

TEST(DemoServer, StopsWhenDestroyed) {
  std::uint16_t port = 0;
  {
    auto service = start_on_free_port();
    port = service->port();
    TestClient idle(port);  // an open keep-alive connection must not block the shutdown
    ASSERT_FALSE(idle.connect_error());
  }
  EXPECT_EQ(TestClient(port).connect_error(), net::error::connection_refused);
}

TEST(DemoServer, ReportsAnOccupiedPort) {
  auto first = start_on_free_port();
  DemoOptions options;
  options.port = first->port();
  const auto second = start_demo_service(options);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().message, "cannot listen on 127.0.0.1:" + std::to_string(first->port()) +
                                        ": address already in use");
}

TEST(DemoServer, ReportsAnAddressThatIsNotAnIpAddress) {
  DemoOptions options;
  options.address = "localhost:80";
  options.port = 8080;
  const auto service = start_demo_service(options);
  ASSERT_FALSE(service.ok());
  EXPECT_EQ(service.error().message, "cannot listen on localhost:80:8080: not an IP address");
}

}  // namespace
}  // namespace glassbox::probes
