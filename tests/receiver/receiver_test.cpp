// The receiver over real loopback HTTP: status codes, bodies, counters, concurrency.
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"
#include "probes/receiver/gzip.hpp"
#include "probes/receiver/span_receiver.hpp"
#include "tests/receiver/payloads.hpp"
#include "tests/receiver/test_client.hpp"
#include "tests/receiver/test_sink.hpp"

namespace glassbox::probes {
namespace {

using test::otlp_json;
using test::send_request;
using test::SinkMode;
using test::TestRequest;
using test::TestSink;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class Receiver : public testing::Test {
 protected:
  void SetUp() override {
    ReceiverOptions options;
    options.port = 0;
    auto started = start_span_receiver(options, sink_);
    ASSERT_TRUE(started) << started.error().message;
    receiver_ = std::move(*started);
  }

  std::uint16_t port() const { return receiver_->port(); }

  TestSink sink_;
  std::unique_ptr<SpanReceiver> receiver_;
};

TEST_F(Receiver, NamesItsEndpoint) {
  EXPECT_EQ(receiver_->endpoint(), "http://127.0.0.1:" + std::to_string(port()));
}

TEST_F(Receiver, AcceptsOtlpJsonWithEmptyResponse) {
  const auto reply = send_request(port(), {.content_type = "application/json; charset=utf-8", .body = otlp_json(3)});
  EXPECT_EQ(reply.status, 200) << reply.error << reply.body;
  EXPECT_EQ(reply.header("content-type"), "application/json");
  EXPECT_EQ(reply.body, "{}");
  ASSERT_EQ(sink_.spans().size(), 3u);
  EXPECT_EQ(sink_.spans()[0].service, "svc");
  const ReceiverStats stats = receiver_->stats();
  EXPECT_EQ(stats.requests, 1u);
  EXPECT_EQ(stats.spans_accepted, 3u);
  EXPECT_NE(stats.last_batch, std::chrono::steady_clock::time_point{});
}

TEST_F(Receiver, AcceptsTheRecordedProtobufFixture) {
  const std::string body = read_file(std::string(GLASSBOX_TEST_DATA) + "/fixtures/triangle.otlp.pb");
  ASSERT_FALSE(body.empty());
  const auto reply = send_request(port(), {.content_type = "application/x-protobuf", .body = body});
  EXPECT_EQ(reply.status, 200) << reply.error;
  EXPECT_EQ(reply.header("content-type"), "application/x-protobuf");
  opentelemetry::proto::collector::trace::v1::ExportTraceServiceResponse response;
  EXPECT_TRUE(response.ParseFromString(reply.body));
  EXPECT_FALSE(response.has_partial_success());
  EXPECT_EQ(sink_.spans().size(), 36u);  // tests/data/fixtures/manifest.json
}

TEST_F(Receiver, ReportsRejectedSpansAsPartialSuccess) {
  const auto reply = send_request(port(), {.body = otlp_json(2, 1)});
  ASSERT_EQ(reply.status, 200) << reply.error << reply.body;
  const auto json = nlohmann::json::parse(reply.body);
  EXPECT_EQ(json["partialSuccess"]["rejectedSpans"], "1");
  EXPECT_FALSE(json["partialSuccess"]["errorMessage"].get<std::string>().empty());
  EXPECT_EQ(sink_.spans().size(), 2u);
  EXPECT_EQ(receiver_->stats().spans_rejected, 1u);
}

TEST_F(Receiver, InflatesGzipBodies) {
  const auto reply = send_request(port(), {.content_encoding = "gzip", .body = receiver::gzip(otlp_json(4))});
  EXPECT_EQ(reply.status, 200) << reply.error << reply.body;
  EXPECT_EQ(sink_.spans().size(), 4u);
}

TEST_F(Receiver, AnswersMalformedJsonWith400Status) {
  const auto reply = send_request(port(), {.body = "{\"resourceSpans\":"});
  EXPECT_EQ(reply.status, 400);
  const auto json = nlohmann::json::parse(reply.body);
  EXPECT_EQ(json["code"], 3);
  EXPECT_FALSE(json["message"].get<std::string>().empty());
  EXPECT_EQ(receiver_->stats().bad_requests, 1u);
}

TEST_F(Receiver, AnswersMalformedProtobufWith400) {
  const auto reply = send_request(port(), {.content_type = "application/x-protobuf", .body = "\xff\xff\xff"});
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.header("content-type"), "application/x-protobuf");
}

TEST_F(Receiver, AnswersUnknownContentTypeWith415) {
  EXPECT_EQ(send_request(port(), {.content_type = "text/csv", .body = "a,b"}).status, 415);
  EXPECT_EQ(send_request(port(), {.content_encoding = "br", .body = otlp_json(1)}).status, 415);
  EXPECT_EQ(receiver_->stats().bad_requests, 2u);
}

TEST_F(Receiver, AnswersOtherPathsAndMethods) {
  EXPECT_EQ(send_request(port(), {.target = "/v1/logs", .body = "{}"}).status, 404);
  auto reply = send_request(port(), {.method = "GET", .content_type = "", .body = ""});
  EXPECT_EQ(reply.status, 405);
  EXPECT_EQ(reply.header("allow"), "POST");
  EXPECT_EQ(sink_.batches(), 0u);
}

TEST_F(Receiver, AcceptsZipkinWith202) {
  const auto reply = send_request(port(), {.target = "/api/v2/spans", .body = test::zipkin_json()});
  EXPECT_EQ(reply.status, 202) << reply.error << reply.body;
  ASSERT_EQ(sink_.spans().size(), 2u);
  EXPECT_EQ(sink_.spans()[1].parent_span_id, "00f067aa0ba902b7");
  EXPECT_EQ(send_request(port(), {.target = "/api/v2/spans", .body = "[{"}).status, 400);
}

TEST_F(Receiver, ThrottlesWithRetryAfterWhileTheSinkIsFullThenAccepts) {
  sink_.set_mode(SinkMode::full);
  const auto refused = send_request(port(), {.body = otlp_json(2)});
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.header("retry-after"), "1");
  EXPECT_EQ(receiver_->stats().throttled, 1u);
  EXPECT_EQ(receiver_->stats().spans_accepted, 0u);

  sink_.set_mode(SinkMode::accepting);
  EXPECT_EQ(send_request(port(), {.body = otlp_json(2)}).status, 200);
  EXPECT_EQ(sink_.spans().size(), 2u);
}

TEST_F(Receiver, Answers503WhenTheSinkIsClosing) {
  sink_.set_mode(SinkMode::closing);
  const auto reply = send_request(port(), {.body = otlp_json(1)});
  EXPECT_EQ(reply.status, 503);
  EXPECT_EQ(reply.header("retry-after"), "1");
}

TEST_F(Receiver, ServesManyRequestsOnOneKeptAliveConnection) {
  test::TestConnection connection(port());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(connection.send({.body = otlp_json(1)}).status, 200);
  EXPECT_EQ(connection.send({.target = "/nope"}).status, 404);
  EXPECT_EQ(connection.send({.body = otlp_json(1)}).status, 200);
  EXPECT_EQ(sink_.spans().size(), 6u);
}

TEST_F(Receiver, CountsEverySpanFromConcurrentSenders) {
  constexpr int kSenders = 8;
  constexpr int kRequestsEach = 10;
  std::vector<std::thread> senders;
  std::atomic<int> ok{0};
  for (int s = 0; s < kSenders; ++s) {
    senders.emplace_back([&] {
      test::TestConnection connection(port());
      for (int r = 0; r < kRequestsEach; ++r)
        if (connection.send({.body = otlp_json(3)}).status == 200) ++ok;
    });
  }
  for (auto& sender : senders) sender.join();
  EXPECT_EQ(ok.load(), kSenders * kRequestsEach);
  EXPECT_EQ(sink_.spans().size(), std::size_t{kSenders * kRequestsEach * 3});
  EXPECT_EQ(receiver_->stats().requests, std::uint64_t{kSenders * kRequestsEach});
  EXPECT_EQ(receiver_->stats().spans_accepted, std::uint64_t{kSenders * kRequestsEach * 3});
}

TEST_F(Receiver, AStalledClientDoesNotBlockOthers) {
  test::RawConnection stalled(port());
  ASSERT_TRUE(stalled.connected());
  stalled.write("POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
  test::RawConnection half_header(port());
  half_header.write("POST /v1/traces HTTP/1.1\r\nHost: x\r\n");
  EXPECT_EQ(send_request(port(), {.body = otlp_json(1)}).status, 200);
  EXPECT_EQ(sink_.spans().size(), 1u);
}

TEST_F(Receiver, RefusesConnectionsAfterStopAndStopIsIdempotent) {
  const std::uint16_t was = port();
  ASSERT_TRUE(test::can_connect(was));
  receiver_->stop();
  receiver_->stop();
  EXPECT_FALSE(test::can_connect(was));
}

TEST(ReceiverStart, SaysThePortIsInUse) {
  TestSink sink;
  auto first = start_span_receiver({.port = 0}, sink);
  ASSERT_TRUE(first);
  auto second = start_span_receiver({.port = (*first)->port()}, sink);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().message,
            "cannot listen on 127.0.0.1:" + std::to_string((*first)->port()) + ": address already in use");
}

TEST(ReceiverStart, SaysTheAddressIsNotAnIp) {
  TestSink sink;
  auto started = start_span_receiver({.address = "localhost", .port = 4318}, sink);
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().message, "cannot listen on localhost:4318: not an IP address");
}

}  // namespace
}  // namespace glassbox::probes
