// Export bodies for the ingest benchmark: serialized ExportTraceServiceRequest messages
// shaped like what an OpenTelemetry SDK's batch span processor sends for an HTTP service,
// built with the classes generated from proto/.
//
// Each batch is one resource (a service with the SDK's usual resource attributes) and two
// instrumentation scopes, holding whole traces of 8 spans: an HTTP server span with the
// semantic conventions' attributes, internal spans with a decision attribute, a database
// client span, an outgoing HTTP client span, and an exception event on some of them. Ids
// come from a seeded generator, so two batches never share a trace id and runs repeat.
//
// Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace glassbox::bench {

inline constexpr int kSpansPerTrace = 8;

// `count` bodies of exactly `spans_per_batch` spans each (the last trace of a batch is cut
// short when the size is not a multiple of kSpansPerTrace).
std::vector<std::string> make_export_batches(int count, int spans_per_batch, std::uint64_t seed);

}  // namespace glassbox::bench
