// Beast for the well-formed requests, POSIX sockets with poll() for the raw ones (their
// timeouts bound every test; none sleeps to synchronise).
#include "tests/receiver/test_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace glassbox::probes::test {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

struct TestConnection::State {
  net::io_context ioc;
  beast::tcp_stream stream{ioc};
  beast::flat_buffer buffer;
  std::string connect_error;
};

TestConnection::TestConnection(std::uint16_t port) : state_(std::make_unique<State>()) {
  beast::error_code ec;
  state_->stream.expires_after(std::chrono::seconds(10));
  state_->stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), ec);
  if (ec) state_->connect_error = ec.message();
}

TestConnection::~TestConnection() = default;

TestReply TestConnection::send(const TestRequest& request) {
  TestReply reply;
  if (!state_->connect_error.empty()) {
    reply.error = state_->connect_error;
    return reply;
  }
  http::request<http::string_body> wire{http::string_to_verb(request.method), request.target, 11};
  if (wire.method() == http::verb::unknown) wire.method_string(request.method);
  wire.set(http::field::host, "127.0.0.1");
  if (!request.content_type.empty()) wire.set(http::field::content_type, request.content_type);
  if (!request.content_encoding.empty()) wire.set(http::field::content_encoding, request.content_encoding);
  wire.keep_alive(true);
  wire.body() = request.body;
  wire.prepare_payload();
  try {
    state_->stream.expires_after(std::chrono::seconds(10));
    http::write(state_->stream, wire);
    http::response_parser<http::string_body> parser;
    parser.body_limit(boost::none);
    http::read(state_->stream, state_->buffer, parser);
    const auto& response = parser.get();
    reply.status = static_cast<int>(response.result_int());
    for (const auto& field : response)
      reply.headers[lowercase(std::string(field.name_string()))] = std::string(field.value());
    reply.body = response.body();
  } catch (const boost::system::system_error& e) {
    reply.error = e.code().message();
  }
  return reply;
}

TestReply send_request(std::uint16_t port, const TestRequest& request) {
  TestConnection connection(port);
  return connection.send(request);
}

RawConnection::RawConnection(std::uint16_t port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

RawConnection::~RawConnection() {
  if (fd_ >= 0) ::close(fd_);
}

bool RawConnection::connected() const { return fd_ >= 0; }

void RawConnection::write(const std::string& bytes) {
  std::size_t sent = 0;
  while (fd_ >= 0 && sent < bytes.size()) {
    const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

namespace {

// Reads what arrives until `done(text)` or the peer closes or the deadline passes.
template <typename Done>
std::string read_until(int fd, int timeout_ms, Done done) {
  std::string text;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (fd >= 0 && !done(text)) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd entry{fd, POLLIN, 0};
    if (::poll(&entry, 1, static_cast<int>(left.count())) <= 0) break;
    char chunk[4096];
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) break;
    text.append(chunk, static_cast<std::size_t>(n));
  }
  return text;
}

}  // namespace

std::string RawConnection::read_until_close(int timeout_ms) {
  return read_until(fd_, timeout_ms, [](const std::string&) { return false; });
}

std::string RawConnection::read_response(int timeout_ms) {
  return read_until(fd_, timeout_ms, [](const std::string& text) {
    const auto end = text.find("\r\n\r\n");
    if (end == std::string::npos) return false;
    const auto length_at = lowercase(text.substr(0, end)).find("content-length:");
    if (length_at == std::string::npos) return true;
    const std::size_t length = std::stoul(text.substr(length_at + 15, end - length_at - 15));
    return text.size() >= end + 4 + length;
  });
}

bool can_connect(std::uint16_t port) { return RawConnection(port).connected(); }

}  // namespace glassbox::probes::test
