// ExportTraceServiceRequests for the gRPC receiver tests, small enough to read.
#pragma once

#include <string>

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"

namespace glassbox::probes::grpc_test {

// `good` spans of service "svc" in one trace, plus `bad` spans whose trace id is 2 bytes
// (the decoder rejects each one: a partial success). `name_bytes` pads the span names, to
// make a request of a given size.
inline opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest export_request(
    int good, int bad = 0, std::size_t name_bytes = 0) {
  opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest request;
  auto* resource_spans = request.add_resource_spans();
  auto* service = resource_spans->mutable_resource()->add_attributes();
  service->set_key("service.name");
  service->mutable_value()->set_string_value("svc");
  auto* scope_spans = resource_spans->add_scope_spans();
  scope_spans->mutable_scope()->set_name("test");
  for (int i = 0; i < good + bad; ++i) {
    auto* span = scope_spans->add_spans();
    span->set_trace_id(i < good ? std::string("\x4b\xf9\x2f\x35\x77\xb3\x4d\xa6\xa3\xce\x92\x9d\x0e\x0e\x47\x36", 16)
                                : std::string("\xab\xcd", 2));
    span->set_span_id(std::string("\x00\xf0\x67\xaa\x0b\xa9\x02", 7) + static_cast<char>(i + 1));
    span->set_name("op" + std::to_string(i) + std::string(name_bytes, 'x'));
    span->set_kind(opentelemetry::proto::trace::v1::Span::SPAN_KIND_SERVER);
    span->set_start_time_unix_nano(1000);
    span->set_end_time_unix_nano(2000);
  }
  return request;
}

}  // namespace glassbox::probes::grpc_test
