// The OTLP/gRPC receiver on loopback, driven by a real gRPC client (the generated
// TraceService stub, and a generic stub for raw bytes).
#include "probes/grpc/grpc_receiver.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "tests/grpc/grpc_test_client.hpp"
#include "tests/grpc/requests.hpp"
#include "tests/grpc/status_details.hpp"
#include "tests/receiver/test_sink.hpp"

namespace glassbox::probes {
namespace {

using grpc_test::call_raw;
using grpc_test::CallResult;
using grpc_test::Compression;
using grpc_test::export_request;
using grpc_test::export_spans;
using grpc_test::kExportMethod;
using grpc_test::read_status_details;
using test::SinkMode;
using test::TestSink;

// grpc::StatusCode values, spelled out so this file needs no gRPC header.
constexpr int kOk = 0, kInvalidArgument = 3, kResourceExhausted = 8, kUnimplemented = 12, kUnavailable = 14;

ReceiverOptions any_port() {
  ReceiverOptions options = default_grpc_receiver_options();
  options.port = 0;
  return options;
}

class GrpcReceiverTest : public ::testing::Test {
 protected:
  void start(ReceiverOptions options = any_port()) {
    auto started = start_grpc_span_receiver(options, sink_);
    ASSERT_TRUE(started) << started.error().message;
    receiver_ = std::move(started.value());
  }
  std::uint16_t port() const { return receiver_->port(); }

  TestSink sink_;
  std::unique_ptr<SpanReceiver> receiver_;
};

TEST(GrpcReceiverOptions, DefaultToLoopbackOnTheOtlpGrpcPort) {
  ReceiverOptions options = default_grpc_receiver_options();
  EXPECT_EQ(options.address, "127.0.0.1");
  EXPECT_EQ(options.port, 4317);
}

TEST_F(GrpcReceiverTest, PortZeroPicksAFreePortAndReportsIt) {
  start();
  EXPECT_NE(port(), 0);
  EXPECT_EQ(receiver_->endpoint(), "http://127.0.0.1:" + std::to_string(port()));
}

TEST_F(GrpcReceiverTest, CountsTheSpansOfAnExport) {
  start();
  CallResult result = export_spans(port(), export_request(3));
  ASSERT_EQ(result.code, kOk) << result.message;
  EXPECT_FALSE(result.response.has_partial_success());
  ASSERT_EQ(sink_.spans().size(), 3u);
  EXPECT_EQ(sink_.spans()[0].trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(sink_.spans()[0].service, "svc");
  ReceiverStats stats = receiver_->stats();
  EXPECT_EQ(stats.requests, 1u);
  EXPECT_EQ(stats.spans_accepted, 3u);
  EXPECT_EQ(stats.bad_requests, 0u);
}

TEST_F(GrpcReceiverTest, RejectedSpansComeBackAsPartialSuccess) {
  start();
  CallResult result = export_spans(port(), export_request(2, 2));
  ASSERT_EQ(result.code, kOk) << result.message;
  ASSERT_TRUE(result.response.has_partial_success());
  EXPECT_EQ(result.response.partial_success().rejected_spans(), 2);
  EXPECT_EQ(result.response.partial_success().error_message(), "span 2: trace id must be 16 bytes, got 2");
  EXPECT_EQ(sink_.spans().size(), 2u);
  EXPECT_EQ(receiver_->stats().spans_rejected, 2u);
}

TEST_F(GrpcReceiverTest, MalformedBytesAreInvalidArgument) {
  start();
  CallResult result = call_raw(port(), kExportMethod, "\x0a\xff\xff\xff\x0f not protobuf");
  EXPECT_EQ(result.code, kInvalidArgument);
  EXPECT_EQ(result.message, "malformed OTLP protobuf body");
  EXPECT_TRUE(sink_.spans().empty());
  EXPECT_EQ(receiver_->stats().bad_requests, 1u);
}

TEST_F(GrpcReceiverTest, ARefusingSinkGivesUnavailableWithRetryInfo) {
  ReceiverOptions options = any_port();
  options.retry_after_seconds = 3;
  start(options);
  sink_.set_mode(SinkMode::full);
  CallResult result = export_spans(port(), export_request(1));
  EXPECT_EQ(result.code, kUnavailable);
  EXPECT_EQ(result.message, "span buffer is full; retry later");
  auto details = read_status_details(result.details);
  EXPECT_EQ(details.code, kUnavailable);
  EXPECT_EQ(details.detail_type_url, "type.googleapis.com/google.rpc.RetryInfo");
  EXPECT_EQ(details.retry_delay_seconds, 3);
  EXPECT_EQ(receiver_->stats().throttled, 1u);
}

TEST_F(GrpcReceiverTest, AClosingSinkGivesUnavailable) {
  start();
  sink_.set_mode(SinkMode::closing);
  CallResult result = export_spans(port(), export_request(1));
  EXPECT_EQ(result.code, kUnavailable);
  EXPECT_EQ(result.message, "the receiver is shutting down");
}

TEST_F(GrpcReceiverTest, AMessageOverTheSizeLimitIsResourceExhausted) {
  ReceiverOptions options = any_port();
  options.max_body_bytes = 4096;
  start(options);
  EXPECT_EQ(export_spans(port(), export_request(1, 0, 3000)).code, kOk);
  CallResult result = export_spans(port(), export_request(1, 0, 5000));
  EXPECT_EQ(result.code, kResourceExhausted);
  EXPECT_EQ(sink_.spans().size(), 1u);
}

TEST_F(GrpcReceiverTest, AcceptsAGzipCompressedCall) {
  start();
  CallResult result = export_spans(port(), export_request(4), Compression::gzip);
  ASSERT_EQ(result.code, kOk) << result.message;
  EXPECT_EQ(sink_.spans().size(), 4u);
}

TEST_F(GrpcReceiverTest, AGzipBombOverTheLimitIsResourceExhausted) {
  ReceiverOptions options = any_port();
  options.max_body_bytes = 4096;
  start(options);
  // Compresses to a few hundred bytes, inflates past the limit.
  CallResult result = export_spans(port(), export_request(1, 0, 100000), Compression::gzip);
  EXPECT_EQ(result.code, kResourceExhausted);
  EXPECT_TRUE(sink_.spans().empty());
}

// Writes `bytes` on a plain TCP connection to 127.0.0.1:port and closes it.
void send_garbage(std::uint16_t port, const std::string& bytes) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
  EXPECT_EQ(::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL), static_cast<ssize_t>(bytes.size()));
  ::close(fd);
}

TEST_F(GrpcReceiverTest, GarbageOnTheSocketLeavesItServing) {
  start();
  send_garbage(port(), "POST /v1/traces HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello");
  send_garbage(port(), "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\xff\xff\xff\x04\x00\x00\x00\x00\x00 junk frames");
  CallResult result = export_spans(port(), export_request(1));
  EXPECT_EQ(result.code, kOk) << result.message;
  EXPECT_EQ(sink_.spans().size(), 1u);
}

TEST_F(GrpcReceiverTest, OtherMethodsAreUnimplemented) {
  start();
  CallResult result = call_raw(port(), "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export", "");
  EXPECT_EQ(result.code, kUnimplemented);
}

TEST_F(GrpcReceiverTest, StopIsIdempotentAndEndsServing) {
  start();
  const std::uint16_t bound = port();
  receiver_->stop();
  receiver_->stop();
  EXPECT_EQ(export_spans(bound, export_request(1)).code, kUnavailable);
  EXPECT_EQ(receiver_->stats().requests, 0u);
}

TEST_F(GrpcReceiverTest, ABusyPortIsAnError) {
  start();
  ReceiverOptions options = any_port();
  options.port = port();
  TestSink other;
  auto second = start_grpc_span_receiver(options, other);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().message, "cannot listen on 127.0.0.1:" + std::to_string(port()) + ": address already in use");
}

TEST(GrpcReceiver, AHostNameIsNotAnAddress) {
  ReceiverOptions options = default_grpc_receiver_options();
  options.address = "localhost";
  TestSink sink;
  auto started = start_grpc_span_receiver(options, sink);
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().message, "cannot listen on localhost:4317: not an IP address");
}

}  // namespace
}  // namespace glassbox::probes
