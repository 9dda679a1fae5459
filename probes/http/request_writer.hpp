// Private to probes/http: turns an HttpRequest into HTTP/1.1 request bytes.
// The bytes go into a buffer the connection owns and reuses, so a warm connection
// serialises a request without allocating. Pure functions; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "probes/http/http_client.hpp"

namespace glassbox::probes::detail {

// Why the request cannot be sent as it is (a method or header name that is not an HTTP
// token, a header value holding CR, LF or NUL), or nullopt when it can.
std::optional<std::string> request_problem(const HttpRequest& request);

// Replaces `out` with the request line, headers and body of one attempt:
//   - Host (the URL's authority) and User-Agent unless the caller set them;
//   - traceparent "00-<request.trace_id>-<span_id>-01" ("-00" when request.sampled is
//     false), replacing any the caller set;
//   - Content-Length when the body is non-empty or the method carries one (POST, PUT,
//     PATCH); a caller's Content-Length or Transfer-Encoding is dropped, the client frames
//     the body itself;
//   - every other caller header unchanged and in order.
// `target` is the URL's path and query; "" or a bare "?query" gets a leading '/'.
void write_request(std::string& out, const HttpRequest& request, std::string_view target,
                   std::string_view authority, std::string_view user_agent, std::string_view span_id);

}  // namespace glassbox::probes::detail
