// Jaeger query API JSON to glassbox spans.
#include "probes/traces/jaeger_json.hpp"

#include <gtest/gtest.h>

namespace glassbox::probes {
namespace {

// What Jaeger's query service returns for a two-service trace reported by a 64-bit-id
// client: a frontend server span under the probe's request and an orders client span
// under it, with typed tags, a log and the OTel kind/status tags Jaeger stores.
constexpr std::string_view kTwoServiceTrace = R"({
  "data": [{
    "traceID": "4bf92f3577b34da6",
    "spans": [
      {
        "traceID": "4bf92f3577b34da6",
        "spanID": "00f067aa0ba902b7",
        "flags": 1,
        "operationName": "GET /orders",
        "references": [{"refType": "CHILD_OF", "traceID": "4bf92f3577b34da6", "spanID": "a1b2c3d4e5f60718"}],
        "startTime": 1700000000000000,
        "duration": 1500,
        "tags": [
          {"key": "span.kind", "type": "string", "value": "server"},
          {"key": "http.method", "type": "string", "value": "GET"},
          {"key": "http.status_code", "type": "int64", "value": 200},
          {"key": "otel.scope.name", "type": "string", "value": "io.opentelemetry.http"},
          {"key": "otel.status_code", "type": "string", "value": "OK"}
        ],
        "logs": [],
        "processID": "p1",
        "warnings": null
      },
      {
        "traceID": "4bf92f3577b34da6",
        "spanID": "53995C3F42CD8AD8",
        "flags": 1,
        "operationName": "SELECT orders",
        "references": [
          {"refType": "FOLLOWS_FROM", "traceID": "4bf92f3577b34da6", "spanID": "1111111111111111"},
          {"refType": "CHILD_OF", "traceID": "4bf92f3577b34da6", "spanID": "00f067aa0ba902b7"}
        ],
        "startTime": 1700000000000200,
        "duration": 800,
        "tags": [
          {"key": "span.kind", "type": "string", "value": "client"},
          {"key": "db.rows", "type": "int64", "value": -3},
          {"key": "cache.hit", "type": "bool", "value": false},
          {"key": "load.ratio", "type": "float64", "value": 0.25},
          {"key": "payload", "type": "binary", "value": "AQID"},
          {"key": "otel.status_code", "type": "string", "value": "ERROR"},
          {"key": "otel.status_description", "type": "string", "value": "deadline exceeded"},
          {"key": "error", "type": "bool", "value": true}
        ],
        "logs": [{
          "timestamp": 1700000000000900,
          "fields": [
            {"key": "event", "type": "string", "value": "exception"},
            {"key": "exception.message", "type": "string", "value": "timeout"}
          ]
        }],
        "processID": "p2",
        "warnings": null
      }
    ],
    "processes": {
      "p1": {"serviceName": "frontend", "tags": [{"key": "hostname", "type": "string", "value": "web-1"}]},
      "p2": {"serviceName": "orders", "tags": [{"key": "telemetry.sdk.language", "type": "string", "value": "go"}]}
    },
    "warnings": null
  }],
  "total": 0, "limit": 0, "offset": 0, "errors": null
})";

std::vector<Span> decode_two_service_trace() {
  auto spans = decode_jaeger_json(kTwoServiceTrace);
  EXPECT_TRUE(spans.ok()) << spans.error().message;
  EXPECT_EQ(spans->size(), 2u);
  return spans.ok() ? *spans : std::vector<Span>{};
}

TEST(JaegerJson, LeftPadsSixteenHexTraceIdsTo32) {
  const auto spans = decode_two_service_trace();
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].trace_id, "00000000000000004bf92f3577b34da6");
  EXPECT_EQ(spans[1].trace_id, "00000000000000004bf92f3577b34da6");
}

TEST(JaegerJson, LowercasesSpanIds) {
  const auto spans = decode_two_service_trace();
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[1].span_id, "53995c3f42cd8ad8");
}

TEST(JaegerJson, ParentIsTheChildOfReferenceEvenWhenNotFirst) {
  const auto spans = decode_two_service_trace();
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].parent_span_id, "a1b2c3d4e5f60718");
  EXPECT_EQ(spans[1].parent_span_id, "00f067aa0ba902b7");
}

TEST(JaegerJson, SpanWithoutReferencesIsARoot) {
  const auto spans = decode_jaeger_json(
      R"({"data":[{"spans":[{"traceID":"4bf92f3577b34da6","spanID":"00f067aa0ba902b7","operationName":"root"}]}]})");
  ASSERT_TRUE(spans.ok()) << spans.error().message;
  ASSERT_EQ(spans->size(), 1u);
  EXPECT_EQ(spans->front().parent_span_id, "");
  EXPECT_EQ(spans->front().service, "");
}

TEST(JaegerJson, TagsKeepTheirDeclaredTypes) {
  const auto spans = decode_two_service_trace();
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].attributes, (Value{{"http.method", "GET"}, {"http.status_code", 200}}));
  const Value& attributes = spans[1].attributes;
  EXPECT_EQ(attributes.at("db.rows"), Value(-3));
  EXPECT_TRUE(attributes.at("db.rows").is_number_integer());
  EXPECT_EQ(attributes.at("cache.hit"), Value(false));
  EXPECT_DOUBLE_EQ(attributes.at("load.ratio").get<double>(), 0.25);
  EXPECT_EQ(attributes.at("payload"), Value("AQID"));
}

TEST(JaegerJson, TypedTagsSentAsStringsAreConverted) {
  const auto spans = decode_jaeger_json(R"({"data":[{"spans":[{"traceID":"1","spanID":"2","tags":[
      {"key":"n","type":"int64","value":"-42"},
      {"key":"b","type":"bool","value":"true"},
      {"key":"f","type":"float64","value":"1.5"}]}]}]})");
  ASSERT_TRUE(spans.ok()) << spans.error().message;
  ASSERT_EQ(spans->size(), 1u);
  EXPECT_EQ(spans->front().attributes, (Value{{"n", -42}, {"b", true}, {"f", 1.5}}));
}

TEST(JaegerJson, KindStatusAndScopeTagsBecomeSpanFields) {
  const auto spans = decode_two_service_trace();
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].kind, SpanKind::Server);
  EXPECT_EQ(spans[0].status, SpanStatus::Ok);
  EXPECT_EQ(spans[0].scope, "io.opentelemetry.http");
  EXPECT_EQ(spans[1].kind, SpanKind::Client);
  EXPECT_EQ(spans[1].status, SpanStatus::Error);
  EXPECT_EQ(spans[1].status_message, "deadline exceeded");
  for (const char* tag : {"span.kind", "otel.status_code", "otel.status_description", "error"}) {
    EXPECT_FALSE(spans[1].attributes.contains(tag)) << tag;
  }
}

TEST(JaegerJson, ErrorTagAloneMarksTheSpanFailed) {
  const auto spans = decode_jaeger_json(R"({"data":[{"spans":[{"traceID":"1","spanID":"2",
      "tags":[{"key":"error","type":"bool","value":true}]}]}]})");
  ASSERT_TRUE(spans.ok()) << spans.error().message;
  ASSERT_EQ(spans->size(), 1u);
  EXPECT_EQ(spans->front().status, SpanStatus::Error);
}

TEST(JaegerJson, ServiceAndResourceComeFromTheProcess) {
  const auto spans = decode_two_service_trace();
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].service, "frontend");
  EXPECT_EQ(spans[0].resource, (Value{{"hostname", "web-1"}, {"service.name", "frontend"}}));
  EXPECT_EQ(spans[1].service, "orders");
  EXPECT_EQ(spans[1].resource, (Value{{"telemetry.sdk.language", "go"}, {"service.name", "orders"}}));
}

TEST(JaegerJson, MicrosecondTimesBecomeNanoseconds) {
  const auto spans = decode_two_service_trace();
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].start_unix_nano, 1700000000000000000u);
  EXPECT_EQ(spans[0].end_unix_nano, 1700000000001500000u);
  EXPECT_DOUBLE_EQ(spans[0].duration_ms(), 1.5);
}

TEST(JaegerJson, LogsBecomeEventsNamedByTheirEventField) {
  const auto spans = decode_two_service_trace();
  ASSERT_EQ(spans.size(), 2u);
  ASSERT_EQ(spans[1].events.size(), 1u);
  const SpanEvent& event = spans[1].events[0];
  EXPECT_EQ(event.name, "exception");
  EXPECT_EQ(event.time_unix_nano, 1700000000000900000u);
  EXPECT_EQ(event.attributes, (Value{{"exception.message", "timeout"}}));
  EXPECT_TRUE(spans[0].events.empty());
}

TEST(JaegerJson, SkipsSpansWithUnusableIds) {
  const auto spans = decode_jaeger_json(R"({"data":[{"spans":[
      {"traceID":"not-hex","spanID":"00f067aa0ba902b7"},
      {"traceID":"4bf92f3577b34da6","spanID":"0000000000000000"},
      {"traceID":"4bf92f3577b34da6","spanID":"00f067aa0ba902b7"}]}]})");
  ASSERT_TRUE(spans.ok()) << spans.error().message;
  ASSERT_EQ(spans->size(), 1u);
  EXPECT_EQ(spans->front().span_id, "00f067aa0ba902b7");
}

TEST(JaegerJson, EmptyDataIsNoSpans) {
  const auto spans = decode_jaeger_json(R"({"data":[],"errors":null})");
  ASSERT_TRUE(spans.ok()) << spans.error().message;
  EXPECT_TRUE(spans->empty());
}

TEST(JaegerJson, BodyThatIsNotJsonIsAnError) {
  const auto spans = decode_jaeger_json("<html>proxy error</html>");
  ASSERT_FALSE(spans.ok());
  EXPECT_EQ(spans.error().message, "response is not valid JSON");
}

TEST(JaegerJson, BodyWithoutDataIsAnError) {
  const auto spans = decode_jaeger_json(R"({"data":null,"errors":[{"code":404,"msg":"trace not found"}]})");
  ASSERT_FALSE(spans.ok());
  EXPECT_EQ(spans.error().message, "response has no \"data\" array of traces");
}

TEST(JaegerJson, ErrorMessageIsTheFirstErrorsMsg) {
  EXPECT_EQ(jaeger_error_message(R"({"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":404,"msg":"trace not found"}]})"),
            "trace not found");
  EXPECT_EQ(jaeger_error_message("404 page not found"), "");
  EXPECT_EQ(jaeger_error_message(R"({"data":[],"errors":null})"), "");
}

}  // namespace
}  // namespace glassbox::probes
