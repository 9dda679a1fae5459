// Span decoders for the wire formats services export in: OTLP/HTTP protobuf and JSON
// (ExportTraceServiceRequest), and Zipkin v2 JSON (a list of spans).
//
// Pure functions, thread-safe. Malformed bodies are errors (the receiver answers 400);
// spans that are individually unusable (bad ids) are counted in `rejected` and skipped,
// which the receiver reports as OTLP partial_success.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "suites/model/expected.hpp"
#include "suites/model/span.hpp"

namespace glassbox::probes {

struct DecodedSpans {
  std::vector<Span> spans;
  std::size_t rejected = 0;          // spans skipped, e.g. a trace id that is not 16 bytes
  std::string rejection_reason;      // the first reason, for partial_success.error_message
};

// application/x-protobuf, decoded with libprotobuf from proto/ (OTLP field numbers).
Expected<DecodedSpans> decode_otlp_protobuf(std::string_view body);
// application/json per the OTLP/JSON rules: ids are hex strings (not base64), enums may be
// names or integers, int64 may be strings, unknown fields are ignored.
Expected<DecodedSpans> decode_otlp_json(std::string_view body);
// Zipkin v2 JSON: [{traceId, id, parentId, name, kind, timestamp(us), duration(us),
// localEndpoint{serviceName}, tags{}, annotations[], shared}]; 64-bit trace ids are
// left-padded to 128 bits.
Expected<DecodedSpans> decode_zipkin_json(std::string_view body);

}  // namespace glassbox::probes
