// The loopback test server: Beast parses requests, the test's handler writes raw bytes.
// Coroutines keep each session readable top to bottom.
#include "tests/probes/test_server.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <mutex>
#include <thread>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <fmt/core.h>

namespace glassbox::probes::testing {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string ReceivedRequest::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (same_name(key, name)) return value;
  }
  return "";
}

std::string http_response(int status, std::string_view body, const Headers& extra) {
  std::string out = fmt::format("HTTP/1.1 {} Test\r\nContent-Length: {}\r\n", status, body.size());
  for (const auto& [name, value] : extra) out += fmt::format("{}: {}\r\n", name, value);
  out += "\r\n";
  out += body;
  return out;
}

struct TestServer::Impl {
  Handler handler;
  asio::io_context io{1};
  tcp::acceptor acceptor{io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
  std::optional<asio::ssl::context> tls;
  std::uint16_t port = acceptor.local_endpoint().port();
  std::thread thread;

  mutable std::mutex mutex;
  std::vector<ReceivedRequest> received;
  std::atomic<int> accepted{0};
  std::atomic<int> answering{0};
  std::atomic<int> peak_answering{0};

  asio::awaitable<void> accept_loop();
  asio::awaitable<void> session(tcp::socket socket, int connection);
  template <typename Stream>
  asio::awaitable<void> serve(Stream& stream, int connection);
};

asio::awaitable<void> TestServer::Impl::accept_loop() {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    const int connection = ++accepted;
    asio::co_spawn(io, session(std::move(socket), connection), asio::detached);
  }
}

asio::awaitable<void> TestServer::Impl::session(tcp::socket socket, int connection) {
  try {
    if (tls) {
      asio::ssl::stream<tcp::socket> stream(std::move(socket), *tls);
      co_await stream.async_handshake(asio::ssl::stream_base::server, asio::use_awaitable);
      co_await serve(stream, connection);
    } else {
      co_await serve(socket, connection);
    }
  } catch (const boost::system::system_error&) {
    // The client went away or rejected the handshake: the session just ends.
  }
}

template <typename Stream>
asio::awaitable<void> TestServer::Impl::serve(Stream& stream, int connection) {
  boost::beast::flat_buffer buffer;
  for (int on_connection = 1;; ++on_connection) {
    http::request_parser<http::string_body> parser;
    co_await http::async_read(stream, buffer, parser, asio::use_awaitable);
    const auto& message = parser.get();
    ReceivedRequest request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    for (const auto& field : message) request.headers.emplace_back(field.name_string(), field.value());
    request.body = message.body();
    request.connection = connection;
    request.on_connection = on_connection;
    {
      std::lock_guard lock(mutex);
      received.push_back(request);
    }

    const int now_answering = ++answering;
    int peak = peak_answering.load();
    while (now_answering > peak && !peak_answering.compare_exchange_weak(peak, now_answering)) {
    }
    const Reply reply = handler(request);
    if (reply.delay.count() > 0) {
      asio::steady_timer timer(io, reply.delay);
      co_await timer.async_wait(asio::use_awaitable);
    }
    --answering;
    if (!reply.bytes.empty()) co_await asio::async_write(stream, asio::buffer(reply.bytes), asio::use_awaitable);
    if (reply.after == Reply::After::Close) {
      boost::system::error_code ignored;
      auto& socket = stream.lowest_layer();
      socket.shutdown(tcp::socket::shutdown_send, ignored);
      socket.close(ignored);
      co_return;
    }
  }
}

TestServer::TestServer(Handler handler, std::optional<TlsFiles> tls) : impl_(std::make_unique<Impl>()) {
  impl_->handler = std::move(handler);
  if (tls) {
    impl_->tls.emplace(asio::ssl::context::tls_server);
    impl_->tls->use_certificate_chain_file(tls->certificate_pem);
    impl_->tls->use_private_key_file(tls->private_key_pem, asio::ssl::context::pem);
  }
  asio::co_spawn(impl_->io, impl_->accept_loop(), asio::detached);
  impl_->thread = std::thread([impl = impl_.get()] { impl->io.run(); });
}

TestServer::~TestServer() {
  impl_->io.stop();
  impl_->thread.join();
}

std::uint16_t TestServer::port() const { return impl_->port; }

std::string TestServer::url(std::string_view path) const {
  return fmt::format("{}://127.0.0.1:{}{}", impl_->tls ? "https" : "http", port(), path);
}

std::string TestServer::host_port() const { return fmt::format("127.0.0.1:{}", port()); }

int TestServer::connections() const { return impl_->accepted.load(); }

int TestServer::max_concurrent_requests() const { return impl_->peak_answering.load(); }

std::vector<ReceivedRequest> TestServer::requests() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->received;
}

std::uint16_t closed_port() {
  asio::io_context io;
  tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  return acceptor.local_endpoint().port();   // released when the acceptor closes
}

}  // namespace glassbox::probes::testing
