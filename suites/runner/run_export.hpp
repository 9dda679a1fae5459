// The run as a trace (`run --otlp-export URL`): after the run, glassbox sends its own spans
// over OTLP/HTTP so a run can be looked at in Jaeger or Tempo beside the services' spans.
//   - one root span for the run ("glassbox run <suites>"), in a trace of its own;
//   - per case that was sent, a span "case <id>" at the root of the case's trace (the trace id
//     the probe used), linked to the run's root span;
//   - under it, one client span per attempt whose span id is the parent id that attempt sent
//     in its traceparent, so the services' server spans hang under glassbox's requests.
// Times come from the results (run start, each case's offset, each attempt's latency; the
// attempts of a case are laid end to end).
//
// Threading: runs on the calling thread and returns when the spans were sent or dropped.
#pragma once

#include <cstdint>
#include <string>

#include "reports/model/results.hpp"
#include "suites/model/expected.hpp"

namespace glassbox::runner {

struct RunExportStats {
  std::string run_trace_id;
  std::uint64_t spans = 0;       // built
  std::uint64_t exported = 0;    // acknowledged by the receiver
  std::uint64_t dropped = 0;
};

// `endpoint` is the OTLP/HTTP base URL (as OTEL_EXPORTER_OTLP_ENDPOINT); a trailing
// "/v1/traces" is accepted too. An error for an endpoint that is not an http(s) URL.
Expected<RunExportStats> export_run_trace(const reports::RunResults& results, const std::string& endpoint);

}  // namespace glassbox::runner
