// Plain request/response types of the demo service, shared by the Boost-free business logic
// (triangle, nextdate, discount, orders, router) and the Beast server that carries them.
//
// A DemoHandler turns one request into one response. It is the seam for middleware: a
// middleware is a function DemoHandler -> DemoHandler (see trace_echo.hpp), so behaviour
// such as injected latency or errors can later wrap the whole API without touching routes.
//
// Thread-safety: plain values; a DemoHandler may be called from the server thread only.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace glassbox::probes::demo {

struct DemoRequest {
  std::string method;                          // as sent, e.g. "GET"
  std::string target;                          // origin-form, e.g. "/nextdate?date=2024-02-29"
  std::map<std::string, std::string> headers;  // names lowercased; a repeated name keeps the first
  std::string body;
  std::string protocol_version = "1.1";        // HTTP version, "1.1" or "1.0"
};

using ResponseHeaders = std::vector<std::pair<std::string, std::string>>;

// Every body is JSON; the server adds Content-Type: application/json.
struct DemoResponse {
  int status = 200;
  nlohmann::json body = nlohmann::json::object();
  ResponseHeaders headers;  // extra headers: Location, Allow, x-trace-id
};

using DemoHandler = std::function<DemoResponse(const DemoRequest&)>;
using DemoMiddleware = std::function<DemoHandler(DemoHandler)>;

// {"error": message} with the given status.
inline DemoResponse error_response(int status, std::string message) {
  DemoResponse response;
  response.status = status;
  response.body = {{"error", std::move(message)}};
  return response;
}

}  // namespace glassbox::probes::demo
