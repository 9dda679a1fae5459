// Decoding of the Jaeger query API's trace JSON (GET /api/traces/{id}, the UI's model):
//
//   {"data":[{"traceID","spans":[{"traceID","spanID","operationName",
//     "references":[{"refType":"CHILD_OF","traceID","spanID"}],"startTime"(us),"duration"(us),
//     "tags":[{"key","type","value"}],"logs":[{"timestamp"(us),"fields":[...]}],"processID"}],
//     "processes":{"p1":{"serviceName","tags":[...]}}}],"errors":null}
//
// Jaeger stores OpenTelemetry's span kind and status as tags (span.kind, otel.status_code,
// otel.status_description, error); they become Span fields again and leave the attributes.
//
// Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "suites/model/expected.hpp"
#include "suites/model/span.hpp"

namespace glassbox::probes {

// All spans of all traces in `data`. Malformed JSON or a missing "data" array is an error;
// a span without usable ids is skipped. Trace ids are left-padded to 32 hex digits (Jaeger
// prints 64-bit ids with 16), span ids to 16.
Expected<std::vector<Span>> decode_jaeger_json(std::string_view body);

// The first "errors"[].msg of a Jaeger response body, or "" when there is none
// (e.g. "trace not found" from a 404).
std::string jaeger_error_message(std::string_view body);

}  // namespace glassbox::probes
