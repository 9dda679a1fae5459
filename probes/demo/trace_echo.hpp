// Middleware that echoes the caller's W3C trace id: when a request carries a valid
// `traceparent`, its response gets `x-trace-id: <32 hex trace id>`, so a tester can tie a
// response to its trace without reading spans. An invalid traceparent is ignored, as the
// W3C Trace Context spec asks of a receiver.
//
// Thread-safety: pure functions; the wrapped handler is called as is.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "probes/demo/demo_http.hpp"

namespace glassbox::probes::demo {

// The trace id of a traceparent header per W3C Trace Context: "vv-<32 hex>-<16 hex>-ff",
// lowercase hex, ids not all zero, version ff invalid, version 00 exactly 55 characters,
// later versions may append "-..." fields. nullopt when the header is not valid.
std::optional<std::string> trace_id_of(std::string_view traceparent);

DemoHandler with_trace_echo(DemoHandler inner);

}  // namespace glassbox::probes::demo
