// Spans as glassbox sees them, whichever way they arrived (OTLP protobuf or JSON, Zipkin,
// a Jaeger or Tempo query). Part of the shared model because probes produce spans and the
// correlation, coverage and report code consume them. Plain data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "suites/model/value.hpp"

namespace glassbox {

enum class SpanKind { Unspecified, Internal, Server, Client, Producer, Consumer };
enum class SpanStatus { Unset, Ok, Error };
std::string_view to_string(SpanKind kind);       // "unspecified", "internal", "server", ...
std::string_view to_string(SpanStatus status);   // "unset", "ok", "error"

struct SpanEvent {
  std::string name;
  std::uint64_t time_unix_nano = 0;
  Value attributes = Value::object();
};

struct Span {
  std::string trace_id;         // 32 lowercase hex
  std::string span_id;          // 16 lowercase hex
  std::string parent_span_id;   // 16 lowercase hex, "" for a root
  bool parent_is_remote = false;  // OTLP span flags bit 8 (with bit 9 set), or Zipkin `shared`
  std::string name;
  SpanKind kind = SpanKind::Unspecified;
  std::uint64_t start_unix_nano = 0;
  std::uint64_t end_unix_nano = 0;
  SpanStatus status = SpanStatus::Unset;
  std::string status_message;
  // Attribute values as JSON: strings, booleans, integers (int64), doubles, arrays, and
  // objects for OTLP kvlists; OTLP bytes become base64 strings.
  Value attributes = Value::object();
  std::string service;          // resource attribute service.name ("" when absent)
  Value resource = Value::object();  // all resource attributes
  std::string scope;            // instrumentation scope name
  std::vector<SpanEvent> events;

  double duration_ms() const {
    return end_unix_nano > start_unix_nano ? double(end_unix_nano - start_unix_nano) / 1e6 : 0.0;
  }
};

}  // namespace glassbox
