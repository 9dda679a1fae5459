// Trace sources: where spans are fetched from when services export to a tracing backend
// instead of to glassbox's receiver. Looked up by trace id, polled until the trace is
// complete or a deadline passes.
//
//   jaeger:http://host:16686   Jaeger query API   GET /api/traces/{trace_id}
//   tempo:http://host:3200     Tempo API          GET /api/traces/{trace_id} (OTLP JSON)
//
// Not thread-safe; one fetch at a time.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "suites/model/expected.hpp"
#include "suites/model/span.hpp"

namespace glassbox::probes {

struct TraceQueryOptions {
  std::chrono::milliseconds deadline{15000};      // for the whole fetch
  std::chrono::milliseconds poll_interval{500};   // between polls of an incomplete trace
  int concurrency = 8;
  bool verify_tls = true;
};

struct FetchedTrace {
  std::vector<Span> spans;
  // Complete: every span's parent is in the trace or is one of the probe's own span ids
  // (remote parents), and two polls in a row returned the same spans.
  bool complete = false;
  int polls = 0;
  std::string error;            // the last error, e.g. "jaeger: 404 trace not found"
};

class TraceSource {
 public:
  virtual ~TraceSource() = default;
  virtual std::string_view kind() const = 0;   // "jaeger" or "tempo"
  // `known_parents`: span ids glassbox sent in traceparent headers (the probe's attempts), which
  // count as present parents. Returns one entry per requested trace id.
  virtual std::map<std::string, FetchedTrace> fetch(const std::vector<std::string>& trace_ids,
                                                   const std::vector<std::string>& known_parents,
                                                   const TraceQueryOptions& options) = 0;
};

// "jaeger:URL" or "tempo:URL"; anything else is an error naming the accepted forms.
Expected<std::unique_ptr<TraceSource>> make_trace_source(const std::string& spec);

}  // namespace glassbox::probes
