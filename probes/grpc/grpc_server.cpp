// The OTLP/gRPC receiver's transport: a grpc::Server with the generated TraceService whose
// Export method is registered "raw callback", so the call hands over the request's bytes
// rather than a parsed message. That way malformed bytes reach our decoder and get
// INVALID_ARGUMENT with its message (gRPC's own parse failure would be INTERNAL), and every
// decision stays in the plain ExportRpc (export_rpc.hpp). The only file that sees gRPC.
//
// Binding: gRPC reports a failed bind only as a null server (and a log line), so the address
// is first bound with a plain socket to tell "address already in use" from other failures.
// SO_REUSEPORT, which gRPC sets by default on Linux, is turned off: with it, a second
// receiver on a busy port would silently share the port instead of failing.
//
// Shutdown: stop() shuts the server down (calls still running get a short grace period),
// then destroys it; the service and ExportRpc outlive it.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>
#include <exception>
#include <mutex>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <grpcpp/grpcpp.h>

#include "opentelemetry/proto/collector/trace/v1/trace_service.grpc.pb.h"
#include "probes/grpc/export_rpc.hpp"
#include "probes/grpc/grpc_receiver.hpp"

namespace glassbox::probes {
namespace {

namespace otlp = opentelemetry::proto::collector::trace::v1;
using grpc_receiver::ExportRpc;
using grpc_receiver::RpcAnswer;

// Calls still running when stop() is called get this long before they are cancelled.
constexpr auto kShutdownGrace = std::chrono::seconds(2);

// An IP address as the receiver binds it: numeric only, the receiver does not resolve names.
struct IpAddress {
  bool v6 = false;
  sockaddr_in v4_socket{};
  sockaddr_in6 v6_socket{};
};

bool parse_ip(const std::string& text, IpAddress& out) {
  if (inet_pton(AF_INET, text.c_str(), &out.v4_socket.sin_addr) == 1) {
    out.v4_socket.sin_family = AF_INET;
    return true;
  }
  if (inet_pton(AF_INET6, text.c_str(), &out.v6_socket.sin6_addr) == 1) {
    out.v6_socket.sin6_family = AF_INET6;
    out.v6 = true;
    return true;
  }
  return false;
}

std::string host_port(const std::string& address, bool v6, std::uint16_t port) {
  return v6 ? fmt::format("[{}]:{}", address, port) : fmt::format("{}:{}", address, port);
}

// "Address already in use" -> "address already in use", to read well after a colon.
std::string describe_errno(int error) {
  std::string message = std::strerror(error);
  if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  return message;
}

// Binds (and releases) the address the way a listener would; the errno when it cannot.
int probe_bind(IpAddress address, std::uint16_t port) {
  const int fd = ::socket(address.v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return errno;
  const int yes = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  int result = 0;
  if (address.v6) {
    address.v6_socket.sin6_port = htons(port);
    result = ::bind(fd, reinterpret_cast<const sockaddr*>(&address.v6_socket), sizeof address.v6_socket);
  } else {
    address.v4_socket.sin_port = htons(port);
    result = ::bind(fd, reinterpret_cast<const sockaddr*>(&address.v4_socket), sizeof address.v4_socket);
  }
  const int error = result == 0 ? 0 : errno;
  ::close(fd);
  return error;
}

std::string flatten(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string bytes;
  if (!buffer.Dump(&slices).ok()) return bytes;
  bytes.reserve(buffer.Length());
  for (const grpc::Slice& slice : slices) bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  return bytes;
}

class TraceServiceImpl final : public otlp::TraceService::WithRawCallbackMethod_Export<otlp::TraceService::Service> {
 public:
  explicit TraceServiceImpl(ExportRpc& rpc) : rpc_(rpc) {}

  grpc::ServerUnaryReactor* Export(grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
                                   grpc::ByteBuffer* response) override {
    RpcAnswer answer;
    try {
      answer = rpc_.handle(flatten(*request));
    } catch (const std::exception&) {
      // A bug in a decoder or sink ends one call with INTERNAL instead of the process.
      answer = rpc_.internal_error();
    }
    if (answer.code == grpc_receiver::RpcCode::ok) {
      grpc::Slice slice(answer.response);
      *response = grpc::ByteBuffer(&slice, 1);
    }
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status(static_cast<grpc::StatusCode>(answer.code), answer.message, answer.details));
    return reactor;
  }

 private:
  ExportRpc& rpc_;
};

class GrpcReceiver final : public SpanReceiver {
 public:
  GrpcReceiver(const ReceiverOptions& options, SpanSink& sink)
      : rpc_(sink, options.retry_after_seconds), service_(rpc_) {}
  ~GrpcReceiver() override { stop(); }

  Status listen(const ReceiverOptions& options) {
    IpAddress address;
    if (!parse_ip(options.address, address))
      return Error(fmt::format("cannot listen on {}:{}: not an IP address", options.address, options.port));
    const std::string where = host_port(options.address, address.v6, options.port);
    if (options.port != 0) {
      if (int error = probe_bind(address, options.port); error != 0)
        return Error(fmt::format("cannot listen on {}: {}", where, describe_errno(error)));
    }
    grpc::ServerBuilder builder;
    int selected_port = 0;
    builder.AddListeningPort(where, grpc::InsecureServerCredentials(), &selected_port);
    builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
    builder.SetMaxReceiveMessageSize(static_cast<int>(std::min<std::size_t>(options.max_body_bytes, INT_MAX)));
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
    if (!server_ || selected_port == 0) {
      server_.reset();
      return Error(fmt::format("cannot listen on {}: the gRPC server did not start", where));
    }
    port_ = static_cast<std::uint16_t>(selected_port);
    // A wildcard address is not something an exporter can send to; loopback is.
    const bool wildcard = options.address == "0.0.0.0" || options.address == "::";
    const std::string reachable = !wildcard ? options.address : address.v6 ? "::1" : "127.0.0.1";
    endpoint_ = "http://" + host_port(reachable, address.v6, port_);
    return ok_status();
  }

  std::uint16_t port() const override { return port_; }
  std::string endpoint() const override { return endpoint_; }
  ReceiverStats stats() const override { return rpc_.stats(); }

  void stop() override {
    std::lock_guard lock(stop_mutex_);
    if (!server_) return;
    server_->Shutdown(std::chrono::system_clock::now() + kShutdownGrace);
    server_->Wait();
    server_.reset();
  }

 private:
  ExportRpc rpc_;              // outlives the server and the service that call it
  TraceServiceImpl service_;   // outlives the server it is registered with
  std::unique_ptr<grpc::Server> server_;
  std::mutex stop_mutex_;
  std::uint16_t port_ = 0;
  std::string endpoint_;
};

}  // namespace

ReceiverOptions default_grpc_receiver_options() {
  ReceiverOptions options;
  options.port = kOtlpGrpcPort;
  return options;
}

Expected<std::unique_ptr<SpanReceiver>> start_grpc_span_receiver(const ReceiverOptions& options, SpanSink& sink) {
  auto receiver = std::make_unique<GrpcReceiver>(options, sink);
  if (Status listening = receiver->listen(options); !listening) return listening.error();
  return std::unique_ptr<SpanReceiver>(std::move(receiver));
}

}  // namespace glassbox::probes
