// encode_export_request (declared in otlp_exporter.hpp): SpanRecords to the OTLP protobuf
// messages. The generated classes stay inside this file and otlp_exporter.cpp.
#include <type_traits>
#include <utility>
#include <variant>

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"
#include "opentelemetry/proto/trace/v1/trace.pb.h"
#include "probes/demo/otlp_exporter.hpp"

namespace glassbox::probes::demo {
namespace {

namespace common = opentelemetry::proto::common::v1;
namespace trace = opentelemetry::proto::trace::v1;
using opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

// OTLP protobuf carries ids as raw bytes: 16 for a trace id, 8 for a span id.
std::string id_bytes(const std::string& hex) {
  std::string bytes;
  bytes.reserve(hex.size() / 2);
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes.push_back(static_cast<char>(hex_value(hex[i]) * 16 + hex_value(hex[i + 1])));
  }
  return bytes;
}

void set_value(common::AnyValue& out, const AttributeValue& value) {
  std::visit(
      [&out](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          out.set_string_value(v);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          out.set_int_value(v);
        } else if constexpr (std::is_same_v<T, double>) {
          out.set_double_value(v);
        } else {
          out.set_bool_value(v);
        }
      },
      value);
}

void add_attribute(google::protobuf::RepeatedPtrField<common::KeyValue>& attributes,
                   const std::string& key, const AttributeValue& value) {
  common::KeyValue* attribute = attributes.Add();
  attribute->set_key(key);
  set_value(*attribute->mutable_value(), value);
}

void fill_span(trace::Span& out, const SpanRecord& span) {
  out.set_trace_id(id_bytes(span.trace_id));
  out.set_span_id(id_bytes(span.span_id));
  if (!span.parent_span_id.empty()) out.set_parent_span_id(id_bytes(span.parent_span_id));
  out.set_name(span.name);
  out.set_kind(span.kind == SpanKind::server   ? trace::Span::SPAN_KIND_SERVER
               : span.kind == SpanKind::client ? trace::Span::SPAN_KIND_CLIENT
                                               : trace::Span::SPAN_KIND_INTERNAL);
  out.set_start_time_unix_nano(span.start_unix_nano);
  out.set_end_time_unix_nano(span.end_unix_nano);
  out.set_flags(span.flags);
  for (const auto& attribute : span.attributes) {
    add_attribute(*out.mutable_attributes(), attribute.key, attribute.value);
  }
  for (const SpanLink& link : span.links) {
    trace::Span::Link* out_link = out.add_links();
    out_link->set_trace_id(id_bytes(link.trace_id));
    out_link->set_span_id(id_bytes(link.span_id));
  }
  if (span.status == SpanStatus::error) {
    out.mutable_status()->set_code(trace::Status::STATUS_CODE_ERROR);
    out.mutable_status()->set_message(span.status_message);
  }
}

}  // namespace

std::string encode_export_request(const std::vector<SpanRecord>& spans,
                                  const ResourceInfo& resource) {
  ExportTraceServiceRequest request;
  trace::ResourceSpans* resource_spans = request.add_resource_spans();
  auto& resource_attributes = *resource_spans->mutable_resource()->mutable_attributes();
  add_attribute(resource_attributes, "service.name", resource.service_name);
  if (!resource.service_version.empty()) {
    add_attribute(resource_attributes, "service.version", resource.service_version);
  }
  add_attribute(resource_attributes, "telemetry.sdk.name", resource.sdk_name);
  add_attribute(resource_attributes, "telemetry.sdk.language", std::string("cpp"));

  trace::ScopeSpans* scope_spans = resource_spans->add_scope_spans();
  scope_spans->mutable_scope()->set_name(resource.scope_name);
  if (!resource.service_version.empty()) {
    scope_spans->mutable_scope()->set_version(resource.service_version);
  }
  for (const SpanRecord& span : spans) fill_span(*scope_spans->add_spans(), span);
  return request.SerializeAsString();
}

}  // namespace glassbox::probes::demo
