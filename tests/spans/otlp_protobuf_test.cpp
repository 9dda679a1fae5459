// decode_otlp_protobuf on requests built with the generated classes.
#include <gtest/gtest.h>

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"
#include "probes/spans/decode.hpp"
#include "span_test_support.hpp"

namespace glassbox {
namespace {

using opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest;
using spans_test::bytes_from_hex;
namespace otlp_trace = opentelemetry::proto::trace::v1;

otlp_trace::Span* add_span(ExportTraceServiceRequest& request, const std::string& trace_hex,
                           const std::string& span_hex) {
  if (request.resource_spans_size() == 0) {
    auto* resource = request.add_resource_spans()->mutable_resource()->add_attributes();
    resource->set_key("service.name");
    resource->mutable_value()->set_string_value("checkout");
    request.mutable_resource_spans(0)->add_scope_spans()->mutable_scope()->set_name("checkout-lib");
  }
  auto* span = request.mutable_resource_spans(0)->mutable_scope_spans(0)->add_spans();
  span->set_trace_id(bytes_from_hex(trace_hex));
  span->set_span_id(bytes_from_hex(span_hex));
  return span;
}

TEST(OtlpProtobuf, DecodesEveryMappedField) {
  ExportTraceServiceRequest request;
  auto* span = add_span(request, "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
  span->set_parent_span_id(bytes_from_hex("b7ad6b7169203331"));
  span->set_flags(0x301);
  span->set_name("POST /pay");
  span->set_kind(otlp_trace::Span::SPAN_KIND_CLIENT);
  span->set_start_time_unix_nano(1'700'000'000'000'000'000u);
  span->set_end_time_unix_nano(1'700'000'000'001'500'000u);
  span->mutable_status()->set_code(otlp_trace::Status::STATUS_CODE_ERROR);
  span->mutable_status()->set_message("card declined");
  auto* attribute = span->add_attributes();
  attribute->set_key("bytes");
  attribute->mutable_value()->set_bytes_value(std::string("\x00\x01\x02\xff", 4));
  auto* event = span->add_events();
  event->set_name("retry");
  event->set_time_unix_nano(1'700'000'000'001'000'000u);
  auto* event_attribute = event->add_attributes();
  event_attribute->set_key("attempt");
  event_attribute->mutable_value()->set_int_value(-2);

  auto decoded = probes::decode_otlp_protobuf(request.SerializeAsString());
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  ASSERT_EQ(decoded->spans.size(), 1u);
  const Span& got = decoded->spans[0];
  EXPECT_EQ(got.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(got.span_id, "00f067aa0ba902b7");
  EXPECT_EQ(got.parent_span_id, "b7ad6b7169203331");
  EXPECT_TRUE(got.parent_is_remote);
  EXPECT_EQ(got.name, "POST /pay");
  EXPECT_EQ(got.kind, SpanKind::Client);
  EXPECT_DOUBLE_EQ(got.duration_ms(), 1.5);
  EXPECT_EQ(got.status, SpanStatus::Error);
  EXPECT_EQ(got.status_message, "card declined");
  EXPECT_EQ(got.attributes, Value::parse(R"({"bytes":"AAEC/w=="})"));
  EXPECT_EQ(got.service, "checkout");
  EXPECT_EQ(got.scope, "checkout-lib");
  ASSERT_EQ(got.events.size(), 1u);
  EXPECT_EQ(got.events[0].name, "retry");
  EXPECT_EQ(got.events[0].time_unix_nano, 1'700'000'000'001'000'000u);
  EXPECT_EQ(got.events[0].attributes, Value::parse(R"({"attempt":-2})"));
}

TEST(OtlpProtobuf, RejectsSpansWithBadIdsAndKeepsTheOthers) {
  ExportTraceServiceRequest request;
  add_span(request, "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7")->set_name("kept");
  add_span(request, "4bf92f35", "00f067aa0ba902b7");
  add_span(request, "4bf92f3577b34da6a3ce929d0e0e4736", "");
  add_span(request, "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b8")
      ->set_parent_span_id(std::string(8, '\0'));

  auto decoded = probes::decode_otlp_protobuf(request.SerializeAsString());
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->rejected, 2u);
  EXPECT_EQ(decoded->rejection_reason, "span 1: trace id must be 16 bytes, got 4");
  ASSERT_EQ(decoded->spans.size(), 2u);
  EXPECT_EQ(decoded->spans[0].name, "kept");
  EXPECT_EQ(decoded->spans[1].parent_span_id, "") << "an all-zero parent is a root";
}

TEST(OtlpProtobuf, ParentIsRemoteOnlyWhenBothFlagBitsAreSet) {
  const std::pair<std::uint32_t, bool> cases[] = {
      {0x301, true}, {0x300, true}, {0x101, false}, {0x201, false}, {0x001, false}};
  for (const auto& [flags, remote] : cases) {
    ExportTraceServiceRequest request;
    auto* span = add_span(request, "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
    span->set_parent_span_id(bytes_from_hex("b7ad6b7169203331"));
    span->set_flags(flags);
    auto decoded = probes::decode_otlp_protobuf(request.SerializeAsString());
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->spans.at(0).parent_is_remote, remote) << flags;
  }
}

TEST(OtlpProtobuf, MalformedBodiesAreErrors) {
  const std::string valid = spans_test::read_fixture("triangle.otlp.pb");
  for (const std::string& body :
       {valid.substr(0, valid.size() / 2), std::string("\xff\xff\xff\xff", 4),
        std::string("\x0a\x05\x0a", 3)}) {
    auto decoded = probes::decode_otlp_protobuf(body);
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.error().message, "malformed OTLP protobuf body");
  }
}

TEST(OtlpProtobuf, EmptyBodyIsAnEmptyRequest) {
  auto decoded = probes::decode_otlp_protobuf("");
  ASSERT_TRUE(decoded.ok());
  EXPECT_TRUE(decoded->spans.empty());
}

}  // namespace
}  // namespace glassbox
