// The receiver's HTTP decisions as plain functions: which export a request is (route,
// method), how its body is encoded (Content-Type, Content-Encoding), whether it is within
// the limits, and the response for each outcome, following the OTLP/HTTP specification:
//   200 + ExportTraceServiceResponse in the request's encoding (partial_success when spans
//       were rejected); 202 (empty) for Zipkin;
//   400 malformed, 413 too large, 415 unknown Content-Type or Content-Encoding,
//   404 other paths, 405 other methods (Allow: POST), 429/503 + Retry-After when full.
// Failure bodies are google.rpc.Status messages: protobuf-encoded for application/x-protobuf
// requests, {"code":N,"message":"..."} for JSON ones, plain text when the request's encoding
// is unknown or for Zipkin.
//
// No sockets here: receiver_server.cpp turns wire requests into IncomingRequest and sends
// HttpAnswer back. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace glassbox::probes::receiver {

struct IncomingRequest {
  std::string method;            // "POST"
  std::string target;            // "/v1/traces?x=y"
  std::string content_type;      // the header's value, "" when absent
  std::string content_encoding;  // the header's value, "" when absent
  std::optional<std::uint64_t> content_length;  // declared length, when the header is there
  std::string body;
};

struct HttpAnswer {
  int status = 200;
  std::string content_type;      // "" for no body
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra ones: Allow, Retry-After
};

enum class WireFormat { otlp_protobuf, otlp_json, zipkin_json };

struct Limits {
  std::size_t max_body_bytes = 16u << 20;
  std::size_t max_decompressed_bytes = 64u << 20;
};

// A request that passed routing, negotiation and limits: its body, inflated.
struct AdmittedExport {
  WireFormat format;
  std::string body;
};

// What kind of refusal an answer is, for the receiver's counters.
enum class Refusal { none, not_found, bad_method, bad_request, throttled };

struct Verdict {
  std::variant<AdmittedExport, HttpAnswer> outcome;
  Refusal refusal = Refusal::none;
};

// Routing (404), method (405), Content-Type / Content-Encoding (415), size and gzip (413,
// 400 for broken gzip). The body is inflated when it was gzip'd.
Verdict admit_request(IncomingRequest request, const Limits& limits);

// Called once the headers are in and before the body is read: a 413 answer when the
// declared Content-Length is already over the limit, so the body is never read.
std::optional<HttpAnswer> refuse_declared_length(const IncomingRequest& headers, const Limits& limits);

// Responses once a body was decoded (or failed to).
HttpAnswer accepted_answer(WireFormat format, std::size_t rejected, std::string_view rejection_reason);
HttpAnswer malformed_answer(WireFormat format, std::string_view message);
enum class Throttle { sink_full, shutting_down };  // 429 and 503
HttpAnswer throttled_answer(WireFormat format, Throttle why, int retry_after_seconds);

// The media type of a Content-Type value: lowercased, parameters (charset) and spaces
// dropped. "Application/JSON; charset=utf-8" -> "application/json".
std::string media_type(std::string_view content_type);

}  // namespace glassbox::probes::receiver
