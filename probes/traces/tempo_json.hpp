// Decoding of Tempo's trace-by-id JSON (GET /api/traces/{id}, Accept: application/json).
// Tempo answers with OTLP marshalled by Go's jsonpb, which differs from OTLP/JSON:
//
//   {"batches":[ResourceSpans...]}              Tempo 1.x and 2.x (/api/traces)
//   {"resourceSpans":[...]}                     OTLP TracesData as the spec writes it
//   {"trace":{"resourceSpans":[...]}}           Tempo's v2 API
//
// ids are base64 (jsonpb's encoding of bytes) rather than hex, and releases before OTLP 0.15
// say instrumentationLibrarySpans/instrumentationLibrary for scopeSpans/scope. normalise_tempo_json
// rewrites all of these into OTLP/JSON, which the span decoders already read.
//
// Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "suites/model/expected.hpp"
#include "suites/model/span.hpp"

namespace glassbox::probes {

// {"resourceSpans":[...]} with hex ids and scopeSpans. Errors: not JSON, or none of the
// three shapes above.
Expected<std::string> normalise_tempo_json(std::string_view body);

// normalise_tempo_json, then decode_otlp_json.
Expected<std::vector<Span>> decode_tempo_json(std::string_view body);

}  // namespace glassbox::probes
