// Middleware that wraps the whole demo API in one SERVER span per request, following the
// OpenTelemetry HTTP semantic conventions: named "<METHOD> <route>" once the router has
// matched a route (just "<METHOD>" for an unknown path), with http.request.method,
// url.path, url.scheme, http.route, http.response.status_code, server.address,
// server.port and network.protocol.version; status ERROR for 5xx answers. The span
// continues the request's traceparent (see tracing.hpp), and the handlers below add
// INTERNAL children for their branches.
//
// Thread-safety: the returned handler may run on several threads; the sink must accept
// spans from all of them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "probes/demo/demo_http.hpp"
#include "probes/demo/tracing.hpp"

namespace glassbox::probes::demo {

struct ServerAddress {
  std::string host;  // as clients reach it, e.g. "127.0.0.1"
  std::uint16_t port = 0;
};

// sink must outlive every call of the returned handler.
DemoHandler with_tracing(DemoHandler inner, SpanSink& sink, ServerAddress server);

// Called by the router when a route matched: renames the current server span to
// "<method> <route>" and sets http.route. Does nothing outside a traced request.
void name_server_span_after_route(std::string_view method, std::string_view route);

}  // namespace glassbox::probes::demo
