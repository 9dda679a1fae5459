// decode_zipkin_json on a Zipkin v2 payload as Brave or zipkin-js would send it.
#include <gtest/gtest.h>

#include "probes/spans/decode.hpp"

namespace glassbox {
namespace {

using probes::decode_zipkin_json;

// A client call from "frontend" to "inventory" with a shared server span, and a failing
// database call with a 64-bit trace id.
constexpr const char* kPayload = R"([
  {"traceId":"5af7183fb1d4cf5f","id":"6b221d5bc9e6496c","name":"get /api/stock",
   "kind":"CLIENT","timestamp":1700000000100000,"duration":25000,
   "localEndpoint":{"serviceName":"frontend","ipv4":"10.0.0.1"},
   "remoteEndpoint":{"serviceName":"inventory","port":8080},
   "annotations":[{"timestamp":1700000000100500,"value":"wire send"}],
   "tags":{"http.method":"GET","http.path":"/api/stock","http.status_code":200}},
  {"traceId":"5af7183fb1d4cf5f","parentId":"6b221d5bc9e6496c","id":"5b4185666d50f68b",
   "name":"get /api/stock","kind":"SERVER","shared":true,
   "timestamp":1700000000102000,"duration":20000,
   "localEndpoint":{"serviceName":"inventory"}},
  {"traceId":"463AC35C9F6413AD48485A3953BB6124","parentId":"5b4185666d50f68b",
   "id":"A2FB4A1D1A96D312","name":"select stock","kind":"CLIENT",
   "timestamp":1700000000104000,"duration":1500,
   "localEndpoint":{"serviceName":"inventory"},
   "tags":{"db.system":"postgresql","error":"connection reset"}},
  {"traceId":"5af7183fb1d4cf5f","id":"1111111111111111","name":"cache","debug":true}
])";

TEST(ZipkinJson, DecodesARealisticV2Payload) {
  auto decoded = decode_zipkin_json(kPayload);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(decoded->rejected, 0u);
  ASSERT_EQ(decoded->spans.size(), 4u);

  const Span& client = decoded->spans[0];
  EXPECT_EQ(client.trace_id, "00000000000000005af7183fb1d4cf5f") << "64-bit ids are left-padded";
  EXPECT_EQ(client.span_id, "6b221d5bc9e6496c");
  EXPECT_EQ(client.parent_span_id, "");
  EXPECT_FALSE(client.parent_is_remote);
  EXPECT_EQ(client.kind, SpanKind::Client);
  EXPECT_EQ(client.start_unix_nano, 1700000000100000000u);
  EXPECT_EQ(client.end_unix_nano, 1700000000125000000u);
  EXPECT_EQ(client.service, "frontend");
  EXPECT_EQ(client.resource, Value::parse(R"({"service.name":"frontend"})"));
  EXPECT_EQ(
      client.attributes,
      Value::parse(R"({"http.method":"GET","http.path":"/api/stock","http.status_code":"200"})"));
  EXPECT_EQ(client.status, SpanStatus::Unset);
  ASSERT_EQ(client.events.size(), 1u);
  EXPECT_EQ(client.events[0].name, "wire send");
  EXPECT_EQ(client.events[0].time_unix_nano, 1700000000100500000u);

  const Span& server = decoded->spans[1];
  EXPECT_EQ(server.parent_span_id, "6b221d5bc9e6496c");
  EXPECT_TRUE(server.parent_is_remote);
  EXPECT_EQ(server.kind, SpanKind::Server);
  EXPECT_EQ(server.service, "inventory");

  const Span& query = decoded->spans[2];
  EXPECT_EQ(query.trace_id, "463ac35c9f6413ad48485a3953bb6124");
  EXPECT_EQ(query.span_id, "a2fb4a1d1a96d312");
  EXPECT_EQ(query.status, SpanStatus::Error);
  EXPECT_EQ(query.status_message, "connection reset");
  EXPECT_EQ(query.attributes["error"], "connection reset");
  EXPECT_DOUBLE_EQ(query.duration_ms(), 1.5);

  const Span& bare = decoded->spans[3];
  EXPECT_EQ(bare.kind, SpanKind::Unspecified);
  EXPECT_EQ(bare.service, "");
  EXPECT_EQ(bare.resource, Value::object());
  EXPECT_EQ(bare.start_unix_nano, 0u);
}

TEST(ZipkinJson, RejectsSpansWithBadIdsAndKeepsTheOthers) {
  auto decoded = decode_zipkin_json(R"([
    {"traceId":"5af7183fb1d4cf5f","id":"6b221d5bc9e6496c","name":"kept"},
    {"traceId":"5af7183f","id":"6b221d5bc9e6496c"},
    {"traceId":"5af7183fb1d4cf5f","id":"0000000000000000"},
    {"traceId":"5af7183fb1d4cf5f"}])");
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(decoded->rejected, 3u);
  EXPECT_EQ(decoded->rejection_reason, "span 1: trace id must be 16 or 32 hex digits, got 8");
  ASSERT_EQ(decoded->spans.size(), 1u);
  EXPECT_EQ(decoded->spans[0].name, "kept");
}

TEST(ZipkinJson, MalformedOrMisshapenBodiesAreErrors) {
  const std::pair<const char*, const char*> cases[] = {
      {"[{]",
       "malformed Zipkin JSON body at byte 3: syntax error while parsing object key - "
       "unexpected ']'; expected string literal"},
      {R"({"traceId":"5af7183fb1d4cf5f"})",
       "invalid Zipkin JSON body: the body must be an array of spans, got object"},
      {R"([{"traceId":"5af7183fb1d4cf5f","id":"6b221d5bc9e6496c","timestamp":-5}])",
       "invalid Zipkin JSON body: [0].timestamp must not be negative, got -5"},
      {R"([{"traceId":"5af7183fb1d4cf5f","id":"6b221d5bc9e6496c","tags":["error"]}])",
       "invalid Zipkin JSON body: [0].tags must be an object, got array"},
      {R"([{"traceId":"5af7183fb1d4cf5f","id":"6b221d5bc9e6496c","timestamp":18446744073709551,"duration":1000}])",
       "invalid Zipkin JSON body: [0].timestamp + duration does not fit in 64-bit unix "
       "nanoseconds"},
      {R"([{"traceId":"5af7183fb1d4cf5f","id":"6b221d5bc9e6496c","timestamp":18446744073709552}])",
       "invalid Zipkin JSON body: [0].timestamp is too large for a microsecond time, got "
       "18446744073709552"},
  };
  for (const auto& [body, message] : cases) {
    auto decoded = decode_zipkin_json(body);
    ASSERT_FALSE(decoded.ok()) << body;
    EXPECT_EQ(decoded.error().message, message);
  }
}

TEST(ZipkinJson, EmptyListHasNoSpans) {
  auto decoded = decode_zipkin_json("[]");
  ASSERT_TRUE(decoded.ok());
  EXPECT_TRUE(decoded->spans.empty());
}

// Found by fuzzing the JSON decoders: see OtlpJson.ANumberBeyondDoubleRangeIsAMalformedBody.
TEST(ZipkinJson, ANumberBeyondDoubleRangeIsAMalformedBody) {
  auto decoded = decode_zipkin_json(R"([{"traceId":"5af7183fb1d4cf5f","id":"6b221d5bc9e6496c","duration":-2e400}])");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error().message, "malformed Zipkin JSON body: number overflow parsing '-2e400'");
}

}  // namespace
}  // namespace glassbox
