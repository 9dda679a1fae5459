// The success body uses the classes generated from proto/. google.rpc.Status is not among
// the OTLP protos, and it is two fields, so it is written with protobuf's own wire writer
// rather than adding googleapis' status.proto for it.
#include "probes/receiver/otlp_bodies.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <nlohmann/json.hpp>

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"

namespace glassbox::probes::receiver {
namespace {

namespace otlp = opentelemetry::proto::collector::trace::v1;

bool has_partial_success(std::size_t rejected, std::string_view reason) {
  return rejected > 0 || !reason.empty();
}

std::string dump(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string export_response_protobuf(std::size_t rejected, std::string_view reason) {
  otlp::ExportTraceServiceResponse response;
  if (has_partial_success(rejected, reason)) {
    auto* partial = response.mutable_partial_success();
    partial->set_rejected_spans(static_cast<std::int64_t>(rejected));
    partial->set_error_message(std::string(reason));
  }
  return response.SerializeAsString();
}

std::string export_response_json(std::size_t rejected, std::string_view reason) {
  nlohmann::json body = nlohmann::json::object();
  if (has_partial_success(rejected, reason)) {
    body["partialSuccess"] = {{"rejectedSpans", std::to_string(rejected)},
                              {"errorMessage", std::string(reason)}};
  }
  return dump(body);
}

std::string status_protobuf(RpcCode code, std::string_view message) {
  // google.rpc.Status { int32 code = 1; string message = 2; }
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.WriteTag((1 << 3) | 0);  // field 1, varint
    coded.WriteVarint32(static_cast<std::uint32_t>(code));
    coded.WriteTag((2 << 3) | 2);  // field 2, length-delimited
    coded.WriteVarint32(static_cast<std::uint32_t>(message.size()));
    coded.WriteRaw(message.data(), static_cast<int>(message.size()));
  }  // the CodedOutputStream flushes into `out` when it goes
  return out;
}

std::string status_json(RpcCode code, std::string_view message) {
  return dump({{"code", static_cast<int>(code)}, {"message", std::string(message)}});
}

}  // namespace glassbox::probes::receiver
