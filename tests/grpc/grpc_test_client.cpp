#include "tests/grpc/grpc_test_client.hpp"

#include <chrono>
#include <future>

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include "opentelemetry/proto/collector/trace/v1/trace_service.grpc.pb.h"

namespace glassbox::probes::grpc_test {
namespace {

// A receiver that hangs fails the test instead of the test hanging.
constexpr auto kCallDeadline = std::chrono::seconds(10);

std::shared_ptr<grpc::Channel> channel_to(std::uint16_t port) {
  return grpc::CreateChannel("127.0.0.1:" + std::to_string(port), grpc::InsecureChannelCredentials());
}

void prepare(grpc::ClientContext& context, Compression compression) {
  context.set_deadline(std::chrono::system_clock::now() + kCallDeadline);
  if (compression == Compression::gzip) context.set_compression_algorithm(GRPC_COMPRESS_GZIP);
}

CallResult from_status(const grpc::Status& status) {
  CallResult result;
  result.code = static_cast<int>(status.error_code());
  result.message = status.error_message();
  result.details = status.error_details();
  return result;
}

}  // namespace

CallResult export_spans(std::uint16_t port, const otlp::ExportTraceServiceRequest& request, Compression compression) {
  auto stub = otlp::TraceService::NewStub(channel_to(port));
  grpc::ClientContext context;
  prepare(context, compression);
  otlp::ExportTraceServiceResponse response;
  CallResult result = from_status(stub->Export(&context, request, &response));
  result.response = std::move(response);
  return result;
}

CallResult call_raw(std::uint16_t port, const std::string& method, const std::string& bytes, Compression compression) {
  grpc::GenericStub stub(channel_to(port));
  grpc::ClientContext context;
  prepare(context, compression);
  grpc::Slice slice(bytes);
  grpc::ByteBuffer request(&slice, 1);
  grpc::ByteBuffer reply;
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context, method, grpc::StubOptions(), &request, &reply,
                 [&done](grpc::Status status) { done.set_value(std::move(status)); });
  CallResult result = from_status(done.get_future().get());
  if (result.code == 0) {
    std::vector<grpc::Slice> slices;
    std::string flat;
    if (reply.Dump(&slices).ok())
      for (const grpc::Slice& s : slices) flat.append(reinterpret_cast<const char*>(s.begin()), s.size());
    result.response.ParseFromString(flat);
  }
  return result;
}

}  // namespace glassbox::probes::grpc_test
