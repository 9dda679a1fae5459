// The demo service's HTTP/1.1 transport: Beast sessions on one io_context and one thread.
// This is the only file of the demo that sees Boost; requests are handed to the plain
// DemoHandler from demo_api.hpp.
//
// Shutdown: stop() stops the io_context, joins the thread and then destroys the io_context,
// which destroys the pending handlers and with them every session and socket. Nothing runs
// concurrently with that teardown, so no session needs a lock.
//
// Injected faults (demo_faults.hpp) are decided here, per request read: a delay is a timer
// on the session, never a sleep, because the one server thread serves every connection.
#include <cctype>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fmt/format.h>

#include "probes/demo/demo_api.hpp"
#include "probes/demo/demo_faults.hpp"
#include "probes/demo/demo_service.hpp"
#include "probes/demo/otlp_exporter.hpp"
#include "probes/demo/tracing_middleware.hpp"

namespace glassbox::probes {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using demo::DemoHandler;
using demo::DemoResponse;

constexpr std::uint64_t kMaxBodyBytes = 1u << 20;
// Idle keep-alive connections and slow senders are dropped after this long.
constexpr auto kIoTimeout = std::chrono::seconds(30);
// After refusing a request mid-body, read and discard what the client is still sending for a
// little while: closing with unread data would reset the connection, and the client could
// lose the error response before reading it.
constexpr auto kDrainTimeout = std::chrono::seconds(2);
constexpr std::size_t kMaxDrainBytes = 16u << 20;
constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(100);

std::string host_port(const net::ip::address& address, std::uint16_t port) {
  if (address.is_v6()) return fmt::format("[{}]:{}", address.to_string(), port);
  return fmt::format("{}:{}", address.to_string(), port);
}

// "Address already in use" -> "address already in use", to read well after a colon.
std::string describe(const beast::error_code& ec) {
  std::string message = ec.message();
  if (!message.empty())
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  return message;
}

Error make_error(std::string message) {
  Error error;
  error.message = std::move(message);
  return error;
}

demo::DemoRequest to_demo_request(http::request<http::string_body>&& request) {
  demo::DemoRequest out;
  out.method = std::string(request.method_string());
  out.target = std::string(request.target());
  for (const auto& field : request) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers.emplace(std::move(name), std::string(field.value()));
  }
  out.body = std::move(request.body());
  out.protocol_version = request.version() == 10 ? "1.0" : "1.1";
  return out;
}

enum class AfterWrite { read_next, drain_and_close };

class Session final : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const DemoHandler& handler, FaultPlan& faults)
      : stream_(std::move(socket)), handler_(handler), faults_(faults),
        delay_timer_(stream_.get_executor()) {}

  void start() { read_request(); }

 private:
  void read_request() {
    parser_.emplace();
    parser_->body_limit(kMaxBodyBytes);
    stream_.expires_after(kIoTimeout);
    http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    if (ec == http::error::end_of_stream) return close();
    if (ec == http::error::body_limit) {
      DemoResponse response = demo::error_response(413, "body too large");
      response.body["limit"] = kMaxBodyBytes;
      return respond(std::move(response), 11, AfterWrite::drain_and_close);
    }
    if (ec == http::error::header_limit) {
      return respond(demo::error_response(431, "headers too large"), 11,
                     AfterWrite::drain_and_close);
    }
    if (ec && ec.category() == http::make_error_code(http::error::bad_target).category()) {
      return respond(demo::error_response(400, "malformed request"), 11,
                     AfterWrite::drain_and_close);
    }
    if (ec) return close();  // reset, timeout, or the service is stopping

    auto request = parser_->release();
    const FaultDecision fault = faults_.decide(request.target());
    if (fault.delay.count() > 0) {
      delayed_ = std::move(request);
      delay_timer_.expires_after(fault.delay);
      delay_timer_.async_wait(
          [self = shared_from_this(), status = fault.error_status](beast::error_code ec) {
            if (ec) return self->close();
            self->answer(std::move(*self->delayed_), status);
          });
      return;
    }
    answer(std::move(request), fault.error_status);
  }

  // injected_status != 0: answer with that injected error instead of calling the API.
  void answer(http::request<http::string_body>&& request, int injected_status) {
    const unsigned version = request.version();
    const AfterWrite after =
        request.keep_alive() ? AfterWrite::read_next : AfterWrite::drain_and_close;
    DemoResponse response;
    if (injected_status != 0) {
      response = demo::error_response(injected_status, "injected fault");
    } else {
      try {
        response = handler_(to_demo_request(std::move(request)));
      } catch (const std::exception&) {
        // A bug in a handler answers one request with 500 instead of taking the service down.
        response = demo::error_response(500, "internal error");
      }
    }
    respond(std::move(response), version, after);
  }

  void respond(DemoResponse response, unsigned version, AfterWrite after) {
    response_ =
        http::response<http::string_body>{static_cast<http::status>(response.status), version};
    response_.set(http::field::server, "glassbox-demo");
    response_.set(http::field::content_type, "application/json");
    for (const auto& [name, value] : response.headers) response_.set(name, value);
    response_.keep_alive(after == AfterWrite::read_next);
    response_.body() = response.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    response_.prepare_payload();
    stream_.expires_after(kIoTimeout);
    http::async_write(stream_, response_,
                      [self = shared_from_this(), after](beast::error_code ec, std::size_t) {
                        if (ec) return self->close();
                        if (after == AfterWrite::read_next) return self->read_request();
                        self->start_drain();
                      });
  }

  void start_drain() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    drain_buffer_.resize(16 * 1024);
    stream_.expires_after(kDrainTimeout);  // one deadline for the whole drain
    drain();
  }

  void drain() {
    stream_.async_read_some(net::buffer(drain_buffer_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              self->drained_ += n;
                              if (ec || self->drained_ > kMaxDrainBytes) return self->close();
                              self->drain();
                            });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  const DemoHandler& handler_;
  FaultPlan& faults_;
  net::steady_timer delay_timer_;
  std::optional<http::request<http::string_body>> delayed_;  // held while its delay runs
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> response_;
  std::vector<char> drain_buffer_;
  std::size_t drained_ = 0;
};

class DemoServer final : public DemoService {
 public:
  DemoServer() = default;
  ~DemoServer() override { stop(); }

  // Before run_in_background(): the API, and the exporter its spans go to (if any).
  void set_handler(DemoHandler handler) { handler_ = std::move(handler); }
  void set_exporter(std::unique_ptr<demo::OtlpExporter> exporter) {
    exporter_ = std::move(exporter);
  }
  void set_faults(DemoFaults faults) { faults_ = FaultPlan(std::move(faults)); }
  // The address clients reach the service at, and its port (after listen()).
  demo::ServerAddress address() const { return {reachable_host_, port_}; }

  Status listen(const DemoOptions& options) {
    beast::error_code ec;
    const auto address = net::ip::make_address(options.address, ec);
    if (ec) {
      return make_error(
          fmt::format("cannot listen on {}:{}: not an IP address", options.address, options.port));
    }
    const tcp::endpoint endpoint{address, options.port};
    auto& acceptor = core_->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    // Lets a restarted demo rebind while old connections sit in TIME_WAIT; on Linux it does
    // not allow binding a port another socket is listening on.
    if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
      return make_error(
          fmt::format("cannot listen on {}: {}", host_port(address, options.port), describe(ec)));
    }
    port_ = acceptor.local_endpoint(ec).port();
    // A wildcard address is not something a client can connect to; loopback is.
    const net::ip::address reachable = !address.is_unspecified() ? address
                                       : address.is_v6()
                                           ? net::ip::address(net::ip::address_v6::loopback())
                                           : net::ip::address(net::ip::address_v4::loopback());
    reachable_host_ = reachable.to_string();
    base_url_ = "http://" + host_port(reachable, port_);
    return ok_status();
  }

  void run_in_background() {
    accept();
    thread_ = std::thread([core = core_.get()] {
      // A handler that throws must not end the service: run again until run() returns.
      for (;;) {
        try {
          core->ioc.run();
          return;
        } catch (const std::exception&) {
        }
      }
    });
  }

  std::uint16_t port() const override { return port_; }
  std::string base_url() const override { return base_url_; }

  void stop() override {
    std::lock_guard lock(stop_mutex_);
    if (!core_) return;
    core_->ioc.stop();
    if (thread_.joinable()) thread_.join();
    core_.reset();  // closes the listening socket and every connection
    // Only now: no handler can add a span any more, so the final flush sends them all.
    if (exporter_) exporter_->stop();
  }

 private:
  // Declaration order is destruction order in reverse: the acceptor and timer go before
  // the io_context they belong to.
  struct Core {
    net::io_context ioc{1};
    tcp::acceptor acceptor{ioc};
    net::steady_timer retry_timer{ioc};
  };

  void accept() {
    core_->acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
      if (ec == net::error::operation_aborted) return;
      if (ec) {
        // Out of descriptors and the like: back off instead of spinning on the error.
        core_->retry_timer.expires_after(kAcceptRetryDelay);
        core_->retry_timer.async_wait([this](beast::error_code wait_ec) {
          if (!wait_ec) accept();
        });
        return;
      }
      std::make_shared<Session>(std::move(socket), handler_, faults_)->start();
      accept();
    });
  }

  // Declared first so it is destroyed last: the handler holds a reference to it.
  std::unique_ptr<demo::OtlpExporter> exporter_;
  DemoHandler handler_;  // outlives core_, so sessions may hold a reference to it
  FaultPlan faults_{DemoFaults{}};  // likewise; used on the service thread only
  std::unique_ptr<Core> core_ = std::make_unique<Core>();
  std::thread thread_;
  std::mutex stop_mutex_;
  std::uint16_t port_ = 0;
  std::string reachable_host_;
  std::string base_url_;
};

}  // namespace

Expected<std::unique_ptr<DemoService>> start_demo_service(const DemoOptions& options) {
  if (Status faults = validate_demo_faults(options.faults); !faults) return faults.error();
  std::unique_ptr<demo::OtlpExporter> exporter;
  if (!options.otlp_endpoint.empty()) {
    demo::ExporterOptions exporter_options;
    exporter_options.endpoint = options.otlp_endpoint;
    exporter_options.resource = {options.service_name, GLASSBOX_VERSION};
    auto started = demo::OtlpExporter::start(std::move(exporter_options));
    if (!started) return started.error();
    exporter = std::move(*started);
  }
  auto server = std::make_unique<DemoServer>();
  if (Status listening = server->listen(options); !listening) return listening.error();
  demo::DemoHandler api = demo::make_demo_api();
  if (exporter) {
    api = demo::with_tracing(std::move(api), *exporter, server->address());
    server->set_exporter(std::move(exporter));
  }
  server->set_handler(std::move(api));
  server->set_faults(options.faults);
  server->run_in_background();
  return std::unique_ptr<DemoService>(std::move(server));
}

}  // namespace glassbox::probes
