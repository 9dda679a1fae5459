// The receiver's size limits over real loopback HTTP.
#include <gtest/gtest.h>

#include "probes/receiver/gzip.hpp"
#include "probes/receiver/span_receiver.hpp"
#include "tests/receiver/payloads.hpp"
#include "tests/receiver/test_client.hpp"
#include "tests/receiver/test_sink.hpp"

namespace glassbox::probes {
namespace {

using test::send_request;

class ReceiverLimits : public testing::Test {
 protected:
  void SetUp() override {
    auto started = start_span_receiver({.port = 0, .max_body_bytes = 4096, .max_decompressed_bytes = 8192}, sink_);
    ASSERT_TRUE(started) << started.error().message;
    receiver_ = std::move(*started);
  }

  std::uint16_t port() const { return receiver_->port(); }

  test::TestSink sink_;
  std::unique_ptr<SpanReceiver> receiver_;
};

TEST_F(ReceiverLimits, RefusesABodyOverTheLimitWith413) {
  const auto reply = send_request(port(), {.body = std::string(5000, ' ')});
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(reply.body, R"({"code":8,"message":"request body is over the limit of 4096 bytes"})");
  EXPECT_EQ(receiver_->stats().bad_requests, 1u);
}

TEST_F(ReceiverLimits, RefusesADeclaredLengthOverTheLimitWithoutReadingTheBody) {
  test::RawConnection client(port());
  // Declares 1 GB and sends none of it: the answer must come from the headers alone.
  client.write(
      "POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 1000000000\r\n\r\n");
  const std::string response = client.read_response(5000);
  EXPECT_EQ(response.rfind("HTTP/1.1 413", 0), 0u) << response;
  EXPECT_NE(response.find("request body is over the limit of 4096 bytes"), std::string::npos);
}

TEST_F(ReceiverLimits, RefusesAChunkedBodyThatGrowsPastTheLimit) {
  test::RawConnection client(port());
  const std::string chunk(3000, ' ');
  client.write(
      "POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\nbb8\r\n" + chunk + "\r\nbb8\r\n" + chunk + "\r\n0\r\n\r\n");
  const std::string response = client.read_response(5000);
  EXPECT_EQ(response.rfind("HTTP/1.1 413", 0), 0u) << response;
}

TEST_F(ReceiverLimits, RefusesAGzipBombWith413) {
  const std::string bomb = receiver::gzip(std::string(1u << 20, '{'));
  ASSERT_LT(bomb.size(), 4096u);
  const auto reply = send_request(port(), {.content_encoding = "gzip", .body = bomb});
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(reply.body, R"({"code":8,"message":"decompressed request body is over the limit of 8192 bytes"})");
  EXPECT_EQ(sink_.batches(), 0u);
}

TEST_F(ReceiverLimits, AnswersExpectContinueBeforeTheBody) {
  test::RawConnection client(port());
  const std::string body = test::otlp_json(1);
  client.write("POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
               "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n");
  EXPECT_EQ(client.read_response(5000).rfind("HTTP/1.1 100 Continue", 0), 0u);
  client.write(body);
  EXPECT_EQ(client.read_response(5000).rfind("HTTP/1.1 200", 0), 0u);
  EXPECT_EQ(sink_.spans().size(), 1u);
}

}  // namespace
}  // namespace glassbox::probes
