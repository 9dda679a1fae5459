// The polling loop both trace sources share: fetch each trace by id, in rounds, until every
// trace is complete or the deadline passes.
//
// Rounds rather than per-trace timers: the HTTP client has no timer, and a round's requests
// all finish before the next starts, so a round sends one request per incomplete trace
// (at most `concurrency` in flight), runs the client until they are answered, then sleeps
// poll_interval when a trace is still incomplete and another round fits before the deadline.
// The first round always runs, and each request may take at least 250 ms, so a fetch can end
// up to that much after its deadline rather than without a single answer.
//
// Not thread-safe; one poll_traces call per thread at a time.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "probes/http/http_client.hpp"
#include "probes/traces/trace_source.hpp"
#include "suites/model/expected.hpp"
#include "suites/model/span.hpp"

namespace glassbox::probes {

// What differs between backends.
struct TraceBackend {
  std::string_view kind;                                        // "jaeger", "tempo": error prefix
  std::function<std::string(const std::string& trace_id)> url;  // the trace-by-id URL
  Headers headers;                                              // e.g. Accept
  // A 200 body to spans.
  std::function<Expected<std::vector<Span>>(std::string_view body)> decode;
  // The readable part of a non-200 body; "" when the body says nothing useful.
  std::function<std::string(std::string_view body)> error_message;
};

std::map<std::string, FetchedTrace> poll_traces(const TraceBackend& backend,
                                                const std::vector<std::string>& trace_ids,
                                                const std::vector<std::string>& known_parents,
                                                const TraceQueryOptions& options);

// True when every span is a root or its parent is one of the spans or in `known_parents`.
// An empty trace has nothing to hang from yet and is not connected.
bool parents_present(const std::vector<Span>& spans, const std::set<std::string>& known_parents);

}  // namespace glassbox::probes
