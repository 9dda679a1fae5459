// The decoders against real export bodies from the OpenTelemetry JS SDK
// (tests/data/fixtures, described by its manifest.json).
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "probes/spans/decode.hpp"
#include "span_test_support.hpp"

namespace glassbox {
namespace {

using spans_test::read_fixture;

Expected<probes::DecodedSpans> decode_fixture(const std::string& file) {
  const std::string body = read_fixture(file);
  if (file.ends_with(".otlp.pb")) return probes::decode_otlp_protobuf(body);
  return probes::decode_otlp_json(body);
}

const Span* find_span(const std::vector<Span>& spans, std::string_view trace_id,
                      std::string_view name) {
  for (const auto& span : spans) {
    if (span.trace_id == trace_id && span.name == name) return &span;
  }
  return nullptr;
}

TEST(SpanFixtures, EachPayloadDecodesToWhatTheManifestCounts) {
  const Value manifest = Value::parse(read_fixture("manifest.json"));
  ASSERT_EQ(manifest["payloads"].size(), 10u);
  for (const auto& payload : manifest["payloads"]) {
    const std::string file = payload["file"];
    SCOPED_TRACE(file);
    auto decoded = decode_fixture(file);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded->rejected, 0u);

    std::set<std::string> traces;
    std::size_t local_roots = 0;
    std::size_t errors = 0;
    std::map<std::string, std::size_t> names;
    Value remote_parents = Value::array();
    for (const auto& span : decoded->spans) {
      traces.insert(span.trace_id);
      if (span.parent_span_id.empty() || span.parent_is_remote) ++local_roots;
      if (span.parent_is_remote) {
        remote_parents.push_back({{"trace_id", span.trace_id},
                                  {"parent_span_id", span.parent_span_id},
                                  {"name", span.name}});
      }
      if (span.status == SpanStatus::Error) ++errors;
      ++names[span.name];
      EXPECT_EQ(span.service, "eval-svc");
    }
    EXPECT_EQ(decoded->spans.size(), payload["spans"].get<std::size_t>());
    EXPECT_EQ(traces.size(), payload["traces"].get<std::size_t>());
    EXPECT_EQ(local_roots, payload["local_roots"].get<std::size_t>());
    EXPECT_EQ(remote_parents, payload["remote_parent_spans"]);
    EXPECT_EQ(errors, payload["error_spans"].get<std::size_t>());
    EXPECT_EQ(Value(names), payload["span_names"]);
  }
}

// The .pb and .json files are separate captures, so "the same capture in both encodings"
// is made by re-encoding each protobuf body as OTLP/JSON with libprotobuf's own printer.
TEST(SpanFixtures, ProtobufAndJsonOfTheSameCaptureDecodeToIdenticalSpans) {
  for (const char* capture : {"triangle", "nextdate", "discount", "orders", "faults"}) {
    SCOPED_TRACE(capture);
    const std::string pb = read_fixture(std::string(capture) + ".otlp.pb");
    opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest request;
    ASSERT_TRUE(request.ParseFromString(pb));
    auto from_pb = probes::decode_otlp_protobuf(pb);
    ASSERT_TRUE(from_pb.ok());
    for (auto style : {spans_test::EnumStyle::Names, spans_test::EnumStyle::Integers}) {
      auto from_json = probes::decode_otlp_json(spans_test::to_otlp_json(request, style));
      ASSERT_TRUE(from_json.ok()) << from_json.error().message;
      ASSERT_EQ(from_json->spans.size(), from_pb->spans.size());
      for (std::size_t i = 0; i < from_pb->spans.size(); ++i) {
        EXPECT_TRUE(spans_test::same_span(from_pb->spans[i], from_json->spans[i]));
      }
    }
  }
}

TEST(SpanFixtures, ServerSpanContinuingAnIncomingTraceparentHasARemoteParent) {
  for (const char* file : {"triangle.otlp.pb", "triangle.otlp.json"}) {
    SCOPED_TRACE(file);
    auto decoded = decode_fixture(file);
    ASSERT_TRUE(decoded.ok());
    const Span* server =
        find_span(decoded->spans, "4bf92f3577b34da6a3ce929d0e0e4736", "POST /triangle");
    ASSERT_NE(server, nullptr);
    EXPECT_EQ(server->parent_span_id, "00f067aa0ba902b7");
    EXPECT_TRUE(server->parent_is_remote);
    EXPECT_EQ(server->kind, SpanKind::Server);
    EXPECT_EQ(server->scope, "@opentelemetry/instrumentation-http");
    EXPECT_EQ(server->attributes["http.response.status_code"], 200);
    EXPECT_EQ(server->resource["telemetry.sdk.language"], "nodejs");
    const Span* child = find_span(decoded->spans, "4bf92f3577b34da6a3ce929d0e0e4736", "validate");
    ASSERT_NE(child, nullptr);
    EXPECT_EQ(child->parent_span_id, server->span_id);
    EXPECT_FALSE(child->parent_is_remote);
    EXPECT_EQ(child->kind, SpanKind::Internal);
    EXPECT_GT(child->end_unix_nano, child->start_unix_nano);
  }
}

TEST(SpanFixtures, AttributesKeepTheirTypes) {
  auto decoded = decode_fixture("triangle.otlp.json");
  ASSERT_TRUE(decoded.ok());
  const Span* validate = find_span(decoded->spans, "4bf92f3577b34da6a3ce929d0e0e4736", "validate");
  ASSERT_NE(validate, nullptr);
  EXPECT_EQ(validate->attributes["tri.sides"], Value::parse("[3,4,5]"));
  EXPECT_TRUE(validate->attributes["tri.sides"][0].is_number_integer());
  const Span* parse = find_span(decoded->spans, "4bf92f3577b34da6a3ce929d0e0e4736", "parse_body");
  ASSERT_NE(parse, nullptr);
  EXPECT_TRUE(parse->attributes["body.bytes"].is_number_integer());
  EXPECT_EQ(parse->attributes["body.bytes"], 19);
  EXPECT_EQ(parse->attributes["branch"], "ok");
}

TEST(SpanFixtures, ErrorSpansCarryTheirStatusMessage) {
  auto decoded = decode_fixture("faults.otlp.pb");
  ASSERT_TRUE(decoded.ok());
  std::size_t injected = 0;
  for (const auto& span : decoded->spans) {
    if (span.name != "fault.error") continue;
    ++injected;
    EXPECT_EQ(span.status, SpanStatus::Error);
    EXPECT_EQ(span.status_message, "injected failure");
  }
  EXPECT_EQ(injected, 4u);
}

TEST(SpanFixtures, SpanEventsKeepNameTimeAndAttributes) {
  auto decoded = decode_fixture("orders.otlp.json");
  ASSERT_TRUE(decoded.ok());
  const Span* pay = find_span(decoded->spans, "47c38dbd96a6e63ca481daeb8fca5f7b", "transition.pay");
  ASSERT_NE(pay, nullptr);
  ASSERT_EQ(pay->events.size(), 1u);
  EXPECT_EQ(pay->events[0].name, "state_changed");
  EXPECT_EQ(pay->events[0].time_unix_nano, 1795607685640218153u);
  EXPECT_EQ(pay->events[0].attributes,
            Value::parse(R"({"from":"created","to":"paid","action":"pay"})"));
}

}  // namespace
}  // namespace glassbox
