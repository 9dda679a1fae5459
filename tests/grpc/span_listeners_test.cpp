// The run's receivers together: OTLP/HTTP and OTLP/gRPC into one SpanCollector, with the
// stats the settle window reads adding both up.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "probes/grpc/grpc_receiver.hpp"
#include "suites/runner/span_collection.hpp"
#include "tests/grpc/grpc_test_client.hpp"
#include "tests/grpc/requests.hpp"

namespace glassbox::runner {
namespace {

using probes::ReceiverOptions;

ReceiverOptions loopback_any_port() {
  ReceiverOptions options;
  options.port = 0;
  return options;
}

TEST(SpanListeners, GrpcBatchesReachTheSharedCollectorAndTheSettleClock) {
  SpanCollector collector;
  auto started = start_span_listeners(loopback_any_port(), loopback_any_port(), collector);
  ASSERT_TRUE(started) << started.error().message;
  SpanListeners& listeners = **started;
  ASSERT_NE(listeners.http(), nullptr);
  ASSERT_NE(listeners.grpc(), nullptr);
  EXPECT_EQ(listeners.endpoint(), listeners.http()->endpoint());
  EXPECT_EQ(listeners.stats().last_batch, std::chrono::steady_clock::time_point{});

  auto result = probes::grpc_test::export_spans(listeners.grpc()->port(), probes::grpc_test::export_request(2, 1));
  ASSERT_EQ(result.code, 0) << result.message;
  probes::ReceiverStats stats = listeners.stats();
  EXPECT_EQ(stats.requests, 1u);
  EXPECT_EQ(stats.spans_accepted, 2u);
  EXPECT_EQ(stats.spans_rejected, 1u);
  EXPECT_EQ(stats.last_batch, listeners.grpc()->stats().last_batch);
  EXPECT_NE(stats.last_batch, std::chrono::steady_clock::time_point{});
  EXPECT_EQ(collector.size(), 2u);
  listeners.stop();
  listeners.stop();
}

TEST(SpanListeners, GrpcAloneHasNoHttpEndpoint) {
  SpanCollector collector;
  auto started = start_span_listeners(std::nullopt, loopback_any_port(), collector);
  ASSERT_TRUE(started) << started.error().message;
  EXPECT_EQ((*started)->http(), nullptr);
  EXPECT_EQ((*started)->endpoint(), "");
  EXPECT_EQ((*started)->port(), 0);
}

TEST(SpanListeners, ABusyGrpcPortFailsAndLeavesNothingListening) {
  SpanCollector collector;
  auto first = probes::start_grpc_span_receiver(loopback_any_port(), collector);
  ASSERT_TRUE(first) << first.error().message;
  ReceiverOptions busy = loopback_any_port();
  busy.port = (*first)->port();
  // A port known to be free: one an HTTP receiver just had.
  ReceiverOptions http = loopback_any_port();
  auto probe = probes::start_span_receiver(http, collector);
  ASSERT_TRUE(probe) << probe.error().message;
  http.port = (*probe)->port();
  (*probe)->stop();

  auto started = start_span_listeners(http, busy, collector);
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().message, fmt::format("cannot listen on 127.0.0.1:{}: address already in use", busy.port));
  // The HTTP receiver that did start was stopped again: its port binds.
  auto again = probes::start_span_receiver(http, collector);
  EXPECT_TRUE(again) << again.error().message;
}

TEST(ParseListen, NamesTheGrpcOptionInItsErrors) {
  auto missing = parse_listen("localhost", "--listen-grpc");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message,
            "--listen-grpc must be ADDRESS:PORT (e.g. 127.0.0.1:4317, or 127.0.0.1:0 for any free port), got 'localhost'");
  auto bad_port = parse_listen("127.0.0.1:99999", "--listen-grpc");
  ASSERT_FALSE(bad_port);
  EXPECT_EQ(bad_port.error().message, "--listen-grpc 127.0.0.1:99999: '99999' is not a port number (0-65535)");
  auto http = parse_listen("localhost");
  ASSERT_FALSE(http);
  EXPECT_EQ(http.error().message,
            "--listen must be ADDRESS:PORT (e.g. 127.0.0.1:4318, or 127.0.0.1:0 for any free port), got 'localhost'");
}

TEST(ParseListen, AnEmptyHostIsLoopback) {
  auto parsed = parse_listen(":4317", "--listen-grpc");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->address, "127.0.0.1");
  EXPECT_EQ(parsed->port, 4317);
}

}  // namespace
}  // namespace glassbox::runner
