// decode_otlp_json on hand-written bodies: the OTLP/JSON rules that differ from protobuf's
// JSON mapping, lenient reading, rejected spans and malformed bodies.
#include <gtest/gtest.h>

#include "probes/spans/decode.hpp"

namespace glassbox {
namespace {

using probes::decode_otlp_json;

// One span in one scope in one resource; `span_fields` is spliced into the span object.
std::string body_with_span(const std::string& span_fields) {
  return R"({"resourceSpans":[{"resource":{"attributes":[
             {"key":"service.name","value":{"stringValue":"shop"}}]},
           "scopeSpans":[{"scope":{"name":"shop-http"},"spans":[{)" +
         span_fields + "}]}]}]}";
}

constexpr const char* kIds =
    R"("traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902b7")";

TEST(OtlpJson, ReadsIntegerEnumsAndStringInt64) {
  auto decoded = decode_otlp_json(body_with_span(std::string(kIds) + R"(,
      "parentSpanId":"b7ad6b7169203331","name":"GET /cart","kind":2,
      "startTimeUnixNano":"1700000000000000000","endTimeUnixNano":1700000000250000000,
      "status":{"code":2,"message":"boom"},
      "attributes":[{"key":"http.response.status_code","value":{"intValue":"503"}},
                    {"key":"retry","value":{"boolValue":true}},
                    {"key":"ratio","value":{"doubleValue":0.5}},
                    {"key":"raw","value":{"bytesValue":"AAEC"}},
                    {"key":"map","value":{"kvlistValue":{"values":[{"key":"a","value":{"intValue":1}}]}}},
                    {"key":"empty","value":{}}])"));
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  ASSERT_EQ(decoded->spans.size(), 1u);
  const Span& span = decoded->spans[0];
  EXPECT_EQ(span.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(span.parent_span_id, "b7ad6b7169203331");
  EXPECT_EQ(span.kind, SpanKind::Server);
  EXPECT_EQ(span.start_unix_nano, 1700000000000000000u);
  EXPECT_EQ(span.end_unix_nano, 1700000000250000000u);
  EXPECT_DOUBLE_EQ(span.duration_ms(), 250.0);
  EXPECT_EQ(span.status, SpanStatus::Error);
  EXPECT_EQ(span.status_message, "boom");
  EXPECT_EQ(span.attributes,
            Value::parse(R"({"http.response.status_code":503,"retry":true,"ratio":0.5,
      "raw":"AAEC","map":{"a":1},"empty":null})"));
  EXPECT_TRUE(span.attributes["http.response.status_code"].is_number_integer());
  EXPECT_EQ(span.service, "shop");
  EXPECT_EQ(span.scope, "shop-http");
  EXPECT_EQ(span.resource, Value::parse(R"({"service.name":"shop"})"));
}

TEST(OtlpJson, ReadsEnumNames) {
  auto decoded = decode_otlp_json(body_with_span(
      std::string(kIds) + R"(,"kind":"SPAN_KIND_CONSUMER","status":{"code":"STATUS_CODE_OK"})"));
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  ASSERT_EQ(decoded->spans.size(), 1u);
  EXPECT_EQ(decoded->spans[0].kind, SpanKind::Consumer);
  EXPECT_EQ(decoded->spans[0].status, SpanStatus::Ok);
}

TEST(OtlpJson, UnknownEnumValuesReadAsUnspecified) {
  auto decoded = decode_otlp_json(
      body_with_span(std::string(kIds) + R"(,"kind":42,"status":{"code":"STATUS_CODE_MAYBE"})"));
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(decoded->spans[0].kind, SpanKind::Unspecified);
  EXPECT_EQ(decoded->spans[0].status, SpanStatus::Unset);
}

TEST(OtlpJson, StoresUpperCaseHexIdsInLowerCase) {
  auto decoded = decode_otlp_json(body_with_span(
      R"("traceId":"4BF92F3577B34DA6A3CE929D0E0E4736","spanId":"00F067AA0BA902B7","parentSpanId":"B7AD6B7169203331")"));
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(decoded->spans[0].trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(decoded->spans[0].span_id, "00f067aa0ba902b7");
  EXPECT_EQ(decoded->spans[0].parent_span_id, "b7ad6b7169203331");
}

TEST(OtlpJson, IgnoresUnknownFieldsAtEveryLevel) {
  auto decoded =
      decode_otlp_json(R"({"resourceSpans":[{"resource":{"attributes":[],"entityRefs":[{"x":1}]},
      "futureField":true,"scopeSpans":[{"scope":{"name":"s","extra":[1,2]},"spans":[{
        "traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902b7","name":"n",
        "links":[{"traceId":"00","spanId":"zz"}],"brandNew":{"deep":[null]}}]}]}],"other":1})");
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  ASSERT_EQ(decoded->spans.size(), 1u);
  EXPECT_EQ(decoded->spans[0].name, "n");
  EXPECT_EQ(decoded->spans[0].service, "");
}

TEST(OtlpJson, AcceptsSnakeCaseFieldNames) {
  auto decoded = decode_otlp_json(R"({"resource_spans":[{"scope_spans":[{"spans":[{
      "trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","span_id":"00f067aa0ba902b7",
      "parent_span_id":"b7ad6b7169203331","start_time_unix_nano":"5","end_time_unix_nano":"9",
      "attributes":[{"key":"n","value":{"int_value":"7"}}]}]}]}]})");
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  ASSERT_EQ(decoded->spans.size(), 1u);
  EXPECT_EQ(decoded->spans[0].parent_span_id, "b7ad6b7169203331");
  EXPECT_EQ(decoded->spans[0].end_unix_nano, 9u);
  EXPECT_EQ(decoded->spans[0].attributes["n"], 7);
}

TEST(OtlpJson, EmptyOrAllZeroParentMeansRoot) {
  for (const char* parent : {R"("parentSpanId":"")", R"("parentSpanId":"0000000000000000")"}) {
    auto decoded = decode_otlp_json(body_with_span(std::string(kIds) + "," + parent));
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    ASSERT_EQ(decoded->spans.size(), 1u);
    EXPECT_EQ(decoded->spans[0].parent_span_id, "");
  }
}

TEST(OtlpJson, RemoteParentNeedsBothFlagBits) {
  const std::pair<const char*, bool> cases[] = {
      {"769", true}, {"\"768\"", true}, {"257", false}, {"513", false}, {"1", false}};
  for (const auto& [flags, remote] : cases) {
    auto decoded = decode_otlp_json(body_with_span(
        std::string(kIds) + R"(,"parentSpanId":"b7ad6b7169203331","flags":)" + flags));
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded->spans[0].parent_is_remote, remote) << flags;
  }
}

TEST(OtlpJson, RejectsSpansWithBadIdsAndKeepsTheOthers) {
  auto decoded = decode_otlp_json(R"({"resourceSpans":[{"scopeSpans":[{"spans":[
      {"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902b7","name":"kept-0"},
      {"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902b8","name":"kept-1"}]},
    {"spans":[
      {"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902b9","name":"kept-2"},
      {"traceId":"4bf92f35","spanId":"00f067aa0ba902b7","name":"short-trace"},
      {"traceId":"00000000000000000000000000000000","spanId":"00f067aa0ba902b7"},
      {"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa"},
      {"traceId":"4bf92f3577b34da6a3ce929d0e0e4736"},
      {"traceId":"not hex","spanId":"00f067aa0ba902b7"},
      {"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902b7","parentSpanId":"abcd"},
      {"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902ba","name":"kept-3"}]}]}]})");
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(decoded->rejected, 6u);
  EXPECT_EQ(decoded->rejection_reason, "span 3: trace id must be 16 bytes, got 4");
  ASSERT_EQ(decoded->spans.size(), 4u);
  EXPECT_EQ(decoded->spans[3].name, "kept-3");
}

TEST(OtlpJson, RejectionReasonsNameTheProblem) {
  const std::pair<const char*, const char*> cases[] = {
      {R"("traceId":"00000000000000000000000000000000","spanId":"00f067aa0ba902b7")",
       "span 0: trace id must not be all zeros"},
      {R"("traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa")",
       "span 0: span id must be 8 bytes, got 4"},
      {R"("traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"0000000000000000")",
       "span 0: span id must not be all zeros"},
      {R"("traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902b7","parentSpanId":"abcd")",
       "span 0: parent span id must be 8 bytes or empty, got 2"},
      {R"("traceId":"4bf92f3577b34da6a3ce929d0e0e473g","spanId":"00f067aa0ba902b7")",
       R"(span 0: trace id is not hex: "4bf92f3577b34da6a3ce929d0e0e473g")"},
      {R"("traceId":16,"spanId":"00f067aa0ba902b7")",
       "span 0: trace id must be a hex string, got number"},
  };
  for (const auto& [fields, reason] : cases) {
    auto decoded = decode_otlp_json(body_with_span(fields));
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded->rejected, 1u);
    EXPECT_EQ(decoded->rejection_reason, reason);
    EXPECT_TRUE(decoded->spans.empty());
  }
}

TEST(OtlpJson, MalformedJsonNamesTheBytePosition) {
  auto decoded = decode_otlp_json(R"({"resourceSpans": [}])");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error().message,
            "malformed OTLP JSON body at byte 20: syntax error while parsing value - "
            "unexpected '}'; expected '[', '{', or a literal");
  auto empty = decode_otlp_json("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().message,
            "malformed OTLP JSON body at byte 1: syntax error while parsing value - "
            "unexpected end of input; expected '[', '{', or a literal");
}

TEST(OtlpJson, WrongShapesAreErrorsWithThePath) {
  const std::pair<std::string, const char*> cases[] = {
      {"[]", "invalid OTLP JSON body: the body must be an object, got array"},
      {R"({"resourceSpans":{}})",
       "invalid OTLP JSON body: resourceSpans must be an array, got object"},
      {body_with_span(R"("name":5)"),
       "invalid OTLP JSON body: resourceSpans[0].scopeSpans[0].spans[0].name must be a string, got "
       "number"},
      {body_with_span(R"("startTimeUnixNano":"soon")"),
       R"(invalid OTLP JSON body: resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano must be an unsigned integer, got "soon")"},
      {body_with_span(R"("attributes":[{"key":"n","value":{"intValue":1.5}}])"),
       "invalid OTLP JSON body: "
       "resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.intValue "
       "must be an integer, got number"},
      {body_with_span(R"("kind":true)"),
       "invalid OTLP JSON body: resourceSpans[0].scopeSpans[0].spans[0].kind must be an enum name "
       "or integer, got boolean"},
  };
  for (const auto& [body, message] : cases) {
    auto decoded = decode_otlp_json(body);
    ASSERT_FALSE(decoded.ok()) << body;
    EXPECT_EQ(decoded.error().message, message);
  }
}

TEST(OtlpJson, DeeplyNestedAttributeValuesAreAnErrorNotACrash) {
  std::string value = R"({"stringValue":"leaf"})";
  for (int i = 0; i < 200; ++i) value = R"({"arrayValue":{"values":[)" + value + "]}}";
  auto decoded = decode_otlp_json(body_with_span(
      std::string(kIds) + R"(,"attributes":[{"key":"deep","value":)" + value + "}]"));
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(decoded.error().message.find("is nested more than 64 levels deep"), std::string::npos)
      << decoded.error().message;
}

TEST(OtlpJson, EmptyRequestHasNoSpans) {
  for (const char* body : {"{}", R"({"resourceSpans":[]})", R"({"resourceSpans":null})"}) {
    auto decoded = decode_otlp_json(body);
    ASSERT_TRUE(decoded.ok()) << body;
    EXPECT_TRUE(decoded->spans.empty());
    EXPECT_EQ(decoded->rejected, 0u);
  }
}

// Found by fuzzing the JSON decoders: a number beyond double's range is refused by nlohmann
// with out_of_range, not parse_error, which escaped the decoder and ended the receiver.
TEST(OtlpJson, ANumberBeyondDoubleRangeIsAMalformedBody) {
  auto decoded = decode_otlp_json(R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"startTimeUnixNano":1e999}]}]}]})");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error().message, "malformed OTLP JSON body: number overflow parsing '1e999'");
}

}  // namespace
}  // namespace glassbox
