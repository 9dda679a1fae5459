// The OTLP/gRPC span receiver: a gRPC server with the service
// opentelemetry.proto.collector.trace.v1.TraceService (rpc Export), beside the OTLP/HTTP
// receiver of span_receiver.hpp and behind the same SpanReceiver/SpanSink interface, so both
// can feed one sink. Plain C++ header: gRPC is seen only by grpc_server.cpp.
//
// Answers follow the OTLP specification for gRPC (export_rpc.hpp):
//   OK with an ExportTraceServiceResponse (partial_success when spans were rejected),
//   INVALID_ARGUMENT for bytes that are not an ExportTraceServiceRequest,
//   UNAVAILABLE when the sink is full or closing, with google.rpc.RetryInfo (retry_delay =
//     ReceiverOptions::retry_after_seconds) in the status details,
//   RESOURCE_EXHAUSTED from gRPC itself for a message over ReceiverOptions::max_body_bytes
//     (compressed or after decompression); such calls never reach the receiver and are not
//     counted in its stats,
//   UNIMPLEMENTED from gRPC for any other service or method.
// gzip (and deflate) request compression is handled by gRPC. Bad input never crashes it.
//
// Threading: gRPC serves calls on its own threads, and SpanSink::accept may be called from
// several of them at once (the sink must be thread-safe, as SpanCollector and SpanJsonlFile
// are). stats() and stop() are safe from any thread.
#pragma once

#include <cstdint>
#include <memory>

#include "probes/receiver/span_receiver.hpp"
#include "suites/model/expected.hpp"

namespace glassbox::probes {

// The OTLP/gRPC default port (the specification's; OTLP/HTTP's is 4318).
inline constexpr std::uint16_t kOtlpGrpcPort = 4317;

// ReceiverOptions with the gRPC default port: 127.0.0.1:4317.
ReceiverOptions default_grpc_receiver_options();

// Binds options.address:options.port (port 0 picks a free one; port() reports it) and starts
// serving. endpoint() is "http://127.0.0.1:PORT", the form OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
// takes for gRPC. Errors: "cannot listen on 127.0.0.1:4317: address already in use",
// "cannot listen on nowhere:4317: not an IP address".
Expected<std::unique_ptr<SpanReceiver>> start_grpc_span_receiver(const ReceiverOptions& options, SpanSink& sink);

}  // namespace glassbox::probes
