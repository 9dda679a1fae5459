// One OTLP/gRPC TraceService/Export call, without gRPC: decode the request bytes, hand the
// spans to the sink, decide the status the call ends with, and count it in ReceiverStats.
// grpc_server.cpp turns an RpcAnswer into a grpc::Status and response bytes; keeping the
// decisions here lets them be read (and tested) without the gRPC headers.
//
// Status codes follow the OTLP specification for gRPC:
//   OK                + ExportTraceServiceResponse (partial_success when spans were rejected)
//   INVALID_ARGUMENT  the bytes are not an ExportTraceServiceRequest (not retryable)
//   UNAVAILABLE       the sink is full or closing (retryable), with a google.rpc.Status in
//                     the status details carrying google.rpc.RetryInfo{retry_delay}
// RESOURCE_EXHAUSTED for messages over the size limit comes from gRPC itself, before a call
// reaches this code.
//
// Thread-safety: every member may be called from several threads at once (the counters are
// behind a mutex); the sink is called from whichever thread calls handle().
#pragma once

#include <mutex>
#include <string>
#include <string_view>

#include "probes/receiver/span_receiver.hpp"

namespace glassbox::probes::grpc_receiver {

// The google.rpc.Code values an export call can end with.
enum class RpcCode : int { ok = 0, invalid_argument = 3, internal = 13, unavailable = 14 };

struct RpcAnswer {
  RpcCode code = RpcCode::ok;
  std::string message;   // the status message; empty when ok
  std::string response;  // serialized ExportTraceServiceResponse when ok
  std::string details;   // serialized google.rpc.Status for the status details; may be empty
};

class ExportRpc final {
 public:
  ExportRpc(SpanSink& sink, int retry_after_seconds);

  // The whole call: the request's bytes (already decompressed and within the size limit).
  RpcAnswer handle(std::string_view request);
  // A call that failed in a way this class did not decide (an exception in a decoder or the
  // sink): INTERNAL, counted as a bad request.
  RpcAnswer internal_error();

  ReceiverStats stats() const;

 private:
  SpanSink& sink_;
  const int retry_after_seconds_;
  mutable std::mutex mutex_;
  ReceiverStats stats_;
};

// google.rpc.Status{code, message, details: [Any{google.rpc.RetryInfo{retry_delay}}]},
// serialized. Written with protobuf's wire writer: googleapis' status and error_details
// protos are not among the installed headers, and these are four small messages.
std::string retry_status_details(RpcCode code, std::string_view message, int retry_delay_seconds);

}  // namespace glassbox::probes::grpc_receiver
