// decode_otlp_protobuf: ExportTraceServiceRequest bodies (application/x-protobuf) into
// glassbox Spans, with libprotobuf doing the wire-format parsing.
#include <climits>
#include <cstdint>
#include <utility>

#include <google/protobuf/arena.h>
#include <google/protobuf/stubs/logging.h>

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"
#include "probes/spans/any_value.hpp"
#include "probes/spans/decode.hpp"
#include "probes/spans/span_ids.hpp"

namespace glassbox::probes {
namespace {

namespace otlp_trace = opentelemetry::proto::trace::v1;
namespace otlp_collector = opentelemetry::proto::collector::trace::v1;

// A parent is remote only when the sender says it knows (bit 8) and says yes (bit 9);
// senders older than OTLP 1.1 set neither, and their parents count as local.
bool parent_is_remote(std::uint32_t flags) {
  constexpr std::uint32_t kRemoteKnownAndTrue = otlp_trace::SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE_MASK |
                                                otlp_trace::SPAN_FLAGS_CONTEXT_IS_REMOTE_MASK;
  return (flags & kRemoteKnownAndTrue) == kRemoteKnownAndTrue;
}

SpanKind to_kind(otlp_trace::Span::SpanKind kind) {
  switch (kind) {
    case otlp_trace::Span::SPAN_KIND_INTERNAL:
      return SpanKind::Internal;
    case otlp_trace::Span::SPAN_KIND_SERVER:
      return SpanKind::Server;
    case otlp_trace::Span::SPAN_KIND_CLIENT:
      return SpanKind::Client;
    case otlp_trace::Span::SPAN_KIND_PRODUCER:
      return SpanKind::Producer;
    case otlp_trace::Span::SPAN_KIND_CONSUMER:
      return SpanKind::Consumer;
    default:
      return SpanKind::Unspecified;  // also values newer than this definition
  }
}

SpanStatus to_status(otlp_trace::Status::StatusCode code) {
  switch (code) {
    case otlp_trace::Status::STATUS_CODE_OK:
      return SpanStatus::Ok;
    case otlp_trace::Status::STATUS_CODE_ERROR:
      return SpanStatus::Error;
    default:
      return SpanStatus::Unset;
  }
}

struct SpanOrigin {
  const std::string& service;
  const Value& resource;
  const std::string& scope;
};

Span to_span(const otlp_trace::Span& in, const SpanOrigin& origin) {
  Span span;
  span.trace_id = span_ids::to_hex(in.trace_id());
  span.span_id = span_ids::to_hex(in.span_id());
  span.parent_span_id = span_ids::to_hex(in.parent_span_id());
  span.parent_is_remote = parent_is_remote(in.flags());
  span.name = in.name();
  span.kind = to_kind(in.kind());
  span.start_unix_nano = in.start_time_unix_nano();
  span.end_unix_nano = in.end_time_unix_nano();
  span.status = to_status(in.status().code());
  span.status_message = in.status().message();
  span.attributes = to_value(in.attributes());
  span.service = origin.service;
  span.resource = origin.resource;
  span.scope = origin.scope;
  for (const auto& event : in.events()) {
    span.events.push_back(SpanEvent{.name = event.name(),
                                    .time_unix_nano = event.time_unix_nano(),
                                    .attributes = to_value(event.attributes())});
  }
  return span;
}

}  // namespace

Expected<DecodedSpans> decode_otlp_protobuf(std::string_view body) {
  // Parsed on an arena: one allocation area freed at once instead of a free per field, which
  // is a good part of the cost of a 512-span batch (bench/ingest).
  google::protobuf::Arena arena;
  auto& request = *google::protobuf::Arena::CreateMessage<otlp_collector::ExportTraceServiceRequest>(&arena);
  // libprotobuf logs every string field that is not UTF-8 to stderr; a sender's bad body
  // is reported through the returned error instead, so the log is muted while parsing.
  const google::protobuf::LogSilencer quiet_parse;
  if (body.size() > static_cast<std::size_t>(INT_MAX) ||
      !request.ParseFromArray(body.data(), static_cast<int>(body.size()))) {
    return Error("malformed OTLP protobuf body");
  }
  DecodedSpans out;
  std::size_t total = 0;
  for (const auto& resource_spans : request.resource_spans())
    for (const auto& scope_spans : resource_spans.scope_spans()) total += static_cast<std::size_t>(scope_spans.spans_size());
  out.spans.reserve(total);
  std::size_t index = 0;
  for (const auto& resource_spans : request.resource_spans()) {
    const Value resource = to_value(resource_spans.resource().attributes());
    const auto service_name = resource.find("service.name");
    const std::string service = service_name != resource.end() && service_name->is_string()
                                    ? service_name->get<std::string>()
                                    : "";
    for (const auto& scope_spans : resource_spans.scope_spans()) {
      const SpanOrigin origin{service, resource, scope_spans.scope().name()};
      for (const auto& span : scope_spans.spans()) {
        span_ids::keep_or_reject(out, to_span(span, origin), index++);
      }
    }
  }
  return out;
}

}  // namespace glassbox::probes
