// Wire encodings of the receiver's response bodies: ExportTraceServiceResponse and
// google.rpc.Status, in protobuf and in OTLP/JSON. Private to the receiver. Pure, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace glassbox::probes::receiver {

// google.rpc.Code values the failure bodies carry (the OTLP/HTTP spec lets a server omit
// the code; a code helps someone reading the body with curl).
enum class RpcCode : int {
  invalid_argument = 3,
  not_found = 5,
  resource_exhausted = 8,
  unimplemented = 12,
  unavailable = 14,
};

// Empty message when rejected == 0 and the reason is empty (a plain success).
std::string export_response_protobuf(std::size_t rejected, std::string_view reason);
// "{}" or {"partialSuccess":{"rejectedSpans":"N","errorMessage":"..."}} (int64 as a string,
// as the protobuf JSON mapping writes it).
std::string export_response_json(std::size_t rejected, std::string_view reason);

std::string status_protobuf(RpcCode code, std::string_view message);
std::string status_json(RpcCode code, std::string_view message);   // {"code":3,"message":"..."}

}  // namespace glassbox::probes::receiver
