// Correlation: spans grouped into one trace per case by trace id (every case has its own
// trace id, carried in the probe's traceparent), each trace arranged as a tree through
// parent span ids. Spans that belong to no case are counted, never dropped silently.
//
// Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "suites/model/span.hpp"

namespace glassbox::reports {

enum class SpanPlace {
  Root,          // no parent: a local root
  ProbeChild,    // its parent is a span id the probe sent in traceparent (the request's span)
  Child,         // its parent is in the trace
  Orphan,        // its parent is neither in the trace nor the probe's: a span went missing
};

struct CaseTrace {
  std::string trace_id;
  std::vector<Span> spans;              // ordered by start time, then name
  std::vector<int> parent;              // index into spans, -1 when the parent is not in the trace
  std::vector<SpanPlace> place;
  std::vector<std::vector<std::size_t>> children;  // indices, in start-time order

  std::size_t orphans() const;
  // Top-level spans (roots, probe children and orphans), in start-time order.
  std::vector<std::size_t> tops() const;
  // Depth of each span from its top-level ancestor (0 for tops).
  std::vector<int> depths() const;
};

struct Correlation {
  std::map<std::string, CaseTrace> traces;   // by trace id, only ids of known cases
  std::size_t received = 0;                  // spans given, duplicates included
  std::size_t duplicates = 0;                // same (trace id, span id) again: an exporter retry
  std::size_t matched = 0;                   // distinct spans in a case's trace
  std::size_t unmatched = 0;                 // distinct spans of no known case
  std::map<std::string, std::size_t> unmatched_by_service;
};

// `case_trace_ids`: the trace id of every case; `probe_span_ids`: every span id the probe
// sent in a traceparent (each attempt's), which parent the services' entry spans.
Correlation correlate(std::vector<Span> spans, const std::set<std::string>& case_trace_ids,
                      const std::set<std::string>& probe_span_ids);

}  // namespace glassbox::reports

#include "reports/model/results.hpp"

namespace glassbox::reports {

// A case's trace as waterfall rows, parents before children, times from the earliest span.
std::vector<TraceSpan> waterfall_rows(const CaseTrace& trace);

}  // namespace glassbox::reports
