// Decode, deliver, answer, count: the OTLP/gRPC counterpart of receiver/export_handler.cpp.
#include "probes/grpc/export_rpc.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include <google/protobuf/any.pb.h>
#include <google/protobuf/duration.pb.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"
#include "probes/spans/decode.hpp"

namespace glassbox::probes::grpc_receiver {
namespace {

namespace otlp = opentelemetry::proto::collector::trace::v1;
using google::protobuf::io::CodedOutputStream;

constexpr char kRetryInfoTypeUrl[] = "type.googleapis.com/google.rpc.RetryInfo";

void write_length_delimited(CodedOutputStream& out, std::uint32_t field, std::string_view bytes) {
  out.WriteTag((field << 3) | 2);
  out.WriteVarint32(static_cast<std::uint32_t>(bytes.size()));
  out.WriteRaw(bytes.data(), static_cast<int>(bytes.size()));
}

std::string export_response(std::size_t rejected, std::string_view reason) {
  otlp::ExportTraceServiceResponse response;
  // The specification wants partial_success unset on full success.
  if (rejected > 0 || !reason.empty()) {
    auto* partial = response.mutable_partial_success();
    partial->set_rejected_spans(static_cast<std::int64_t>(rejected));
    partial->set_error_message(std::string(reason));
  }
  return response.SerializeAsString();
}

}  // namespace

std::string retry_status_details(RpcCode code, std::string_view message, int retry_delay_seconds) {
  google::protobuf::Duration delay;
  delay.set_seconds(std::max(retry_delay_seconds, 0));
  std::string retry_info;  // google.rpc.RetryInfo { Duration retry_delay = 1; }
  {
    google::protobuf::io::StringOutputStream stream(&retry_info);
    CodedOutputStream coded(&stream);
    write_length_delimited(coded, 1, delay.SerializeAsString());
  }  // the CodedOutputStream flushes into the string when it goes
  google::protobuf::Any any;
  any.set_type_url(kRetryInfoTypeUrl);
  any.set_value(retry_info);

  std::string status;  // google.rpc.Status { int32 code = 1; string message = 2; repeated Any details = 3; }
  {
    google::protobuf::io::StringOutputStream stream(&status);
    CodedOutputStream coded(&stream);
    coded.WriteTag((1 << 3) | 0);
    coded.WriteVarint32(static_cast<std::uint32_t>(code));
    write_length_delimited(coded, 2, message);
    write_length_delimited(coded, 3, any.SerializeAsString());
  }
  return status;
}

ExportRpc::ExportRpc(SpanSink& sink, int retry_after_seconds)
    : sink_(sink), retry_after_seconds_(retry_after_seconds) {}

RpcAnswer ExportRpc::handle(std::string_view request) {
  {
    std::lock_guard lock(mutex_);
    ++stats_.requests;
  }
  Expected<DecodedSpans> decoded = decode_otlp_protobuf(request);
  if (!decoded) {
    std::lock_guard lock(mutex_);
    ++stats_.bad_requests;
    return {RpcCode::invalid_argument, decoded.error().message, {}, {}};
  }
  const std::size_t span_count = decoded->spans.size();
  // An empty request succeeds whatever the sink's state, as the specification asks.
  if (span_count > 0) {
    const bool closing = sink_.closing();
    if (closing || !sink_.accept(std::move(decoded->spans))) {
      {
        std::lock_guard lock(mutex_);
        ++stats_.throttled;
      }
      std::string message = closing ? "the receiver is shutting down" : "span buffer is full; retry later";
      std::string details = retry_status_details(RpcCode::unavailable, message, retry_after_seconds_);
      return {RpcCode::unavailable, std::move(message), {}, std::move(details)};
    }
  }
  {
    std::lock_guard lock(mutex_);
    stats_.spans_accepted += span_count;
    stats_.spans_rejected += decoded->rejected;
    if (span_count > 0) stats_.last_batch = std::chrono::steady_clock::now();
  }
  return {RpcCode::ok, {}, export_response(decoded->rejected, decoded->rejection_reason), {}};
}

RpcAnswer ExportRpc::internal_error() {
  std::lock_guard lock(mutex_);
  ++stats_.bad_requests;
  return {RpcCode::internal, "internal error", {}, {}};
}

ReceiverStats ExportRpc::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace glassbox::probes::grpc_receiver
