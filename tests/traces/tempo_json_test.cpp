// Tempo trace-by-id JSON, in each shape Tempo has answered with, to glassbox spans.
#include "probes/traces/tempo_json.hpp"

#include <gtest/gtest.h>

namespace glassbox::probes {
namespace {

// Tempo 2.x's /api/traces/{id}: "batches" and base64 ids (jsonpb's encoding of bytes).
constexpr std::string_view kBatchesWithBase64Ids = R"({"batches":[
  {"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"frontend"}}]},
   "scopeSpans":[{"scope":{"name":"io.opentelemetry.http"},"spans":[
     {"traceId":"AAAAAAAAAABL+S81d7NNpg==","spanId":"APBnqgupArc=","parentSpanId":"obLD1OX2Bxg=",
      "name":"GET /orders","kind":"SPAN_KIND_SERVER",
      "startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000001500000",
      "attributes":[{"key":"http.status_code","value":{"intValue":"200"}}],"status":{}}]}]},
  {"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"orders"}}]},
   "scopeSpans":[{"scope":{"name":"db"},"spans":[
     {"traceId":"AAAAAAAAAABL+S81d7NNpg==","spanId":"U5lcP0LNitg=","parentSpanId":"APBnqgupArc=",
      "name":"SELECT orders","kind":"SPAN_KIND_CLIENT",
      "startTimeUnixNano":"1700000000000200000","endTimeUnixNano":"1700000000001000000",
      "status":{"code":"STATUS_CODE_ERROR","message":"deadline exceeded"}}]}]}
]})";

TEST(TempoJson, BatchesWithBase64IdsDecodeToHexIds) {
  const auto spans = decode_tempo_json(kBatchesWithBase64Ids);
  ASSERT_TRUE(spans.ok()) << spans.error().message;
  ASSERT_EQ(spans->size(), 2u);
  const Span& server = (*spans)[0];
  EXPECT_EQ(server.trace_id, "00000000000000004bf92f3577b34da6");
  EXPECT_EQ(server.span_id, "00f067aa0ba902b7");
  EXPECT_EQ(server.parent_span_id, "a1b2c3d4e5f60718");
  EXPECT_EQ(server.service, "frontend");
  EXPECT_EQ(server.scope, "io.opentelemetry.http");
  EXPECT_EQ(server.kind, SpanKind::Server);
  EXPECT_EQ(server.attributes, (Value{{"http.status_code", 200}}));
  const Span& client = (*spans)[1];
  EXPECT_EQ(client.parent_span_id, "00f067aa0ba902b7");
  EXPECT_EQ(client.service, "orders");
  EXPECT_EQ(client.status, SpanStatus::Error);
  EXPECT_EQ(client.status_message, "deadline exceeded");
}

TEST(TempoJson, ResourceSpansWithHexIdsDecodeAsOtlpJson) {
  const auto spans = decode_tempo_json(R"({"resourceSpans":[{"resource":{"attributes":[
      {"key":"service.name","value":{"stringValue":"frontend"}}]},"scopeSpans":[{"spans":[
      {"traceId":"4bf92f3577b34da600f067aa0ba902b7","spanId":"53995c3f42cd8ad8","name":"GET /"}]}]}]})");
  ASSERT_TRUE(spans.ok()) << spans.error().message;
  ASSERT_EQ(spans->size(), 1u);
  EXPECT_EQ(spans->front().trace_id, "4bf92f3577b34da600f067aa0ba902b7");
  EXPECT_EQ(spans->front().span_id, "53995c3f42cd8ad8");
  EXPECT_EQ(spans->front().parent_span_id, "");
  EXPECT_EQ(spans->front().service, "frontend");
}

TEST(TempoJson, TraceObjectOfTheV2ApiDecodes) {
  const auto spans = decode_tempo_json(R"({"trace":{"resourceSpans":[{"scopeSpans":[{"spans":[
      {"traceId":"S/kvNXezTaYA8GeqC6kCtw==","spanId":"U5lcP0LNitg=","name":"GET /"}]}]}]}})");
  ASSERT_TRUE(spans.ok()) << spans.error().message;
  ASSERT_EQ(spans->size(), 1u);
  EXPECT_EQ(spans->front().trace_id, "4bf92f3577b34da600f067aa0ba902b7");
  EXPECT_EQ(spans->front().span_id, "53995c3f42cd8ad8");
}

TEST(TempoJson, EmptyTraceObjectIsNoSpans) {
  const auto spans = decode_tempo_json(R"({"trace":{}})");
  ASSERT_TRUE(spans.ok()) << spans.error().message;
  EXPECT_TRUE(spans->empty());
}

TEST(TempoJson, InstrumentationLibraryNamesBecomeScopeNames) {
  const auto normalised = normalise_tempo_json(R"({"batches":[{"instrumentationLibrarySpans":[
      {"instrumentationLibrary":{"name":"lib"},"spans":[{"traceId":"AAAAAAAAAABL+S81d7NNpg==",
      "spanId":"APBnqgupArc=","parentSpanId":"","links":[{"traceId":"S/kvNXezTaYA8GeqC6kCtw==","spanId":"U5lcP0LNitg="}]}]}]}]})");
  ASSERT_TRUE(normalised.ok()) << normalised.error().message;
  EXPECT_EQ(Value::parse(*normalised), Value::parse(R"({"resourceSpans":[{"scopeSpans":[
      {"scope":{"name":"lib"},"spans":[{"traceId":"00000000000000004bf92f3577b34da6",
      "spanId":"00f067aa0ba902b7","parentSpanId":"","links":[{"traceId":"4bf92f3577b34da600f067aa0ba902b7",
      "spanId":"53995c3f42cd8ad8"}]}]}]}]})"));
}

TEST(TempoJson, IdsThatAreNeitherHexNorBase64OfTheRightLengthAreLeftForTheDecoder) {
  const auto normalised = normalise_tempo_json(R"({"batches":[{"scopeSpans":[{"spans":[
      {"traceId":"AQID","spanId":"not base64!"}]}]}]})");
  ASSERT_TRUE(normalised.ok()) << normalised.error().message;
  const Value span = Value::parse(*normalised)["resourceSpans"][0]["scopeSpans"][0]["spans"][0];
  EXPECT_EQ(span["traceId"], "AQID");
  EXPECT_EQ(span["spanId"], "not base64!");
}

TEST(TempoJson, BodyOfAnotherShapeIsAnError) {
  const auto spans = decode_tempo_json(R"({"data":[]})");
  ASSERT_FALSE(spans.ok());
  EXPECT_EQ(spans.error().message, "response has none of \"batches\", \"resourceSpans\" or \"trace\".\"resourceSpans\"");
}

TEST(TempoJson, BodyThatIsNotJsonIsAnError) {
  const auto spans = decode_tempo_json("trace not found");
  ASSERT_FALSE(spans.ok());
  EXPECT_EQ(spans.error().message, "response is not valid JSON");
}

}  // namespace
}  // namespace glassbox::probes
