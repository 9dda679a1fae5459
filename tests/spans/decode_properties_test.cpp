// Properties of the span decoders: random spans survive protobuf and OTLP/JSON encoding
// with every field intact, and no input, however broken, crashes a decoder.
#include <map>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"
#include "probes/spans/decode.hpp"
#include "span_test_support.hpp"

namespace glassbox {
namespace {

using opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest;
namespace otlp_trace = opentelemetry::proto::trace::v1;
namespace otlp_common = opentelemetry::proto::common::v1;

// Random bytes for an id, never all zero (an all-zero id is invalid and tested elsewhere).
rc::Gen<std::string> gen_id(std::size_t size) {
  return rc::gen::map(
      rc::gen::container<std::vector<std::uint8_t>>(size, rc::gen::arbitrary<std::uint8_t>()),
      [](std::vector<std::uint8_t> bytes) {
        bytes[0] |= 1;
        return std::string(bytes.begin(), bytes.end());
      });
}

void append_utf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xc0 | code_point >> 6));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3f)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xe0 | code_point >> 12));
    out.push_back(static_cast<char>(0x80 | (code_point >> 6 & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3f)));
  } else {
    out.push_back(static_cast<char>(0xf0 | code_point >> 18));
    out.push_back(static_cast<char>(0x80 | (code_point >> 12 & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (code_point >> 6 & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3f)));
  }
}

// proto3 strings must be UTF-8; the text mixes ASCII (controls included) with Latin,
// CJK and emoji code points.
rc::Gen<std::string> gen_text() {
  auto code_point = rc::gen::oneOf(
      rc::gen::inRange<char32_t>(0x01, 0x80), rc::gen::inRange<char32_t>(0xa0, 0x250),
      rc::gen::inRange<char32_t>(0x4e00, 0x4f00), rc::gen::inRange<char32_t>(0x1f600, 0x1f650));
  return rc::gen::map(rc::gen::container<std::vector<char32_t>>(code_point),
                      [](const std::vector<char32_t>& points) {
                        std::string text;
                        for (char32_t point : points) append_utf8(text, point);
                        return text;
                      });
}

// One attribute value, set on `any`, and the Value the decoders must produce for it.
Value set_random_value(otlp_common::AnyValue& any) {
  switch (*rc::gen::inRange(0, 5)) {
    case 0: {
      const auto text = *gen_text();
      any.set_string_value(text);
      return text;
    }
    case 1: {
      const bool flag = *rc::gen::arbitrary<bool>();
      any.set_bool_value(flag);
      return flag;
    }
    case 2: {
      const auto number = *rc::gen::arbitrary<std::int64_t>();
      any.set_int_value(number);
      return number;
    }
    case 3: {
      const double number = *rc::gen::map(rc::gen::arbitrary<std::int32_t>(),
                                          [](std::int32_t n) { return n / 64.0; });
      any.set_double_value(number);
      return number;
    }
    default: {
      Value array = Value::array();
      any.mutable_array_value();  // an empty array is still an array, not an unset value
      for (auto number :
           *rc::gen::container<std::vector<std::int64_t>>(rc::gen::arbitrary<std::int64_t>())) {
        any.mutable_array_value()->add_values()->set_int_value(number);
        array.push_back(number);
      }
      return array;
    }
  }
}

struct RandomRequest {
  ExportTraceServiceRequest request;
  std::vector<Span> expected;
};

RandomRequest random_request() {
  RandomRequest random;
  auto* resource_spans = random.request.add_resource_spans();
  const std::string service = *gen_text();
  auto* service_attribute = resource_spans->mutable_resource()->add_attributes();
  service_attribute->set_key("service.name");
  service_attribute->mutable_value()->set_string_value(service);
  auto* scope_spans = resource_spans->add_scope_spans();
  const std::string scope = *gen_text();
  scope_spans->mutable_scope()->set_name(scope);

  const int count = *rc::gen::inRange(0, 6);
  for (int i = 0; i < count; ++i) {
    auto* span = scope_spans->add_spans();
    Span expected;
    span->set_trace_id(*gen_id(16));
    span->set_span_id(*gen_id(8));
    if (*rc::gen::arbitrary<bool>()) span->set_parent_span_id(*gen_id(8));
    span->set_flags(*rc::gen::arbitrary<std::uint32_t>());
    span->set_name(*gen_text());
    const int kind = *rc::gen::inRange(0, 6);
    span->set_kind(static_cast<otlp_trace::Span::SpanKind>(kind));
    span->set_start_time_unix_nano(*rc::gen::arbitrary<std::uint64_t>());
    span->set_end_time_unix_nano(*rc::gen::arbitrary<std::uint64_t>());
    const int code = *rc::gen::inRange(0, 3);
    span->mutable_status()->set_code(static_cast<otlp_trace::Status::StatusCode>(code));
    span->mutable_status()->set_message(*gen_text());
    const auto keys =
        *rc::gen::container<std::map<std::string, bool>>(gen_text(), rc::gen::just(true));
    for (const auto& [key, unused] : keys) {
      auto* attribute = span->add_attributes();
      attribute->set_key(key);
      expected.attributes[key] = set_random_value(*attribute->mutable_value());
    }

    expected.trace_id = spans_test::to_hex(span->trace_id());
    expected.span_id = spans_test::to_hex(span->span_id());
    expected.parent_span_id = spans_test::to_hex(span->parent_span_id());
    expected.parent_is_remote = (span->flags() & 0x300) == 0x300;
    expected.name = span->name();
    expected.kind = static_cast<SpanKind>(kind);
    expected.start_unix_nano = span->start_time_unix_nano();
    expected.end_unix_nano = span->end_time_unix_nano();
    expected.status = static_cast<SpanStatus>(code);
    expected.status_message = span->status().message();
    expected.service = service;
    expected.resource = Value{{"service.name", service}};
    expected.scope = scope;
    random.expected.push_back(std::move(expected));
  }
  return random;
}

RC_GTEST_PROP(SpanDecodeProperties, ProtobufSpansDecodeToTheValuesTheyWereBuiltWith, ()) {
  const RandomRequest random = random_request();
  auto decoded = probes::decode_otlp_protobuf(random.request.SerializeAsString());
  RC_ASSERT(decoded.ok());
  RC_ASSERT(decoded->rejected == 0u);
  RC_ASSERT(decoded->spans.size() == random.expected.size());
  for (std::size_t i = 0; i < random.expected.size(); ++i) {
    const auto same = spans_test::same_span(random.expected[i], decoded->spans[i]);
    if (!same) RC_FAIL(same.message());
  }
}

RC_GTEST_PROP(SpanDecodeProperties, OtlpJsonOfTheSameRequestDecodesToTheSameSpans, ()) {
  const RandomRequest random = random_request();
  const auto style =
      *rc::gen::element(spans_test::EnumStyle::Names, spans_test::EnumStyle::Integers);
  auto decoded = probes::decode_otlp_json(spans_test::to_otlp_json(random.request, style));
  RC_ASSERT(decoded.ok());
  RC_ASSERT(decoded->spans.size() == random.expected.size());
  for (std::size_t i = 0; i < random.expected.size(); ++i) {
    const auto same = spans_test::same_span(random.expected[i], decoded->spans[i]);
    if (!same) RC_FAIL(same.message());
  }
}

// RC_ASSERT does not short-circuit `||`, so the check that reads the error lives here.
bool ok_or_explained(const Expected<probes::DecodedSpans>& decoded) {
  return decoded.ok() || !decoded.error().message.empty();
}

bool ok_or_malformed_protobuf(const Expected<probes::DecodedSpans>& decoded) {
  return decoded.ok() || decoded.error().message == "malformed OTLP protobuf body";
}

RC_GTEST_PROP(SpanDecodeProperties, RandomBytesNeverCrashTheDecoders, (const std::string& bytes)) {
  // Each returns an error or a result; reaching the end without a crash is the property.
  auto from_protobuf = probes::decode_otlp_protobuf(bytes);
  auto from_json = probes::decode_otlp_json(bytes);
  auto from_zipkin = probes::decode_zipkin_json(bytes);
  RC_ASSERT(ok_or_explained(from_json));
  RC_ASSERT(ok_or_explained(from_zipkin));
  RC_ASSERT(ok_or_malformed_protobuf(from_protobuf));
}

// Random bytes rarely get past the JSON parser, so damaged versions of real bodies reach
// the field-level code: bytes replaced, and the body cut short.
RC_GTEST_PROP(SpanDecodeProperties, DamagedRealBodiesNeverCrashTheDecoders, ()) {
  const char* file = *rc::gen::element("triangle.otlp.json", "faults.otlp.json", "orders.otlp.pb",
                                       "triangle.otlp.pb");
  std::string body = spans_test::read_fixture(file);
  const auto damage = *rc::gen::container<std::vector<std::pair<std::size_t, char>>>(rc::gen::pair(
      rc::gen::inRange<std::size_t>(0, body.size()),
      rc::gen::element('"', '{', '}', '[', ']', ',', ':', '0', '1', 'x', '-', ' ', '\x80')));
  for (const auto& [position, character] : damage) body[position] = character;
  body.resize(*rc::gen::inRange<std::size_t>(0, body.size() + 1));
  auto from_protobuf = probes::decode_otlp_protobuf(body);
  auto from_json = probes::decode_otlp_json(body);
  auto from_zipkin = probes::decode_zipkin_json(body);
  RC_ASSERT(ok_or_explained(from_json));
  RC_ASSERT(ok_or_explained(from_zipkin));
  RC_ASSERT(ok_or_malformed_protobuf(from_protobuf));
}

}  // namespace
}  // namespace glassbox
