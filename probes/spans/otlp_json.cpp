// decode_otlp_json: ExportTraceServiceRequest bodies in OTLP/JSON (application/json).
//
// OTLP/JSON is not protobuf's canonical JSON mapping: trace and span ids are hex, not
// base64, and enums are integers (names are accepted as well, as some senders use them).
// Everything else follows the mapping: lowerCamelCase keys (snake_case accepted), 64-bit
// integers as numbers or strings, unknown fields ignored.
#include <array>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "probes/spans/any_value_json.hpp"
#include "probes/spans/decode.hpp"
#include "probes/spans/json_access.hpp"
#include "probes/spans/span_ids.hpp"

namespace glassbox::probes {
namespace {

using json_access::child_path;
using json_access::index_path;
using json_access::member;

constexpr std::uint32_t kHasIsRemoteMask = 0x100;  // SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE_MASK
constexpr std::uint32_t kIsRemoteMask = 0x200;     // SPAN_FLAGS_CONTEXT_IS_REMOTE_MASK

constexpr std::array<std::string_view, 6> kSpanKindNames = {
    "SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER",
    "SPAN_KIND_CLIENT",      "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER"};
constexpr std::array<std::string_view, 3> kStatusCodeNames = {"STATUS_CODE_UNSET", "STATUS_CODE_OK",
                                                              "STATUS_CODE_ERROR"};

// The enum's number from an integer or a name. Values this definition does not know read
// as 0 (unspecified/unset), as libprotobuf treats unknown enum numbers for our purposes.
template <std::size_t N>
Expected<std::size_t> enum_member(const Value& object, std::string_view name,
                                  const std::string& path,
                                  const std::array<std::string_view, N>& names) {
  const Value* value = member(object, name);
  if (value == nullptr) return std::size_t{0};
  if (value->is_number_integer()) {
    const auto number = value->get<std::int64_t>();
    return number >= 0 && std::size_t(number) < N ? std::size_t(number) : std::size_t{0};
  }
  if (value->is_string()) {
    for (std::size_t i = 0; i < N; ++i) {
      if (names[i] == value->get_ref<const std::string&>()) return i;
    }
    return std::size_t{0};
  }
  return json_access::type_error(child_path(path, name), "an enum name or integer", *value);
}

// An id as lowercase hex, or the reason the span must be rejected.
struct IdRead {
  std::string hex;
  std::optional<std::string> problem;
};

IdRead read_id(const Value& span, std::string_view name, std::string_view label) {
  const Value* value = member(span, name);
  if (value == nullptr) return {};
  if (!value->is_string())
    return {"", fmt::format("{} must be a hex string, got {}", label, value->type_name())};
  auto hex = span_ids::normalize_hex(value->get_ref<const std::string&>());
  if (!hex) return {"", fmt::format("{} is not hex: {}", label, value->dump())};
  return {std::move(*hex), std::nullopt};
}

struct SpanOrigin {
  const std::string& service;
  const Value& resource;
  const std::string& scope;
};

Status decode_events(const Value& span_json, const std::string& path, Span& span) {
  auto events = json_access::array_member(span_json, "events", path);
  if (!events) return events.error();
  if (*events == nullptr) return ok_status();
  const std::string events_path = child_path(path, "events");
  for (std::size_t i = 0; i < (*events)->size(); ++i) {
    const Value& event = (**events)[i];
    const std::string event_path = index_path(events_path, i);
    if (!event.is_object()) return json_access::type_error(event_path, "an object", event);
    auto name = json_access::string_member(event, "name", event_path);
    if (!name) return name.error();
    auto time = json_access::uint64_member(event, "timeUnixNano", event_path);
    if (!time) return time.error();
    auto attributes =
        attributes_from_json(member(event, "attributes"), child_path(event_path, "attributes"));
    if (!attributes) return attributes.error();
    span.events.push_back(SpanEvent{
        .name = std::move(*name), .time_unix_nano = *time, .attributes = std::move(*attributes)});
  }
  return ok_status();
}

Status decode_status(const Value& span_json, const std::string& path, Span& span) {
  auto status = json_access::object_member(span_json, "status", path);
  if (!status) return status.error();
  if (*status == nullptr) return ok_status();
  const std::string status_path = child_path(path, "status");
  auto code = enum_member(**status, "code", status_path, kStatusCodeNames);
  if (!code) return code.error();
  auto message = json_access::string_member(**status, "message", status_path);
  if (!message) return message.error();
  span.status = *code == 1 ? SpanStatus::Ok : *code == 2 ? SpanStatus::Error : SpanStatus::Unset;
  span.status_message = std::move(*message);
  return ok_status();
}

// Adds the span (or counts its rejection) to `out`; an error is a malformed body.
Status decode_span(const Value& span_json, const std::string& path, const SpanOrigin& origin,
                   std::size_t index, DecodedSpans& out) {
  if (!span_json.is_object()) return json_access::type_error(path, "an object", span_json);
  Span span;
  auto name = json_access::string_member(span_json, "name", path);
  if (!name) return name.error();
  span.name = std::move(*name);
  auto kind = enum_member(span_json, "kind", path, kSpanKindNames);
  if (!kind) return kind.error();
  span.kind = static_cast<SpanKind>(*kind);  // SpanKind lists the OTLP kinds in OTLP order
  auto start = json_access::uint64_member(span_json, "startTimeUnixNano", path);
  if (!start) return start.error();
  auto end = json_access::uint64_member(span_json, "endTimeUnixNano", path);
  if (!end) return end.error();
  span.start_unix_nano = *start;
  span.end_unix_nano = *end;
  auto flags = json_access::uint64_member(span_json, "flags", path);
  if (!flags) return flags.error();
  span.parent_is_remote = (*flags & kHasIsRemoteMask) != 0 && (*flags & kIsRemoteMask) != 0;
  auto attributes =
      attributes_from_json(member(span_json, "attributes"), child_path(path, "attributes"));
  if (!attributes) return attributes.error();
  span.attributes = std::move(*attributes);
  if (auto status = decode_status(span_json, path, span); !status) return status;
  if (auto events = decode_events(span_json, path, span); !events) return events;
  span.service = origin.service;
  span.resource = origin.resource;
  span.scope = origin.scope;

  // Ids last: a span with unusable ids is rejected, but only a well-formed body gets that far.
  IdRead trace_id = read_id(span_json, "traceId", "trace id");
  IdRead span_id = read_id(span_json, "spanId", "span id");
  IdRead parent_id = read_id(span_json, "parentSpanId", "parent span id");
  for (const IdRead* id : {&trace_id, &span_id, &parent_id}) {
    if (id->problem) {
      span_ids::reject(out, index, *id->problem);
      return ok_status();
    }
  }
  span.trace_id = std::move(trace_id.hex);
  span.span_id = std::move(span_id.hex);
  span.parent_span_id = std::move(parent_id.hex);
  span_ids::keep_or_reject(out, std::move(span), index);
  return ok_status();
}

Status decode_scope_spans(const Value& scope_json, const std::string& path,
                          const std::string& service, const Value& resource, std::size_t& index,
                          DecodedSpans& out) {
  if (!scope_json.is_object()) return json_access::type_error(path, "an object", scope_json);
  auto scope = json_access::object_member(scope_json, "scope", path);
  if (!scope) return scope.error();
  std::string scope_name;
  if (*scope != nullptr) {
    auto name = json_access::string_member(**scope, "name", child_path(path, "scope"));
    if (!name) return name.error();
    scope_name = std::move(*name);
  }
  auto spans = json_access::array_member(scope_json, "spans", path);
  if (!spans) return spans.error();
  if (*spans == nullptr) return ok_status();
  const SpanOrigin origin{service, resource, scope_name};
  const std::string spans_path = child_path(path, "spans");
  for (std::size_t i = 0; i < (*spans)->size(); ++i) {
    auto status = decode_span((**spans)[i], index_path(spans_path, i), origin, index++, out);
    if (!status) return status;
  }
  return ok_status();
}

Status decode_resource_spans(const Value& resource_json, const std::string& path,
                             std::size_t& index, DecodedSpans& out) {
  if (!resource_json.is_object()) return json_access::type_error(path, "an object", resource_json);
  auto resource_object = json_access::object_member(resource_json, "resource", path);
  if (!resource_object) return resource_object.error();
  Value resource = Value::object();
  if (*resource_object != nullptr) {
    auto attributes = attributes_from_json(member(**resource_object, "attributes"),
                                           child_path(child_path(path, "resource"), "attributes"));
    if (!attributes) return attributes.error();
    resource = std::move(*attributes);
  }
  const auto service_name = resource.find("service.name");
  const std::string service = service_name != resource.end() && service_name->is_string()
                                  ? service_name->get<std::string>()
                                  : "";
  auto scope_spans = json_access::array_member(resource_json, "scopeSpans", path);
  if (!scope_spans) return scope_spans.error();
  if (*scope_spans == nullptr) return ok_status();
  const std::string scope_spans_path = child_path(path, "scopeSpans");
  for (std::size_t i = 0; i < (*scope_spans)->size(); ++i) {
    auto status = decode_scope_spans((**scope_spans)[i], index_path(scope_spans_path, i), service,
                                     resource, index, out);
    if (!status) return status;
  }
  return ok_status();
}

Error invalid_body(const Error& error) { return Error("invalid OTLP JSON body: " + error.message); }

}  // namespace

Expected<DecodedSpans> decode_otlp_json(std::string_view body) {
  auto document = json_access::parse(body, "OTLP JSON");
  if (!document) return document.error();
  if (!document->is_object()) {
    return invalid_body(json_access::type_error("the body", "an object", *document));
  }
  auto resource_spans = json_access::array_member(*document, "resourceSpans", "");
  if (!resource_spans) return invalid_body(resource_spans.error());
  DecodedSpans out;
  if (*resource_spans == nullptr) return out;
  std::size_t index = 0;
  for (std::size_t i = 0; i < (*resource_spans)->size(); ++i) {
    auto status =
        decode_resource_spans((**resource_spans)[i], index_path("resourceSpans", i), index, out);
    if (!status) return invalid_body(status.error());
  }
  return out;
}

}  // namespace glassbox::probes
