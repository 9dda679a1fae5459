// See jaeger_json.hpp.
#include "probes/traces/jaeger_json.hpp"

#include <charconv>
#include <map>
#include <optional>

#include "probes/traces/json_fields.hpp"

namespace glassbox::probes {
namespace {

using json_fields::find;
using json_fields::padded_hex_id;
using json_fields::string_at;
using json_fields::unsigned_at;

constexpr std::uint64_t kNanosPerMicro = 1000;

// A number sent as a string ("int64" and "float64" tags from some clients), or nullopt.
template <typename Number>
std::optional<Number> parse_number(const std::string& text) {
  Number number{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return number;
}

// A tag's value by its declared type. Values that do not match their type are kept as
// they came rather than dropped: a wrong "type" should not hide what the service sent.
Value tag_value(const Value& tag) {
  const Value* value = find(tag, "value");
  if (value == nullptr) return nullptr;
  if (!value->is_string()) return *value;   // numbers and booleans arrive typed
  const std::string type = string_at(tag, "type");
  const auto& text = value->get_ref<const std::string&>();
  if (type == "bool" && (text == "true" || text == "false")) return text == "true";
  if (type == "int64") {
    if (auto number = parse_number<std::int64_t>(text)) return *number;
  }
  if (type == "float64") {
    if (auto number = parse_number<double>(text)) return *number;
  }
  return *value;   // string, and binary as Jaeger's base64 text
}

Value tags_to_object(const Value* tags) {
  Value object = Value::object();
  if (tags == nullptr || !tags->is_array()) return object;
  for (const Value& tag : *tags) {
    const std::string key = string_at(tag, "key");
    if (!key.empty()) object[key] = tag_value(tag);
  }
  return object;
}

SpanKind kind_from_tag(const std::string& kind) {
  if (kind == "server") return SpanKind::Server;
  if (kind == "client") return SpanKind::Client;
  if (kind == "producer") return SpanKind::Producer;
  if (kind == "consumer") return SpanKind::Consumer;
  if (kind == "internal") return SpanKind::Internal;
  return SpanKind::Unspecified;
}

// Pulls `key` out of the attributes: these tags are Jaeger's encoding of Span fields.
std::optional<Value> take(Value& attributes, const char* key) {
  const auto found = attributes.find(key);
  if (found == attributes.end()) return std::nullopt;
  Value value = std::move(*found);
  attributes.erase(found);
  return value;
}

void move_special_tags_to_fields(Span& span) {
  Value& attributes = span.attributes;
  if (auto kind = take(attributes, "span.kind"); kind && kind->is_string()) {
    span.kind = kind_from_tag(kind->get<std::string>());
  }
  const auto status_code = take(attributes, "otel.status_code");
  const auto description = take(attributes, "otel.status_description");
  const auto error = take(attributes, "error");
  if (status_code && status_code->is_string()) {
    const auto code = status_code->get<std::string>();
    span.status = code == "ERROR" ? SpanStatus::Error : code == "OK" ? SpanStatus::Ok : SpanStatus::Unset;
  } else if (error && ((error->is_boolean() && error->get<bool>()) || (error->is_string() && *error == "true"))) {
    span.status = SpanStatus::Error;
  }
  if (description && description->is_string()) span.status_message = description->get<std::string>();
  for (const char* scope_key : {"otel.scope.name", "otel.library.name"}) {
    if (auto scope = take(attributes, scope_key); scope && scope->is_string() && span.scope.empty()) {
      span.scope = scope->get<std::string>();
    }
  }
}

// The parent is the first CHILD_OF reference; spans from OpenTracing clients that only
// have FOLLOWS_FROM hang from their first reference, as Jaeger's UI draws them.
std::string parent_of(const Value& span) {
  const Value* references = find(span, "references");
  if (references == nullptr || !references->is_array()) return {};
  const Value* chosen = nullptr;
  for (const Value& reference : *references) {
    if (string_at(reference, "refType") == "CHILD_OF") {
      chosen = &reference;
      break;
    }
    if (chosen == nullptr) chosen = &reference;
  }
  if (chosen == nullptr) return {};
  return padded_hex_id(string_at(*chosen, "spanID"), 16).value_or("");
}

std::vector<SpanEvent> events_of(const Value& span) {
  std::vector<SpanEvent> events;
  const Value* logs = find(span, "logs");
  if (logs == nullptr || !logs->is_array()) return events;
  for (const Value& log : *logs) {
    SpanEvent event;
    event.time_unix_nano = unsigned_at(log, "timestamp").value_or(0) * kNanosPerMicro;
    event.attributes = tags_to_object(find(log, "fields"));
    auto name = take(event.attributes, "event");
    event.name = name && name->is_string() ? name->get<std::string>() : "log";
    events.push_back(std::move(event));
  }
  return events;
}

struct Process {
  std::string service;
  Value resource = Value::object();
};

std::map<std::string, Process> processes_of(const Value& trace) {
  std::map<std::string, Process> processes;
  const Value* all = find(trace, "processes");
  if (all == nullptr || !all->is_object()) return processes;
  for (const auto& [id, process] : all->items()) {
    Process decoded;
    decoded.service = string_at(process, "serviceName");
    decoded.resource = tags_to_object(find(process, "tags"));
    if (!decoded.service.empty()) decoded.resource["service.name"] = decoded.service;
    processes.emplace(id, std::move(decoded));
  }
  return processes;
}

std::optional<Span> decode_span(const Value& raw, const std::map<std::string, Process>& processes) {
  Span span;
  auto trace_id = padded_hex_id(string_at(raw, "traceID"), 32);
  auto span_id = padded_hex_id(string_at(raw, "spanID"), 16);
  if (!trace_id || !span_id) return std::nullopt;
  span.trace_id = std::move(*trace_id);
  span.span_id = std::move(*span_id);
  span.parent_span_id = parent_of(raw);
  span.name = string_at(raw, "operationName");
  span.start_unix_nano = unsigned_at(raw, "startTime").value_or(0) * kNanosPerMicro;
  span.end_unix_nano = span.start_unix_nano + unsigned_at(raw, "duration").value_or(0) * kNanosPerMicro;
  span.attributes = tags_to_object(find(raw, "tags"));
  move_special_tags_to_fields(span);
  span.events = events_of(raw);
  // Spans may also carry their process inline (older query services).
  if (const Value* inline_process = find(raw, "process"); inline_process != nullptr) {
    span.service = string_at(*inline_process, "serviceName");
    span.resource = tags_to_object(find(*inline_process, "tags"));
    if (!span.service.empty()) span.resource["service.name"] = span.service;
  }
  if (const auto found = processes.find(string_at(raw, "processID")); found != processes.end()) {
    span.service = found->second.service;
    span.resource = found->second.resource;
  }
  return span;
}

}  // namespace

Expected<std::vector<Span>> decode_jaeger_json(std::string_view body) {
  const Value document = Value::parse(body, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return Error("response is not valid JSON");
  const Value* data = find(document, "data");
  if (data == nullptr || !data->is_array()) return Error("response has no \"data\" array of traces");
  std::vector<Span> spans;
  for (const Value& trace : *data) {
    const auto processes = processes_of(trace);
    const Value* raw_spans = find(trace, "spans");
    if (raw_spans == nullptr || !raw_spans->is_array()) continue;
    for (const Value& raw : *raw_spans) {
      if (auto span = decode_span(raw, processes)) spans.push_back(std::move(*span));
    }
  }
  return spans;
}

std::string jaeger_error_message(std::string_view body) {
  const Value document = Value::parse(body, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return {};
  const Value* errors = find(document, "errors");
  if (errors == nullptr || !errors->is_array() || errors->empty()) return {};
  return string_at(errors->front(), "msg");
}

}  // namespace glassbox::probes
