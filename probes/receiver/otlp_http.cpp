// Routing, negotiation and limits for export requests, and the answers for each outcome.
#include "probes/receiver/otlp_http.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "probes/receiver/gzip.hpp"
#include "probes/receiver/otlp_bodies.hpp"

namespace glassbox::probes::receiver {
namespace {

constexpr std::string_view kOtlpPath = "/v1/traces";
constexpr std::string_view kZipkinPath = "/api/v2/spans";

enum class Route { otlp, zipkin, unknown };
// How a failure body is written: as the request was, when that is known.
enum class BodyEncoding { protobuf, json, text };

std::string lowercase_trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  text = text.substr(first, text.find_last_not_of(" \t") - first + 1);
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Route route_of(std::string_view target) {
  const std::string_view path = target.substr(0, target.find_first_of("?#"));
  if (path == kOtlpPath) return Route::otlp;
  if (path == kZipkinPath) return Route::zipkin;
  return Route::unknown;
}

BodyEncoding encoding_of(WireFormat format) {
  switch (format) {
    case WireFormat::otlp_protobuf: return BodyEncoding::protobuf;
    case WireFormat::otlp_json: return BodyEncoding::json;
    case WireFormat::zipkin_json: return BodyEncoding::text;
  }
  return BodyEncoding::text;
}

// The request's wire format when its route and Content-Type are known.
std::optional<WireFormat> format_of(Route route, std::string_view content_type) {
  const std::string media = media_type(content_type);
  if (route == Route::otlp) {
    if (media == "application/x-protobuf") return WireFormat::otlp_protobuf;
    if (media == "application/json") return WireFormat::otlp_json;
  }
  // Zipkin's own server takes a missing Content-Type as JSON; its reporters rely on it.
  if (route == Route::zipkin && (media == "application/json" || media.empty()))
    return WireFormat::zipkin_json;
  return std::nullopt;
}

BodyEncoding failure_encoding(const IncomingRequest& request) {
  const auto format = format_of(route_of(request.target), request.content_type);
  return format ? encoding_of(*format) : BodyEncoding::text;
}

HttpAnswer failure(int status, RpcCode code, BodyEncoding encoding, std::string_view message) {
  HttpAnswer answer;
  answer.status = status;
  switch (encoding) {
    case BodyEncoding::protobuf:
      answer.content_type = "application/x-protobuf";
      answer.body = status_protobuf(code, message);
      break;
    case BodyEncoding::json:
      answer.content_type = "application/json";
      answer.body = status_json(code, message);
      break;
    case BodyEncoding::text:
      answer.content_type = "text/plain; charset=utf-8";
      answer.body = std::string(message) + "\n";
      break;
  }
  return answer;
}

Verdict refuse(Refusal refusal, HttpAnswer answer) { return {std::move(answer), refusal}; }

HttpAnswer too_large(BodyEncoding encoding, std::string_view what, std::size_t limit) {
  return failure(413, RpcCode::resource_exhausted, encoding,
                 fmt::format("{} is over the limit of {} bytes", what, limit));
}

}  // namespace

std::string media_type(std::string_view content_type) {
  return lowercase_trimmed(content_type.substr(0, content_type.find(';')));
}

std::optional<HttpAnswer> refuse_declared_length(const IncomingRequest& headers, const Limits& limits) {
  if (!headers.content_length || *headers.content_length <= limits.max_body_bytes) return std::nullopt;
  return too_large(failure_encoding(headers), "request body", limits.max_body_bytes);
}

Verdict admit_request(IncomingRequest request, const Limits& limits) {
  const Route route = route_of(request.target);
  if (route == Route::unknown) {
    const std::string path(request.target.substr(0, request.target.find_first_of("?#")));
    return refuse(Refusal::not_found,
                  failure(404, RpcCode::not_found, BodyEncoding::text,
                          fmt::format("no such path: {} (spans go to {} or {})", path, kOtlpPath, kZipkinPath)));
  }
  if (request.method != "POST") {
    HttpAnswer answer = failure(405, RpcCode::unimplemented, BodyEncoding::text,
                                fmt::format("method {} is not allowed; send spans with POST", request.method));
    answer.headers.emplace_back("Allow", "POST");
    return refuse(Refusal::bad_method, std::move(answer));
  }
  const auto format = format_of(route, request.content_type);
  if (!format) {
    const std::string accepted =
        route == Route::otlp ? "application/x-protobuf or application/json" : "application/json";
    return refuse(Refusal::bad_request,
                  failure(415, RpcCode::invalid_argument, BodyEncoding::text,
                          fmt::format("unsupported Content-Type '{}'; {} takes {}", request.content_type,
                                      route == Route::otlp ? kOtlpPath : kZipkinPath, accepted)));
  }
  const BodyEncoding encoding = encoding_of(*format);
  if (request.body.size() > limits.max_body_bytes)
    return refuse(Refusal::bad_request, too_large(encoding, "request body", limits.max_body_bytes));

  const std::string content_encoding = lowercase_trimmed(request.content_encoding);
  if (content_encoding == "gzip" || content_encoding == "x-gzip") {
    Gunzipped inflated = gunzip(request.body, limits.max_decompressed_bytes);
    if (inflated.outcome == GunzipOutcome::over_limit)
      return refuse(Refusal::bad_request,
                    too_large(encoding, "decompressed request body", limits.max_decompressed_bytes));
    if (inflated.outcome == GunzipOutcome::malformed)
      return refuse(Refusal::bad_request, failure(400, RpcCode::invalid_argument, encoding, inflated.message));
    request.body = std::move(inflated.bytes);
  } else if (!content_encoding.empty() && content_encoding != "identity") {
    return refuse(Refusal::bad_request,
                  failure(415, RpcCode::invalid_argument, encoding,
                          fmt::format("unsupported Content-Encoding '{}'; use gzip or identity",
                                      request.content_encoding)));
  }
  return {AdmittedExport{*format, std::move(request.body)}, Refusal::none};
}

HttpAnswer accepted_answer(WireFormat format, std::size_t rejected, std::string_view rejection_reason) {
  HttpAnswer answer;
  switch (format) {
    case WireFormat::otlp_protobuf:
      answer.content_type = "application/x-protobuf";
      answer.body = export_response_protobuf(rejected, rejection_reason);
      break;
    case WireFormat::otlp_json:
      answer.content_type = "application/json";
      answer.body = export_response_json(rejected, rejection_reason);
      break;
    case WireFormat::zipkin_json:
      answer.status = 202;  // what Zipkin's server answers; reporters check for it
      break;
  }
  return answer;
}

HttpAnswer malformed_answer(WireFormat format, std::string_view message) {
  return failure(400, RpcCode::invalid_argument, encoding_of(format), message);
}

HttpAnswer throttled_answer(WireFormat format, Throttle why, int retry_after_seconds) {
  HttpAnswer answer =
      why == Throttle::sink_full
          ? failure(429, RpcCode::resource_exhausted, encoding_of(format), "span buffer is full; retry later")
          : failure(503, RpcCode::unavailable, encoding_of(format), "the receiver is shutting down");
  answer.headers.emplace_back("Retry-After", std::to_string(std::max(retry_after_seconds, 0)));
  return answer;
}

}  // namespace glassbox::probes::receiver
