// One keep-alive HTTP/1.1 connection of the probe: resolve (through its pool), TCP
// connect, TLS handshake, then request/response exchanges until an error or a
// non-reusable response. This is the client's hot path, so a warm connection reuses its
// write buffer, read buffer and parser storage from one request to the next.
//
// Threading: runs on the thread that drives the client's io_context.
#include <sys/socket.h>

#include <cerrno>
#include <optional>

#include <boost/asio/connect.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <fmt/core.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include "probes/http/error_text.hpp"
#include "probes/http/pool.hpp"
#include "probes/http/request_writer.hpp"
#include "probes/http/response_parser.hpp"

namespace glassbox::probes::detail {
namespace {

namespace http = boost::beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using boost::system::error_code;

// Large enough for any sane header block (cookies, long CSP headers), small enough that a
// server streaming garbage headers is cut off early.
constexpr std::uint32_t kHeaderLimit = 64 * 1024;

// How long a connection must have been idle before reuse checks that the server has not
// closed it.
constexpr auto kPeekAfterIdle = std::chrono::milliseconds(100);

// Asio's host name check, plus a verify error that names the problem: without it OpenSSL
// reports an unspecified failure when only the name does not match.
class HostNameCheck {
 public:
  explicit HostNameCheck(std::string host) : check_(std::move(host)) {}
  bool operator()(bool preverified, ssl::verify_context& context) {
    const bool ok = check_(preverified, context);
    if (preverified && !ok) X509_STORE_CTX_set_error(context.native_handle(), X509_V_ERR_HOSTNAME_MISMATCH);
    return ok;
  }

 private:
  ssl::host_name_verification check_;
};

bool is_peer_gone(const error_code& error) {
  return error == asio::error::eof || error == asio::error::connection_reset ||
         error == asio::error::broken_pipe || error == ssl::error::stream_truncated;
}

// The OpenSSL reason ("certificate verify failed"), without asio's generic fallback text.
std::string tls_reason(const error_code& error) {
  if (error.category() == asio::error::get_ssl_category()) {
    if (const char* reason = ERR_reason_error_string(static_cast<unsigned long>(error.value()))) return reason;
  }
  return describe(error);
}

class BeastConnection final : public Connection, public std::enable_shared_from_this<BeastConnection> {
 public:
  explicit BeastConnection(HostPool& pool)
      : pool_(pool), socket_(*pool.settings().io), deadline_(*pool.settings().io) {}

  void start(Exchange& exchange) override;
  bool still_open() override;
  void close() override;
  void disarm() override;

 private:
  enum class State { New, Connecting, Ready, Closed };

  template <typename Operation>
  void with_stream(Operation&& operation) {
    if (tls_) {
      operation(*tls_);
    } else {
      operation(socket_);
    }
  }

  void on_endpoints(const std::string* error);
  void on_connected(const error_code& error);
  void on_handshake(const error_code& error);
  void send_request();
  void on_written(const error_code& error);
  void read_response();
  void on_header(const error_code& error);
  void on_read(const error_code& error);
  void on_read_error(const error_code& error);
  void arm_deadline(Clock::time_point when);
  void on_deadline(const error_code& error);
  void lost_before_response(const error_code& error);
  void complete();
  void fail(ErrorKind kind, std::string message);
  void shut();

  const std::string& host_port() const { return pool_.origin().host_port; }

  HostPool& pool_;
  State state_ = State::New;
  tcp::socket socket_;
  std::optional<ssl::stream<tcp::socket&>> tls_;
  asio::steady_timer deadline_;
  Exchange* exchange_ = nullptr;
  int responses_ = 0;   // completed on this connection; >0 means "reused" for stale detection
  Clock::time_point idle_since_;
  std::string write_buffer_;
  boost::beast::flat_buffer read_buffer_;
  std::optional<ResponseParser> parser_;
  bool deadline_armed_ = false;   // a wait on deadline_ is pending
};

void BeastConnection::start(Exchange& exchange) {
  exchange_ = &exchange;
  // The timer is re-armed only when it would fire too late for this exchange. Under load
  // every exchange's deadline lies after the pending one's, so the timer fires about once
  // per timeout and moves on, instead of being cancelled and armed for every request.
  if (!deadline_armed_ || deadline_.expiry() > exchange.deadline) arm_deadline(exchange.deadline);
  if (state_ == State::Ready) {
    send_request();
    return;
  }
  state_ = State::Connecting;
  if (pool_.endpoints() != nullptr) {
    on_endpoints(nullptr);
  } else {
    pool_.await_endpoints([self = shared_from_this()](const std::string* error) { self->on_endpoints(error); });
  }
}

bool BeastConnection::still_open() {
  if (state_ != State::Ready) return false;
  // Under load a connection is reused microseconds after its last response, when a
  // server close is unlikely and the peek below would be a third of the syscalls per
  // request; a close that slips through is caught as the keep-alive race anyway.
  if (Clock::now() - idle_since_ < kPeekAfterIdle) return true;
  // An idle HTTP/1.1 connection has nothing to read; anything there is the server's FIN
  // (or junk), so the connection is not reused. One non-blocking peek, no allocation.
  char byte = 0;
  const auto peeked = ::recv(socket_.native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  return peeked < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

void BeastConnection::close() {
  exchange_ = nullptr;
  shut();
}

void BeastConnection::arm_deadline(Clock::time_point when) {
  // Re-arming aborts a pending wait; its handler sees the error and leaves the flag alone.
  deadline_.expires_at(when);
  deadline_.async_wait([self = shared_from_this()](const error_code& error) { self->on_deadline(error); });
  deadline_armed_ = true;
}

void BeastConnection::disarm() {
  if (!deadline_armed_) return;
  deadline_armed_ = false;
  deadline_.cancel();
}

void BeastConnection::shut() {
  state_ = State::Closed;
  deadline_armed_ = false;
  deadline_.cancel();
  error_code ignored;
  // No TLS close_notify: waiting for the peer's would cost a round trip for nothing.
  socket_.close(ignored);
}

void BeastConnection::on_endpoints(const std::string* error) {
  if (state_ == State::Closed) return;
  if (error != nullptr) {
    fail(ErrorKind::Resolve, *error);
    return;
  }
  asio::async_connect(socket_, *pool_.endpoints(),
                      [self = shared_from_this()](const error_code& error, const tcp::endpoint&) {
                        self->on_connected(error);
                      });
}

void BeastConnection::on_connected(const error_code& error) {
  if (state_ == State::Closed) return;
  if (error) {
    fail(ErrorKind::Connect, fmt::format("connect to {}: {}", host_port(), describe(error)));
    return;
  }
  error_code ignored;
  socket_.set_option(tcp::no_delay(true), ignored);
  if (pool_.origin().scheme == Scheme::Http) {
    state_ = State::Ready;
    send_request();
    return;
  }
  tls_.emplace(socket_, *pool_.settings().tls);
  const std::string& host = pool_.origin().host;
  // SNI carries names only (RFC 6066); an address literal is checked against IP SANs.
  if (!is_ip_literal(host)) SSL_set_tlsext_host_name(tls_->native_handle(), host.c_str());
  if (pool_.settings().verify_tls) tls_->set_verify_callback(HostNameCheck(host));
  tls_->async_handshake(ssl::stream_base::client,
                        [self = shared_from_this()](const error_code& error) { self->on_handshake(error); });
}

void BeastConnection::on_handshake(const error_code& error) {
  if (state_ == State::Closed) return;
  if (error) {
    std::string reason = tls_reason(error);
    const long verify = SSL_get_verify_result(tls_->native_handle());
    if (verify != X509_V_OK) reason += fmt::format(" ({})", X509_verify_cert_error_string(verify));
    fail(ErrorKind::Tls, fmt::format("TLS handshake with {} failed: {}", host_port(), reason));
    return;
  }
  state_ = State::Ready;
  send_request();
}

void BeastConnection::send_request() {
  const Exchange& exchange = *exchange_;
  write_request(write_buffer_, exchange.request, exchange.url.target, exchange.url.authority,
                pool_.settings().user_agent, exchange.span_id);
  with_stream([this](auto& stream) {
    asio::async_write(stream, asio::buffer(write_buffer_),
                      [self = shared_from_this()](const error_code& error, std::size_t) { self->on_written(error); });
  });
}

void BeastConnection::on_written(const error_code& error) {
  if (state_ == State::Closed) return;
  if (error) {
    if (is_peer_gone(error)) {
      lost_before_response(error);
    } else {
      fail(ErrorKind::Reset, fmt::format("{}: sending the request failed: {}", host_port(), describe(error)));
    }
    return;
  }
  read_response();
}

void BeastConnection::read_response() {
  parser_.emplace(exchange_->response, exchange_->request.keep);
  parser_->header_limit(kHeaderLimit);
  parser_->body_limit(pool_.settings().max_response_bytes);
  if (exchange_->request.method == "HEAD") parser_->skip(true);   // no body follows, whatever the headers say
  // The header on its own first. Beast 1.74's eager parse (async_read) of a response whose
  // Content-Length is over the body limit loses the body_limit error when body bytes come
  // in the same read as the header, and then stores the whole body; a header-only read
  // reports the limit before any body byte is kept.
  with_stream([this](auto& stream) {
    http::async_read_header(stream, read_buffer_, *parser_,
                            [self = shared_from_this()](const error_code& error, std::size_t) { self->on_header(error); });
  });
}

void BeastConnection::on_header(const error_code& error) {
  if (state_ == State::Closed) return;
  if (error) {
    on_read_error(error);
    return;
  }
  // A small response usually arrives whole with its header: parse the body bytes already
  // buffered here, which spares a round through the io_context per response. (The body
  // limit was checked against Content-Length with the header; put() checks chunks.)
  if (!parser_->is_done() && read_buffer_.size() > 0) {
    parser_->eager(true);
    error_code parse_error;
    read_buffer_.consume(parser_->put(read_buffer_.data(), parse_error));
    if (parse_error && parse_error != http::error::need_more) {
      on_read_error(parse_error);
      return;
    }
  }
  if (parser_->is_done()) {
    on_read(error_code{});
    return;
  }
  with_stream([this](auto& stream) {
    http::async_read(stream, read_buffer_, *parser_,
                     [self = shared_from_this()](const error_code& error, std::size_t) { self->on_read(error); });
  });
}

void BeastConnection::on_read(const error_code& error) {
  if (state_ == State::Closed) return;
  if (error) {
    on_read_error(error);
    return;
  }
  const int status = parser_->status();
  if (status >= 100 && status < 200 && status != 101) {
    // An interim response (103 Early Hints...); the real one follows, with its own headers.
    exchange_->response.headers.clear();
    read_response();
    return;
  }
  complete();
}

void BeastConnection::complete() {
  Exchange& exchange = *exchange_;
  HttpResponse& response = exchange.response;   // the parser wrote headers and body into it
  response.status = parser_->status();
  // A body delimited by end-of-stream leaves nothing to reuse, whatever the headers say;
  // after 101 the connection speaks another protocol.
  const bool reusable = parser_->keep_alive() && !parser_->need_eof() && response.status != 101;

  ++responses_;
  exchange_ = nullptr;
  // The deadline timer stays armed (see start()); the client disarms idle connections
  // when nothing is in flight, so that run() can return.
  if (reusable) {
    idle_since_ = Clock::now();
    pool_.connection_idle(*this);
  } else {
    shut();
    pool_.connection_closed(*this);
  }
  pool_.attempt_finished(exchange);
}

void BeastConnection::on_read_error(const error_code& error) {
  const bool got_some = parser_->got_some();
  if (error == http::error::end_of_stream || (is_peer_gone(error) && !got_some)) {
    lost_before_response(error);
  } else if (error == http::error::partial_message || is_peer_gone(error)) {
    fail(ErrorKind::Reset, fmt::format("{}: connection closed mid-response", host_port()));
  } else if (error == http::error::body_limit) {
    fail(ErrorKind::TooLarge, fmt::format("{}: response body exceeds the {}-byte cap", host_port(),
                                          pool_.settings().max_response_bytes));
  } else if (error == http::error::header_limit) {
    fail(ErrorKind::TooLarge, fmt::format("{}: response header exceeds the {}-byte cap", host_port(), kHeaderLimit));
  } else if (error.category() == http::make_error_code(http::error::bad_status).category()) {
    fail(ErrorKind::Protocol, fmt::format("{}: malformed response: {}", host_port(), error.message()));
  } else if (tls_ && (error.category() == asio::error::get_ssl_category() ||
                      error.category() == ssl::error::get_stream_category())) {
    fail(ErrorKind::Tls, fmt::format("{}: TLS error: {}", host_port(), tls_reason(error)));
  } else {
    fail(ErrorKind::Reset, fmt::format("{}: reading the response failed: {}", host_port(), describe(error)));
  }
}

// The peer closed before sending a byte of the response. On a reused connection that is
// the keep-alive race (the server timed the idle connection out as the request went
// out): not a failure, so the same attempt goes once to a fresh connection.
void BeastConnection::lost_before_response(const error_code& error) {
  Exchange& exchange = *exchange_;
  if (responses_ > 0 && !exchange.fresh_connection_retry_used) {
    exchange.fresh_connection_retry_used = true;
    exchange_ = nullptr;
    shut();
    pool_.retry_on_fresh_connection(*this, exchange);
    return;
  }
  const bool reset = error == asio::error::connection_reset || error == asio::error::broken_pipe;
  fail(ErrorKind::Reset, fmt::format("{}: connection {} before a response", host_port(), reset ? "reset" : "closed"));
}

void BeastConnection::on_deadline(const error_code& error) {
  if (error) return;   // aborted by a re-arm, disarm() or shut(): the flag is theirs
  deadline_armed_ = false;
  if (state_ == State::Closed || exchange_ == nullptr) return;
  // The timer may have been armed for an earlier exchange: this one's deadline decides.
  if (exchange_->deadline > Clock::now()) {
    arm_deadline(exchange_->deadline);
    return;
  }
  // A response that started but did not finish (a dripping body) says so: "no response"
  // would send the reader looking for a dead server. The parser of an earlier exchange on
  // this connection is done, so it does not count.
  const bool started = parser_ && parser_->got_some() && !parser_->is_done();
  fail(ErrorKind::Timeout, fmt::format("{}: {} within {} ms", host_port(),
                                       started ? "response not complete" : "no response",
                                       exchange_->request.timeout.count()));
}

void BeastConnection::fail(ErrorKind kind, std::string message) {
  if (state_ == State::Closed) return;
  Exchange* exchange = exchange_;
  exchange_ = nullptr;
  shut();
  pool_.connection_closed(*this);
  if (exchange == nullptr) return;
  exchange->response.error = kind;
  exchange->response.error_message = std::move(message);
  pool_.attempt_finished(*exchange);
}

}  // namespace

std::shared_ptr<Connection> make_connection(HostPool& pool) { return std::make_shared<BeastConnection>(pool); }

}  // namespace glassbox::probes::detail
