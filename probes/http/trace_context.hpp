// W3C Trace Context: trace and span ids and the traceparent header.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace glassbox::probes {

// Random ids from a thread-local generator seeded from the OS; never all zeros.
std::string new_trace_id();   // 32 lowercase hex
std::string new_span_id();    // 16 lowercase hex

// "00-<trace>-<span>-01" (sampled), or "-00" with TraceFlags::NotSampled.
enum class TraceFlags { Sampled, NotSampled };
std::string make_traceparent(std::string_view trace_id, std::string_view span_id,
                             TraceFlags flags = TraceFlags::Sampled);
// Overwrite `out` with a new trace id in place, reusing its storage.
void assign_new_trace_id(std::string& out);
// Overwrites `out` with a new span id (16 lowercase hex) in place, reusing its storage.
void assign_new_span_id(std::string& out);

struct TraceParent {
  std::string version, trace_id, parent_id;
  bool sampled = false;
};
// Parses per the W3C spec: lowercase hex, no all-zero ids, version ff invalid,
// future versions may carry extra fields after a '-'.
std::optional<TraceParent> parse_traceparent(std::string_view header);

}  // namespace glassbox::probes
