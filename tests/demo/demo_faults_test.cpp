// The demo's injected faults: parsing, the deterministic choice of requests, and the real
// server on loopback (predicted counts; a delayed request does not hold up another one).
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "probes/demo/demo_faults.hpp"
#include "probes/demo/demo_service.hpp"

namespace glassbox::probes {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

std::string parse_error(std::string_view query) {
  auto parsed = parse_demo_faults(query);
  return parsed ? std::string("(parsed)") : parsed.error().message;
}

TEST(DemoFaults, ParsesEveryKey) {
  auto parsed =
      parse_demo_faults("latency_ms=300&latency_ratio=0.02&error_ratio=0.01&error_status=503&paths=/triangle");
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->latency_ms, 300);
  EXPECT_DOUBLE_EQ(parsed->latency_ratio, 0.02);
  EXPECT_DOUBLE_EQ(parsed->error_ratio, 0.01);
  EXPECT_EQ(parsed->error_status, 503);
  EXPECT_EQ(parsed->paths, "/triangle");
}

TEST(DemoFaults, LatencyAloneDelaysEveryRequestAndAnEmptyQueryMeansNoFaults) {
  auto latency = parse_demo_faults("?latency_ms=40&");
  ASSERT_TRUE(latency) << latency.error().message;
  EXPECT_EQ(latency->latency_ms, 40);
  EXPECT_DOUBLE_EQ(latency->latency_ratio, 1.0);
  EXPECT_EQ(latency->error_status, 500);

  auto none = parse_demo_faults("");
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->any());
}

TEST(DemoFaults, ParseErrorsNameTheKeyAndValue) {
  EXPECT_EQ(parse_error("latency=300"),
            "unknown demo fault 'latency' (expected latency_ms, latency_ratio, error_ratio, error_status or paths)");
  EXPECT_EQ(parse_error("latency_ms=abc"),
            "demo fault latency_ms=abc: not a whole number of milliseconds between 0 and 60000");
  EXPECT_EQ(parse_error("latency_ms=30ms"),
            "demo fault latency_ms=30ms: not a whole number of milliseconds between 0 and 60000");
  EXPECT_EQ(parse_error("latency_ms=60001"),
            "demo fault latency_ms=60001: not a whole number of milliseconds between 0 and 60000");
  EXPECT_EQ(parse_error("latency_ms=10&latency_ratio=1.5"), "demo fault latency_ratio=1.5: not a ratio between 0 and 1");
  EXPECT_EQ(parse_error("error_ratio=nan"), "demo fault error_ratio=nan: not a ratio between 0 and 1");
  EXPECT_EQ(parse_error("error_ratio=0.1&error_status=200"),
            "demo fault error_status=200: not an error status between 400 and 599");
  EXPECT_EQ(parse_error("error_ratio=0.1&paths=triangle"),
            "demo fault paths=triangle: not a path prefix starting with '/'");
  EXPECT_EQ(parse_error("latency_ms"), "demo fault 'latency_ms' has no value (expected key=value)");
  EXPECT_EQ(parse_error("latency_ms=1&latency_ms=2"), "demo fault 'latency_ms' is given twice");
  EXPECT_EQ(parse_error("latency_ratio=0.5"), "demo fault latency_ratio=0.5 needs latency_ms");
  EXPECT_EQ(parse_error("error_status=503"), "demo fault error_status=503 needs error_ratio");
  EXPECT_EQ(parse_error("paths=/orders"), "demo fault paths=/orders needs latency_ms or error_ratio");
}

TEST(DemoFaults, ValidationOfFieldsSetOneByOneSaysTheSame) {
  DemoFaults faults;
  faults.latency_ms = -1;
  EXPECT_EQ(validate_demo_faults(faults).error().message,
            "demo fault latency_ms=-1: not a whole number of milliseconds between 0 and 60000");
  faults = {};
  faults.error_ratio = 2;
  EXPECT_EQ(validate_demo_faults(faults).error().message, "demo fault error_ratio=2: not a ratio between 0 and 1");
  faults = {};
  faults.latency_ratio = 0.5;
  EXPECT_EQ(validate_demo_faults(faults).error().message, "demo fault latency_ratio=0.5 needs latency_ms");
  EXPECT_TRUE(validate_demo_faults(DemoFaults{}));
}

TEST(DemoFaults, StartingTheDemoWithInvalidFaultsFails) {
  DemoOptions options;
  options.faults.error_status = 404;
  auto demo = start_demo_service(options);
  ASSERT_FALSE(demo);
  EXPECT_EQ(demo.error().message, "demo fault error_status=404 needs error_ratio");
}

TEST(DemoFaults, DescribesWhatIsInjected) {
  auto parsed = parse_demo_faults("latency_ms=300&latency_ratio=0.02&error_ratio=0.01");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(describe_demo_faults(*parsed),
            "latency 300 ms on 2% of requests, status 500 on 1% of requests (every path but /healthz)");
  auto only_errors = parse_demo_faults("error_ratio=0.125&error_status=503&paths=/orders");
  ASSERT_TRUE(only_errors);
  EXPECT_EQ(describe_demo_faults(*only_errors), "status 503 on 12.5% of requests (paths starting with /orders)");
  EXPECT_EQ(describe_demo_faults(DemoFaults{}), "no faults");
}

TEST(DemoFaults, RatioHitsAreSpreadEvenly) {
  std::vector<std::uint64_t> hits;
  for (std::uint64_t n = 1; n <= 200; ++n)
    if (is_hit(n, to_parts_per_million(0.02))) hits.push_back(n);
  EXPECT_EQ(hits, (std::vector<std::uint64_t>{50, 100, 150, 200}));
  EXPECT_TRUE(is_hit(1, to_parts_per_million(1.0)));
  EXPECT_FALSE(is_hit(1, to_parts_per_million(0.0)));
}

// A ratio that is not exact in binary (0.29 * 100 = 28.999...) still gives its exact count.
TEST(DemoFaults, CountsAreExactForDecimalRatios) {
  std::uint64_t hits = 0;
  for (std::uint64_t n = 1; n <= 100; ++n) hits += is_hit(n, to_parts_per_million(0.29)) ? 1 : 0;
  EXPECT_EQ(hits, 29u);
}

RC_GTEST_PROP(DemoFaults, AfterNRequestsExactlyFloorOfNTimesRatioAreHit, ()) {
  const auto ppm = *rc::gen::inRange<std::uint64_t>(0, 1000001);
  const auto requests = *rc::gen::inRange<std::uint64_t>(0, 5000);
  std::uint64_t hits = 0;
  for (std::uint64_t n = 1; n <= requests; ++n) hits += is_hit(n, ppm) ? 1 : 0;
  RC_ASSERT(hits == requests * ppm / 1000000);
}

TEST(DemoFaults, PlanCountsOnlyThePathsTheFaultsApplyTo) {
  DemoFaults faults;
  faults.error_ratio = 0.5;
  FaultPlan plan(faults);
  EXPECT_EQ(plan.decide("/healthz").error_status, 0);
  EXPECT_EQ(plan.decide("/triangle").error_status, 0);           // request 1
  EXPECT_EQ(plan.decide("/nextdate?date=x").error_status, 500);  // request 2
  EXPECT_EQ(plan.counted(), 2u);

  faults.paths = "/orders";
  FaultPlan only_orders(faults);
  EXPECT_EQ(only_orders.decide("/triangle").error_status, 0);
  EXPECT_EQ(only_orders.decide("/orders").error_status, 0);
  EXPECT_EQ(only_orders.decide("/orders/o-1/pay").error_status, 500);
  EXPECT_EQ(only_orders.counted(), 2u);
}

TEST(DemoFaults, PlanDelaysAndFailsByTheirOwnRatios) {
  DemoFaults faults;
  faults.latency_ms = 300;
  faults.latency_ratio = 0.5;
  faults.error_ratio = 0.25;
  FaultPlan plan(faults);
  std::vector<FaultDecision> decisions;
  for (int i = 0; i < 4; ++i) decisions.push_back(plan.decide("/triangle"));
  EXPECT_EQ(decisions[0].delay.count(), 0);
  EXPECT_EQ(decisions[1].delay.count(), 300);
  EXPECT_EQ(decisions[1].error_status, 0);
  EXPECT_EQ(decisions[3].delay.count(), 300);
  EXPECT_EQ(decisions[3].error_status, 500);
}

// One request on its own connection, run on a shared io_context; records when it finished.
class Call final : public std::enable_shared_from_this<Call> {
 public:
  Call(net::io_context& io, std::uint16_t port, http::verb method, std::string target, std::string body = "")
      : stream_(io), port_(port) {
    request_ = {method, target, 11};
    request_.set(http::field::host, "127.0.0.1");
    request_.body() = std::move(body);
    request_.prepare_payload();
  }

  void start() {
    started_ = Clock::now();
    stream_.expires_after(std::chrono::seconds(10));
    stream_.async_connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port_),
                          [self = shared_from_this()](beast::error_code ec) {
                            if (ec) return self->finish(ec);
                            http::async_write(self->stream_, self->request_,
                                              [self](beast::error_code write_ec, std::size_t) {
                                                if (write_ec) return self->finish(write_ec);
                                                http::async_read(self->stream_, self->buffer_, self->response_,
                                                                 [self](beast::error_code read_ec, std::size_t) {
                                                                   self->finish(read_ec);
                                                                 });
                                              });
                          });
  }

  bool done() const { return done_.has_value(); }
  beast::error_code error() const { return error_; }
  const http::response<http::string_body>& response() const { return response_; }
  std::chrono::milliseconds elapsed() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(*done_ - started_);
  }

 private:
  void finish(beast::error_code ec) {
    error_ = ec;
    done_ = Clock::now();
  }

  beast::tcp_stream stream_;
  std::uint16_t port_;
  http::request<http::string_body> request_;
  beast::flat_buffer buffer_;
  http::response<http::string_body> response_;
  beast::error_code error_;
  Clock::time_point started_;
  std::optional<Clock::time_point> done_;
};

std::unique_ptr<DemoService> start_with(std::string_view query) {
  auto faults = parse_demo_faults(query);
  if (!faults) ADD_FAILURE() << faults.error().message;
  DemoOptions options;
  options.faults = *faults;
  auto demo = start_demo_service(options);
  if (!demo) ADD_FAILURE() << demo.error().message;
  return std::move(demo).value();
}

// Sends one request and waits for its answer. The call comes back with its own io_context,
// which outlives it: a socket must be closed before the context that owns its service.
std::shared_ptr<Call> call(std::uint16_t port, http::verb method, std::string target, std::string body = "") {
  struct Owned {
    net::io_context io;          // declared first, destroyed last
    std::shared_ptr<Call> call;
  };
  auto owned = std::make_shared<Owned>();
  owned->call = std::make_shared<Call>(owned->io, port, method, std::move(target), std::move(body));
  owned->call->start();
  owned->io.run();
  EXPECT_FALSE(owned->call->error()) << owned->call->error().message();
  return std::shared_ptr<Call>(owned, owned->call.get());
}

TEST(DemoFaultsOverTheWire, FailsThePredictedRequestsWithoutCallingTheApi) {
  auto demo = start_with("error_ratio=0.5&error_status=503");
  const char* order = R"({"item":"pen","quantity":1})";
  auto first = call(demo->port(), http::verb::post, "/orders", order);
  auto health = call(demo->port(), http::verb::get, "/healthz");  // not counted
  auto second = call(demo->port(), http::verb::post, "/orders", order);
  auto third = call(demo->port(), http::verb::post, "/orders", order);

  EXPECT_EQ(first->response().result_int(), 201);
  EXPECT_EQ(health->response().result_int(), 200);
  EXPECT_EQ(second->response().result_int(), 503);
  EXPECT_EQ(second->response().body(), R"({"error":"injected fault"})");
  EXPECT_EQ(third->response().result_int(), 201);
  // The failed request created no order: the next one is o-2.
  EXPECT_EQ(third->response()[http::field::location], "/orders/o-2");
}

TEST(DemoFaultsOverTheWire, DelaysThePredictedRequests) {
  constexpr int kLatencyMs = 200;
  auto demo = start_with("latency_ms=200&latency_ratio=0.25");
  std::vector<std::chrono::milliseconds> times;
  for (int i = 0; i < 8; ++i) {
    auto c = call(demo->port(), http::verb::post, "/triangle", R"({"a":3,"b":4,"c":5})");
    EXPECT_EQ(c->response().body(), R"({"kind":"scalene"})");
    times.push_back(c->elapsed());
  }
  for (int i = 0; i < 8; ++i) {
    const bool delayed = (i + 1) % 4 == 0;  // requests 4 and 8
    if (delayed) {
      EXPECT_GE(times[i].count(), kLatencyMs) << "request " << i + 1;
    } else {
      EXPECT_LT(times[i].count(), kLatencyMs) << "request " << i + 1;
    }
  }
}

TEST(DemoFaultsOverTheWire, ADelayedRequestDoesNotHoldUpAnother) {
  auto demo = start_with("latency_ms=1500&paths=/nextdate");
  net::io_context io;
  auto slow = std::make_shared<Call>(io, demo->port(), http::verb::get, "/nextdate?date=2024-02-28");
  auto fast = std::make_shared<Call>(io, demo->port(), http::verb::get, "/triangle");
  slow->start();
  fast->start();
  // Run until the fast call has its answer; the slow one must still be waiting then.
  while (!fast->done() && io.run_one() > 0) {
  }
  ASSERT_TRUE(fast->done());
  EXPECT_FALSE(fast->error()) << fast->error().message();
  EXPECT_EQ(fast->response().result_int(), 405);  // GET /triangle: answered, undelayed
  EXPECT_FALSE(slow->done());
  io.run();
  ASSERT_TRUE(slow->done());
  EXPECT_FALSE(slow->error()) << slow->error().message();
  EXPECT_EQ(slow->response().body(), R"({"next":"2024-02-29"})");
  EXPECT_GE(slow->elapsed().count(), 1500);
}

}  // namespace
}  // namespace glassbox::probes
