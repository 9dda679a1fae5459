// The export decisions without gRPC: which status an export call ends with, and what the
// receiver counts.
#include "probes/grpc/export_rpc.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "tests/grpc/requests.hpp"
#include "tests/grpc/status_details.hpp"
#include "tests/receiver/test_sink.hpp"

namespace glassbox::probes::grpc_receiver {
namespace {

using grpc_test::export_request;
using grpc_test::read_status_details;
using test::SinkMode;
using test::TestSink;
namespace otlp = opentelemetry::proto::collector::trace::v1;

otlp::ExportTraceServiceResponse parse_response(const RpcAnswer& answer) {
  otlp::ExportTraceServiceResponse response;
  EXPECT_TRUE(response.ParseFromString(answer.response));
  return response;
}

TEST(ExportRpc, AcceptedSpansEndOkWithoutPartialSuccess) {
  TestSink sink;
  ExportRpc rpc(sink, 1);
  RpcAnswer answer = rpc.handle(export_request(3).SerializeAsString());
  EXPECT_EQ(answer.code, RpcCode::ok);
  EXPECT_EQ(answer.message, "");
  EXPECT_FALSE(parse_response(answer).has_partial_success());
  EXPECT_EQ(sink.spans().size(), 3u);
  ReceiverStats stats = rpc.stats();
  EXPECT_EQ(stats.requests, 1u);
  EXPECT_EQ(stats.spans_accepted, 3u);
  EXPECT_NE(stats.last_batch, std::chrono::steady_clock::time_point{});
}

TEST(ExportRpc, RejectedSpansAreAPartialSuccess) {
  TestSink sink;
  ExportRpc rpc(sink, 1);
  RpcAnswer answer = rpc.handle(export_request(2, 1).SerializeAsString());
  ASSERT_EQ(answer.code, RpcCode::ok);
  otlp::ExportTraceServiceResponse response = parse_response(answer);
  ASSERT_TRUE(response.has_partial_success());
  EXPECT_EQ(response.partial_success().rejected_spans(), 1);
  EXPECT_EQ(response.partial_success().error_message(), "span 2: trace id must be 16 bytes, got 2");
  EXPECT_EQ(sink.spans().size(), 2u);
  EXPECT_EQ(rpc.stats().spans_rejected, 1u);
}

TEST(ExportRpc, MalformedBytesAreInvalidArgument) {
  TestSink sink;
  ExportRpc rpc(sink, 1);
  RpcAnswer answer = rpc.handle("\x0a\xff\xff\xff\x0f garbage");
  EXPECT_EQ(answer.code, RpcCode::invalid_argument);
  EXPECT_EQ(answer.message, "malformed OTLP protobuf body");
  EXPECT_EQ(rpc.stats().bad_requests, 1u);
  EXPECT_TRUE(sink.spans().empty());
}

TEST(ExportRpc, FullSinkIsUnavailableWithRetryInfo) {
  TestSink sink;
  sink.set_mode(SinkMode::full);
  ExportRpc rpc(sink, 7);
  RpcAnswer answer = rpc.handle(export_request(1).SerializeAsString());
  EXPECT_EQ(answer.code, RpcCode::unavailable);
  EXPECT_EQ(answer.message, "span buffer is full; retry later");
  auto details = read_status_details(answer.details);
  EXPECT_TRUE(details.parsed);
  EXPECT_EQ(details.code, 14);
  EXPECT_EQ(details.message, "span buffer is full; retry later");
  EXPECT_EQ(details.detail_type_url, "type.googleapis.com/google.rpc.RetryInfo");
  EXPECT_EQ(details.retry_delay_seconds, 7);
  EXPECT_EQ(rpc.stats().throttled, 1u);
  EXPECT_EQ(rpc.stats().spans_accepted, 0u);
}

TEST(ExportRpc, ClosingSinkIsUnavailableBecauseShuttingDown) {
  TestSink sink;
  sink.set_mode(SinkMode::closing);
  ExportRpc rpc(sink, 1);
  RpcAnswer answer = rpc.handle(export_request(1).SerializeAsString());
  EXPECT_EQ(answer.code, RpcCode::unavailable);
  EXPECT_EQ(answer.message, "the receiver is shutting down");
  EXPECT_EQ(read_status_details(answer.details).retry_delay_seconds, 1);
}

TEST(ExportRpc, EmptyRequestSucceedsEvenWhenTheSinkRefuses) {
  TestSink sink;
  sink.set_mode(SinkMode::full);
  ExportRpc rpc(sink, 1);
  RpcAnswer answer = rpc.handle("");
  EXPECT_EQ(answer.code, RpcCode::ok);
  EXPECT_EQ(rpc.stats().throttled, 0u);
  EXPECT_EQ(rpc.stats().last_batch, std::chrono::steady_clock::time_point{});
}

TEST(ExportRpc, NegativeRetryDelayIsSentAsZero) {
  EXPECT_EQ(read_status_details(retry_status_details(RpcCode::unavailable, "x", -5)).retry_delay_seconds, 0);
}

RC_GTEST_PROP(ExportRpc, AnyBytesEndOkOrInvalidArgumentAndAreCounted, (const std::string& bytes)) {
  TestSink sink;
  ExportRpc rpc(sink, 1);
  RpcAnswer answer = rpc.handle(bytes);
  RC_ASSERT(answer.code == RpcCode::ok || answer.code == RpcCode::invalid_argument);
  ReceiverStats stats = rpc.stats();
  RC_ASSERT(stats.requests == 1u);
  RC_ASSERT(stats.bad_requests == (answer.code == RpcCode::invalid_argument ? 1u : 0u));
  RC_ASSERT(stats.spans_accepted == sink.spans().size());
}

}  // namespace
}  // namespace glassbox::probes::grpc_receiver
