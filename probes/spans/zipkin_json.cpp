// decode_zipkin_json: Zipkin v2 JSON bodies (POST /api/v2/spans), a list of spans.
//
// Mapping to glassbox spans: microsecond timestamp/duration become unix nanoseconds;
// 64-bit trace ids are left-padded with zeros to 128 bits (how Zipkin and W3C trace
// context line up); tags become string attributes, and an "error" tag also sets status
// Error with the tag's value as message (Zipkin has no separate status); annotations
// become events; localEndpoint.serviceName is the service; `shared` (the server half of
// a span shared with its client) marks the parent as remote. remoteEndpoint is not kept.
#include <limits>
#include <utility>

#include <fmt/format.h>

#include "probes/spans/decode.hpp"
#include "probes/spans/json_access.hpp"
#include "probes/spans/span_ids.hpp"

namespace glassbox::probes {
namespace {

using json_access::child_path;
using json_access::index_path;
using json_access::member;

constexpr std::uint64_t kNanosPerMicro = 1000;

Expected<std::uint64_t> micros_as_nanos(const Value& span, std::string_view name,
                                        const std::string& path) {
  auto micros = json_access::uint64_member(span, name, path);
  if (!micros) return micros.error();
  if (*micros > std::numeric_limits<std::uint64_t>::max() / kNanosPerMicro) {
    return Error(fmt::format("{} is too large for a microsecond time, got {}",
                             child_path(path, name), *micros));
  }
  return *micros * kNanosPerMicro;
}

SpanKind to_kind(const std::string& kind) {
  if (kind == "SERVER") return SpanKind::Server;
  if (kind == "CLIENT") return SpanKind::Client;
  if (kind == "PRODUCER") return SpanKind::Producer;
  if (kind == "CONSUMER") return SpanKind::Consumer;
  return SpanKind::Unspecified;  // absent: Zipkin does not say "internal"
}

// An id's hex, or the reason it cannot be used; "" for an absent id.
Expected<std::string> read_id(const Value& span, std::string_view name, std::string_view label) {
  const Value* value = member(span, name);
  if (value == nullptr) return std::string();
  if (!value->is_string())
    return Error(fmt::format("{} must be a hex string, got {}", label, value->type_name()));
  auto hex = span_ids::normalize_hex(value->get_ref<const std::string&>());
  if (!hex) return Error(fmt::format("{} is not hex: {}", label, value->dump()));
  return std::move(*hex);
}

Status decode_tags(const Value& span_json, const std::string& path, Span& span) {
  auto tags = json_access::object_member(span_json, "tags", path);
  if (!tags) return tags.error();
  if (*tags == nullptr) return ok_status();
  for (const auto& [key, value] : (*tags)->items()) {
    // Zipkin tags are strings; senders that put numbers or booleans get their JSON text.
    std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    if (key == "error") {
      span.status = SpanStatus::Error;
      span.status_message = text;
    }
    span.attributes[key] = std::move(text);
  }
  return ok_status();
}

Status decode_annotations(const Value& span_json, const std::string& path, Span& span) {
  auto annotations = json_access::array_member(span_json, "annotations", path);
  if (!annotations) return annotations.error();
  if (*annotations == nullptr) return ok_status();
  const std::string annotations_path = child_path(path, "annotations");
  for (std::size_t i = 0; i < (*annotations)->size(); ++i) {
    const Value& annotation = (**annotations)[i];
    const std::string annotation_path = index_path(annotations_path, i);
    if (!annotation.is_object())
      return json_access::type_error(annotation_path, "an object", annotation);
    auto time = micros_as_nanos(annotation, "timestamp", annotation_path);
    if (!time) return time.error();
    auto value = json_access::string_member(annotation, "value", annotation_path);
    if (!value) return value.error();
    span.events.push_back(SpanEvent{.name = std::move(*value), .time_unix_nano = *time});
  }
  return ok_status();
}

Status decode_span(const Value& span_json, const std::string& path, std::size_t index,
                   DecodedSpans& out) {
  if (!span_json.is_object()) return json_access::type_error(path, "an object", span_json);
  Span span;
  auto name = json_access::string_member(span_json, "name", path);
  if (!name) return name.error();
  span.name = std::move(*name);
  auto kind = json_access::string_member(span_json, "kind", path);
  if (!kind) return kind.error();
  span.kind = to_kind(*kind);
  auto start = micros_as_nanos(span_json, "timestamp", path);
  if (!start) return start.error();
  auto duration = micros_as_nanos(span_json, "duration", path);
  if (!duration) return duration.error();
  if (*duration > std::numeric_limits<std::uint64_t>::max() - *start) {
    return Error(
        fmt::format("{}.timestamp + duration does not fit in 64-bit unix nanoseconds", path));
  }
  span.start_unix_nano = *start;
  span.end_unix_nano = *start + *duration;
  if (const Value* shared = member(span_json, "shared")) {
    if (!shared->is_boolean())
      return json_access::type_error(child_path(path, "shared"), "a boolean", *shared);
    span.parent_is_remote = shared->get<bool>();
  }
  if (auto tags = decode_tags(span_json, path, span); !tags) return tags;
  if (auto annotations = decode_annotations(span_json, path, span); !annotations)
    return annotations;
  auto endpoint = json_access::object_member(span_json, "localEndpoint", path);
  if (!endpoint) return endpoint.error();
  if (*endpoint != nullptr) {
    auto service =
        json_access::string_member(**endpoint, "serviceName", child_path(path, "localEndpoint"));
    if (!service) return service.error();
    span.service = std::move(*service);
    if (!span.service.empty()) span.resource["service.name"] = span.service;
  }

  auto trace_id = read_id(span_json, "traceId", "trace id");
  auto span_id = read_id(span_json, "id", "span id");
  auto parent_id = read_id(span_json, "parentId", "parent span id");
  for (const auto* id : {&trace_id, &span_id, &parent_id}) {
    if (!*id) {
      span_ids::reject(out, index, id->error().message);
      return ok_status();
    }
  }
  if (trace_id->size() != 16 && trace_id->size() != 32) {
    span_ids::reject(out, index,
                     fmt::format("trace id must be 16 or 32 hex digits, got {}", trace_id->size()));
    return ok_status();
  }
  span.trace_id = trace_id->size() == 16 ? std::string(16, '0') + *trace_id : std::move(*trace_id);
  span.span_id = std::move(*span_id);
  span.parent_span_id = std::move(*parent_id);
  span_ids::keep_or_reject(out, std::move(span), index);
  return ok_status();
}

}  // namespace

Expected<DecodedSpans> decode_zipkin_json(std::string_view body) {
  auto document = json_access::parse(body, "Zipkin JSON");
  if (!document) return document.error();
  if (!document->is_array()) {
    return Error("invalid Zipkin JSON body: " +
                 json_access::type_error("the body", "an array of spans", *document).message);
  }
  DecodedSpans out;
  for (std::size_t i = 0; i < document->size(); ++i) {
    auto status = decode_span((*document)[i], index_path("", i), i, out);
    if (!status) return Error("invalid Zipkin JSON body: " + status.error().message);
  }
  return out;
}

}  // namespace glassbox::probes
