// A real gRPC client for the receiver tests, behind a plain header so only
// grpc_test_client.cpp compiles gRPC's headers: the generated TraceService stub for
// well-formed exports, and a generic stub for raw bytes the stub could not send.
// Each call opens its own channel to 127.0.0.1:PORT; calls block until the status is in.
#pragma once

#include <cstdint>
#include <string>

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"

namespace glassbox::probes::grpc_test {

namespace otlp = opentelemetry::proto::collector::trace::v1;

enum class Compression { none, gzip };

struct CallResult {
  int code = -1;              // grpc::StatusCode
  std::string message;        // the status message
  std::string details;        // the binary status details (a serialized google.rpc.Status)
  otlp::ExportTraceServiceResponse response;  // when code == 0
};

inline constexpr char kExportMethod[] = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";

// TraceService/Export with the generated stub.
CallResult export_spans(std::uint16_t port, const otlp::ExportTraceServiceRequest& request,
                        Compression compression = Compression::none);
// Any bytes to any method, through grpc::GenericStub.
CallResult call_raw(std::uint16_t port, const std::string& method, const std::string& bytes,
                    Compression compression = Compression::none);

}  // namespace glassbox::probes::grpc_test
