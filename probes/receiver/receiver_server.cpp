// The span receiver's HTTP/1.1 transport: Beast sessions on one io_context and one thread.
// The only file of the receiver that sees Boost; each request is handed to the plain
// ExportHandler (export_handler.hpp), which decides the answer.
//
// Reading is in two steps so a body over the limit is never read: the headers first (413 at
// once when Content-Length is too large), then the body, with "100 Continue" sent first when
// the client waits for it (curl does for bodies over 1 KiB). Every read has a deadline, so a
// client that stalls holds only its own connection, and only for kReadTimeout.
//
// Shutdown: stop() stops the io_context, joins the thread and then destroys the io_context,
// which destroys the pending handlers and with them every session and socket. Nothing runs
// concurrently with that teardown, so no session needs a lock.
#include <cctype>
#include <chrono>
#include <limits>
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

#include "probes/receiver/export_handler.hpp"
#include "probes/receiver/span_receiver.hpp"

namespace glassbox::probes {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using receiver::ExportHandler;
using receiver::HttpAnswer;
using receiver::IncomingRequest;

// Per read (the headers, then the body) and for idle keep-alive connections.
constexpr auto kReadTimeout = std::chrono::seconds(10);
constexpr auto kWriteTimeout = std::chrono::seconds(10);
// After refusing a request whose body was not read, read and discard what the client is
// still sending for a little while: closing with unread data would reset the connection, and
// the client could lose the 413 before reading it.
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

HttpAnswer plain_answer(int status, std::string message) {
  return {status, "text/plain; charset=utf-8", std::move(message) + "\n", {}};
}

enum class AfterWrite { read_next, drain_and_close };

class Session final : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, ExportHandler& handler, std::size_t max_body_bytes)
      : stream_(std::move(socket)), handler_(handler), max_body_bytes_(max_body_bytes) {}

  void start() { read_header(); }

 private:
  void read_header() {
    parser_.emplace();
    // Checked against Content-Length by hand, then set for the body. Not boost::none: Beast
    // 1.74 compares Content-Length with the optional itself, and none is below every length.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    stream_.expires_after(kReadTimeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              self->on_header(ec);
                            });
  }

  void on_header(beast::error_code ec) {
    if (ec == http::error::end_of_stream) return close();
    if (ec == http::error::header_limit)
      return respond(plain_answer(431, "request headers are too large"), AfterWrite::drain_and_close);
    if (ec && ec.category() == http::make_error_code(http::error::bad_target).category())
      return respond(plain_answer(400, "malformed HTTP request: " + ec.message()), AfterWrite::drain_and_close);
    if (ec) return close();  // reset, timeout, or the receiver is stopping

    const auto& header = parser_->get();
    version_ = header.version();
    request_ = IncomingRequest{};
    request_.method = std::string(header.method_string());
    request_.target = std::string(header.target());
    request_.content_type = std::string(header[http::field::content_type]);
    request_.content_encoding = std::string(header[http::field::content_encoding]);
    if (auto length = parser_->content_length()) request_.content_length = *length;
    if (auto refused = handler_.screen_headers(request_))
      return respond(std::move(*refused), AfterWrite::drain_and_close);

    parser_->body_limit(max_body_bytes_);
    if (beast::iequals(header[http::field::expect], "100-continue")) return send_continue();
    read_body();
  }

  void send_continue() {
    continue_ = http::response<http::empty_body>{http::status::continue_, parser_->get().version()};
    stream_.expires_after(kWriteTimeout);
    http::async_write(stream_, continue_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      self->read_body();
    });
  }

  void read_body() {
    stream_.expires_after(kReadTimeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
  }

  void on_body(beast::error_code ec) {
    if (ec == http::error::body_limit)
      return respond(handler_.refuse_oversized_body(request_), AfterWrite::drain_and_close);
    if (ec && ec.category() == http::make_error_code(http::error::bad_target).category())
      return respond(plain_answer(400, "malformed HTTP request: " + ec.message()), AfterWrite::drain_and_close);
    if (ec) return close();

    auto request = parser_->release();
    const AfterWrite after = request.keep_alive() ? AfterWrite::read_next : AfterWrite::drain_and_close;
    request_.body = std::move(request.body());
    HttpAnswer answer;
    try {
      answer = handler_.handle(std::move(request_));
    } catch (const std::exception&) {
      // A bug in a decoder or sink answers one request with 500 instead of ending the receiver.
      answer = plain_answer(500, "internal error");
    }
    respond(std::move(answer), after);
  }

  void respond(HttpAnswer answer, AfterWrite after) {
    response_ = http::response<http::string_body>{static_cast<http::status>(answer.status), version_};
    response_.set(http::field::server, "glassbox-receiver");
    if (!answer.content_type.empty()) response_.set(http::field::content_type, answer.content_type);
    for (const auto& [name, value] : answer.headers) response_.set(name, value);
    response_.keep_alive(after == AfterWrite::read_next);
    response_.body() = std::move(answer.body);
    response_.prepare_payload();
    stream_.expires_after(kWriteTimeout);
    http::async_write(stream_, response_, [self = shared_from_this(), after](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      if (after == AfterWrite::read_next) return self->read_header();
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
    stream_.async_read_some(net::buffer(drain_buffer_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
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
  ExportHandler& handler_;
  const std::size_t max_body_bytes_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  IncomingRequest request_;
  unsigned version_ = 11;
  http::response<http::empty_body> continue_;
  http::response<http::string_body> response_;
  std::vector<char> drain_buffer_;
  std::size_t drained_ = 0;
};

class ReceiverServer final : public SpanReceiver {
 public:
  ReceiverServer(const ReceiverOptions& options, SpanSink& sink)
      : handler_(sink, {options.max_body_bytes, options.max_decompressed_bytes}, options.retry_after_seconds),
        max_body_bytes_(options.max_body_bytes) {}
  ~ReceiverServer() override { stop(); }

  Status listen(const ReceiverOptions& options) {
    beast::error_code ec;
    const auto address = net::ip::make_address(options.address, ec);
    if (ec) return Error(fmt::format("cannot listen on {}:{}: not an IP address", options.address, options.port));
    const tcp::endpoint endpoint{address, options.port};
    auto& acceptor = core_->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    // Lets a restarted receiver rebind while old connections sit in TIME_WAIT; on Linux it
    // does not allow binding a port another socket is listening on.
    if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) return Error(fmt::format("cannot listen on {}: {}", host_port(address, options.port), describe(ec)));
    port_ = acceptor.local_endpoint(ec).port();
    // A wildcard address is not something an exporter can send to; loopback is.
    const net::ip::address reachable = !address.is_unspecified() ? address
                                       : address.is_v6() ? net::ip::address(net::ip::address_v6::loopback())
                                                         : net::ip::address(net::ip::address_v4::loopback());
    endpoint_ = "http://" + host_port(reachable, port_);
    return ok_status();
  }

  void run_in_background() {
    accept();
    thread_ = std::thread([core = core_.get()] {
      // Whatever escapes a handler must not end the receiver: run again until run() returns.
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
  std::string endpoint() const override { return endpoint_; }
  ReceiverStats stats() const override { return handler_.stats(); }

  void stop() override {
    std::lock_guard lock(stop_mutex_);
    if (!core_) return;
    core_->ioc.stop();
    if (thread_.joinable()) thread_.join();
    core_.reset();  // closes the listening socket and every connection
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
      std::make_shared<Session>(std::move(socket), handler_, max_body_bytes_)->start();
      accept();
    });
  }

  ExportHandler handler_;  // outlives core_, so sessions may hold a reference to it
  const std::size_t max_body_bytes_;
  std::unique_ptr<Core> core_ = std::make_unique<Core>();
  std::thread thread_;
  std::mutex stop_mutex_;
  std::uint16_t port_ = 0;
  std::string endpoint_;
};

}  // namespace

Expected<std::unique_ptr<SpanReceiver>> start_span_receiver(const ReceiverOptions& options, SpanSink& sink) {
  auto server = std::make_unique<ReceiverServer>(options, sink);
  if (Status listening = server->listen(options); !listening) return listening.error();
  server->run_in_background();
  return std::unique_ptr<SpanReceiver>(std::move(server));
}

}  // namespace glassbox::probes
