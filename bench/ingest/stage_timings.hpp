// Where the receiver's time per batch goes, measured as the calling thread's CPU time and
// without sockets: protobuf parsing alone, the parts of turning the parsed message into
// glassbox Spans, the Spans' destruction, and the whole ExportHandler (admission, decoding,
// sink, answer). Set beside the receiver thread's CPU time per batch over HTTP, the rest is
// the transport.
//
// Not thread-safe: it runs on one thread and uses only its own objects.
#pragma once

#include <string>
#include <vector>

namespace glassbox::bench {

struct StageTimings {
  double parse_ms = 0;            // ExportTraceServiceRequest::ParseFromArray, then freed
  double parse_arena_ms = 0;      // the same on a protobuf Arena (what the decoder could do)
  double ids_hex_ms = 0;          // trace, span and parent ids to hex, for every span
  double attributes_ms = 0;       // span and event attributes to Values, for every span
  double resource_copy_ms = 0;    // the resource's Value copied into every span
  double decode_ms = 0;           // decode_otlp_protobuf: all of the above and the rest
  double destroy_ms = 0;          // destroying the decoded Spans
  double handler_ms = 0;          // ExportHandler::handle with a counting sink, Spans freed
};

// Per-batch averages (milliseconds of the calling thread's CPU time) over `rounds` passes through `bodies`.
StageTimings time_stages(const std::vector<std::string>& bodies, int rounds);

}  // namespace glassbox::bench
