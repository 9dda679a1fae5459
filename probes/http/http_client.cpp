// The HTTP(S) probe client: per-origin pools, retries with backoff, cancellation.
// Connections themselves (resolve/connect/TLS/write/read) are in connection.cpp.
//
// Threading: one io_context driven by run() on the caller's thread. cancel() is the only
// entry point used from other threads; it sets an atomic flag and posts the real work.
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <unordered_map>
#include <utility>

#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <fmt/core.h>
#include <openssl/err.h>

#include "probes/http/error_text.hpp"
#include "probes/http/pool.hpp"
#include "probes/http/request_writer.hpp"
#include "probes/http/trace_context.hpp"

namespace glassbox::probes {
namespace detail {

using tcp = asio::ip::tcp;

// --- HostPool ---------------------------------------------------------------------------

HostPool::HostPool(Origin origin, const PoolSettings& settings, AttemptListener& listener)
    : origin_(std::move(origin)), settings_(settings), listener_(listener), resolver_(*settings.io) {
  // An address literal needs no resolver round trip (which would cost a thread hop).
  boost::system::error_code error;
  const auto address = asio::ip::make_address(origin_.host, error);
  if (!error) endpoints_.emplace_back(address, origin_.port);
}

void HostPool::dispatch(Exchange& exchange) {
  while (!idle_.empty()) {
    Connection* connection = idle_.back();
    idle_.pop_back();
    if (connection->still_open()) {
      begin_attempt(*connection, exchange);
      return;
    }
    connection->close();
    forget(*connection);
  }
  if (connections_.size() < std::max<std::size_t>(settings_.max_connections, 1)) {
    begin_attempt(open_connection(), exchange);
    return;
  }
  waiting_.push_back(&exchange);
}

void HostPool::begin_attempt(Connection& connection, Exchange& exchange) {
  // The attempt's clock starts when a connection takes it, not while it waits its turn.
  exchange.attempt_start = Clock::now();
  exchange.deadline = exchange.attempt_start + exchange.request.timeout;
  connection.start(exchange);
}

Connection& HostPool::open_connection() {
  connections_.push_back(make_connection(*this));
  return *connections_.back();
}

void HostPool::forget(Connection& connection) {
  const auto idle = std::find(idle_.begin(), idle_.end(), &connection);
  if (idle != idle_.end()) idle_.erase(idle);
  const auto owned = std::find_if(connections_.begin(), connections_.end(),
                                  [&](const auto& held) { return held.get() == &connection; });
  if (owned != connections_.end()) {
    std::swap(*owned, connections_.back());
    connections_.pop_back();
  }
}

void HostPool::connection_idle(Connection& connection) {
  if (!waiting_.empty()) {
    Exchange* next = waiting_.front();
    waiting_.pop_front();
    begin_attempt(connection, *next);
    return;
  }
  idle_.push_back(&connection);
}

void HostPool::connection_closed(Connection& connection) {
  forget(connection);
  if (!waiting_.empty() && connections_.size() < std::max<std::size_t>(settings_.max_connections, 1)) {
    Exchange* next = waiting_.front();
    waiting_.pop_front();
    begin_attempt(open_connection(), *next);
  }
}

void HostPool::retry_on_fresh_connection(Connection& stale, Exchange& exchange) {
  forget(stale);
  // Not begin_attempt: the attempt, its span id and its deadline carry on.
  open_connection().start(exchange);
}

void HostPool::disarm_idle() {
  for (Connection* connection : idle_) connection->disarm();
}

void HostPool::close_all() {
  waiting_.clear();
  idle_.clear();
  for (const auto& connection : connections_) connection->close();
  connections_.clear();
  awaiting_endpoints_.clear();
  resolver_.cancel();
}

void HostPool::await_endpoints(std::function<void(const std::string* error)> then) {
  awaiting_endpoints_.push_back(std::move(then));
  if (resolving_) return;
  resolving_ = true;
  resolver_.async_resolve(
      origin_.host, std::to_string(origin_.port),
      [this](const boost::system::error_code& error, const tcp::resolver::results_type& results) {
        on_resolved(error, results);
      });
}

void HostPool::on_resolved(const boost::system::error_code& error,
                           const tcp::resolver::results_type& results) {
  resolving_ = false;
  std::string reason;
  if (error == asio::error::operation_aborted) return;   // close_all() already forgot the waiters
  if (error) {
    reason = fmt::format("resolve {}: {}", origin_.host_port, describe(error));
  } else if (results.empty()) {
    reason = fmt::format("resolve {}: no addresses", origin_.host_port);
  } else {
    // Cached for the client's lifetime: a probe run is short, and re-resolving per
    // connection would put DNS latency into the measurements.
    for (const auto& entry : results) endpoints_.push_back(entry.endpoint());
  }
  auto waiters = std::move(awaiting_endpoints_);
  awaiting_endpoints_.clear();
  for (auto& then : waiters) then(reason.empty() ? nullptr : &reason);
}

// --- Client -----------------------------------------------------------------------------

namespace {

bool is_valid_trace_id(std::string_view id) {
  return id.size() == 32 &&
         std::all_of(id.begin(), id.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }) &&
         id.find_first_not_of('0') != std::string_view::npos;
}

bool is_system_error(const Exchange& exchange) {
  const auto& response = exchange.response;
  switch (response.error) {
    case ErrorKind::Connect:
    case ErrorKind::Timeout:
    case ErrorKind::Reset:
      return true;
    case ErrorKind::None: {
      const auto& listed = exchange.request.retry.on_status;
      return std::find(listed.begin(), listed.end(), response.status) != listed.end();
    }
    default:
      // A name that does not resolve, a bad certificate or a malformed answer will not
      // get better by asking again.
      return false;
  }
}

// Adds the CA bundle to the trust store; returns why it could not, or "".
std::string load_ca_file(asio::ssl::context& tls, const std::string& path) {
  // OpenSSL 3 reports an unreadable file as a bare system error asio cannot name, so the
  // file is opened here first for a readable reason.
  if (std::FILE* file = std::fopen(path.c_str(), "r")) {
    std::fclose(file);
  } else {
    return fmt::format("cannot load the CA file '{}': {}", path,
                       describe(boost::system::error_code(errno, boost::system::system_category())));
  }
  boost::system::error_code error;
  tls.load_verify_file(path, error);
  if (!error) return "";
  const char* reason = ERR_reason_error_string(static_cast<unsigned long>(error.value()));
  return fmt::format("cannot load the CA file '{}': {}", path,
                     reason != nullptr ? std::string(reason) : "it holds no PEM certificates");
}

}  // namespace

class Client final : public HttpClient, private AttemptListener {
 public:
  explicit Client(const ClientOptions& options);
  void send(const HttpRequest& request, std::function<void(HttpResponse)> done) override;
  void run() override;
  void cancel() override;
  void post_at(Clock::time_point when, std::function<void()> fn) override;

 private:
  // A post_at call waiting for its time. Nodes move to spare_ once they ran and are
  // reused, so a caller that keeps one call pending at a time allocates nothing.
  struct ScheduledCall {
    explicit ScheduledCall(asio::io_context& io) : timer(io) {}
    asio::steady_timer timer;
    std::function<void()> fn;
  };

  void attempt_finished(Exchange& exchange) override;
  void start_attempt(Exchange& exchange);
  void finish(Exchange& exchange);
  Exchange& new_exchange();
  void release(Exchange& exchange);
  void fail_without_attempt(std::function<void(HttpResponse)>& done, ErrorKind kind, std::string message);
  HostPool& pool_for(const UrlParts& url, bool verify_tls);
  void cancel_everything();

  // Declared before the io_context: TLS streams that handlers still hold when the
  // io_context is destroyed refer to it.
  asio::ssl::context tls_{asio::ssl::context::tls_client};
  asio::ssl::context tls_unverified_{asio::ssl::context::tls_client};  // for requests that opt out
  // Declared before the pools and exchanges so that it outlives their sockets and timers.
  asio::io_context io_{1};
  ClientOptions options_;
  std::string tls_problem_;       // why no https request can work, e.g. an unreadable CA file
  PoolSettings settings_;
  PoolSettings settings_unverified_;   // pools of requests with verify_tls=false
  std::unordered_map<std::string, std::unique_ptr<HostPool>> pools_;
  std::string pool_key_;          // reused for lookups, so that finding a pool does not allocate
  std::list<Exchange> live_;
  // Finished exchanges kept for the next sends (a few: a callback usually sends its
  // successor at once), so their nodes and string storage are reused.
  std::list<Exchange> spare_exchanges_;
  std::list<ScheduledCall> scheduled_;
  std::list<ScheduledCall> spare_calls_;
  std::atomic<bool> cancel_requested_{false};
  bool cancelled_ = false;        // the io thread has failed everything with Cancelled
};

Client::Client(const ClientOptions& options) : options_(options) {
  boost::system::error_code error;
  if (options_.verify_tls) {
    tls_.set_verify_mode(asio::ssl::verify_peer);
    tls_.set_default_verify_paths(error);   // no system store is not fatal: ca_file may be enough
    if (!options_.ca_file.empty()) tls_problem_ = load_ca_file(tls_, options_.ca_file);
  } else {
    tls_.set_verify_mode(asio::ssl::verify_none);
  }
  settings_.io = &io_;
  settings_.tls = &tls_;
  settings_.verify_tls = options_.verify_tls;
  settings_.max_connections = options_.max_connections_per_host;
  settings_.max_response_bytes = options_.max_response_bytes;
  settings_.user_agent = options_.user_agent;
  tls_unverified_.set_verify_mode(asio::ssl::verify_none);
  settings_unverified_ = settings_;
  settings_unverified_.tls = &tls_unverified_;
  settings_unverified_.verify_tls = false;
}

void Client::fail_without_attempt(std::function<void(HttpResponse)>& done, ErrorKind kind,
                                  std::string message) {
  HttpResponse response;
  response.error = kind;
  response.error_message = std::move(message);
  // Posted, never called from inside send(): callers may hold locks or be mid-iteration.
  asio::post(io_, [done = std::move(done), response = std::move(response)]() mutable {
    done(std::move(response));
  });
}

void Client::send(const HttpRequest& request, std::function<void(HttpResponse)> done) {
  if (cancel_requested_.load(std::memory_order_relaxed)) {
    fail_without_attempt(done, ErrorKind::Cancelled, "cancelled");
    return;
  }
  if (!request.trace_id.empty() && !is_valid_trace_id(request.trace_id)) {
    fail_without_attempt(done, ErrorKind::InvalidUrl,
                         fmt::format("invalid trace id '{}': expected 32 lowercase hex digits, not all zero",
                                     request.trace_id));
    return;
  }
  if (auto problem = request_problem(request)) {
    fail_without_attempt(done, ErrorKind::InvalidUrl, std::move(*problem));
    return;
  }

  Exchange& exchange = new_exchange();
  exchange.request = request;   // copy-assigned: a reused exchange keeps its storage
  if (exchange.request.trace_id.empty()) assign_new_trace_id(exchange.request.trace_id);
  exchange.done = std::move(done);
  auto url = parse_url(exchange.request.url);   // views into the exchange's own copy
  if (!url) {
    fail_without_attempt(exchange.done, ErrorKind::InvalidUrl, url.error().message);
    release(exchange);
    return;
  }
  if (url->scheme == Scheme::Https && !tls_problem_.empty()) {
    fail_without_attempt(exchange.done, ErrorKind::Tls, tls_problem_);
    release(exchange);
    return;
  }
  exchange.url = *url;
  exchange.pool = &pool_for(exchange.url, options_.verify_tls && exchange.request.verify_tls);
  start_attempt(exchange);
}

Exchange& Client::new_exchange() {
  if (spare_exchanges_.empty()) {
    live_.emplace_back();
  } else {
    live_.splice(live_.end(), spare_exchanges_, spare_exchanges_.begin());
  }
  Exchange& exchange = live_.back();
  exchange.position = std::prev(live_.end());
  exchange.pool = nullptr;
  exchange.fresh_connection_retry_used = false;
  exchange.attempts_made = 0;
  HttpResponse& response = exchange.response;   // moved from by the previous finish()
  response.status = 0;
  response.headers.clear();
  response.body.clear();
  response.error = ErrorKind::None;
  response.error_message.clear();
  response.latency_ms = 0;
  response.attempts.clear();
  return exchange;
}

void Client::release(Exchange& exchange) {
  // A few spares cover a callback that sends its successor; large request bodies are not
  // worth keeping around.
  constexpr std::size_t kMaxSpares = 16;
  constexpr std::size_t kMaxKeptBody = 16 * 1024;
  exchange.done = nullptr;
  if (spare_exchanges_.size() < kMaxSpares && exchange.request.body.capacity() <= kMaxKeptBody) {
    spare_exchanges_.splice(spare_exchanges_.end(), live_, exchange.position);
  } else {
    live_.erase(exchange.position);
  }
}

HostPool& Client::pool_for(const UrlParts& url, bool verify_tls) {
  // Verified and unverified connections never share a pool: a connection's certificate
  // check happened once, at its handshake.
  const bool unverified = url.scheme == Scheme::Https && !verify_tls;
  pool_key_.assign(url.scheme == Scheme::Https ? "https://" : "http://");
  pool_key_.append(url.host).push_back('|');
  pool_key_.append(std::to_string(url.port));
  if (unverified) pool_key_.append("|unverified");
  const auto found = pools_.find(pool_key_);
  if (found != pools_.end()) return *found->second;
  Origin origin{url.scheme, std::string(url.host), url.port, host_port(url.host, url.port)};
  AttemptListener& listener = *this;
  auto pool = std::make_unique<HostPool>(std::move(origin), unverified ? settings_unverified_ : settings_, listener);
  return *pools_.emplace(pool_key_, std::move(pool)).first->second;
}

void Client::start_attempt(Exchange& exchange) {
  auto& response = exchange.response;
  response.status = 0;
  response.headers.clear();
  response.body.clear();
  response.error = ErrorKind::None;
  response.error_message.clear();
  assign_new_span_id(exchange.span_id);
  exchange.fresh_connection_retry_used = false;
  exchange.pool->dispatch(exchange);
}

void Client::attempt_finished(Exchange& exchange) {
  auto& response = exchange.response;
  const std::chrono::duration<double, std::milli> elapsed = Clock::now() - exchange.attempt_start;
  response.latency_ms = elapsed.count();
  if (exchange.request.keep == HttpRequest::Keep::Full) {
    response.attempts.push_back(
        HttpAttempt{exchange.span_id, response.status, response.error, response.error_message, response.latency_ms});
  }

  const int attempts = ++exchange.attempts_made;
  if (cancelled_ || !is_system_error(exchange) || attempts > exchange.request.retry.retries) {
    finish(exchange);
    return;
  }
  // Exponential backoff: backoff, 2*backoff, 4*backoff, ... (the shift is capped so that
  // a large retry count cannot overflow).
  const auto delay = exchange.request.retry.backoff * (std::int64_t{1} << std::min(attempts - 1, 20));
  if (!exchange.backoff) exchange.backoff.emplace(io_);
  exchange.backoff->expires_after(delay);
  exchange.backoff->async_wait([this, &exchange](const boost::system::error_code& error) {
    // After cancel_everything() the exchange is gone; do not touch it.
    if (error || cancelled_) return;
    start_attempt(exchange);
  });
}

void Client::finish(Exchange& exchange) {
  HttpResponse response = std::move(exchange.response);
  if (response.error != ErrorKind::None) {
    response.status = 0;
    response.headers.clear();
    response.body.clear();
  }
  auto done = std::move(exchange.done);
  release(exchange);
  done(std::move(response));
  // Nothing in flight: idle connections must not keep run() busy with their deadline
  // timers. (Under load this happens only at the end.)
  if (live_.empty() && !cancelled_) {
    for (auto& [key, pool] : pools_) pool->disarm_idle();
  }
}

void Client::run() {
  io_.restart();
  io_.run();
}

void Client::cancel() {
  if (cancel_requested_.exchange(true)) return;
  asio::post(io_, [this] { cancel_everything(); });
}

void Client::post_at(Clock::time_point when, std::function<void()> fn) {
  if (cancelled_ || cancel_requested_.load(std::memory_order_relaxed)) return;
  if (spare_calls_.empty()) {
    scheduled_.emplace_back(io_);
  } else {
    scheduled_.splice(scheduled_.end(), spare_calls_, spare_calls_.begin());
  }
  const auto call = std::prev(scheduled_.end());
  call->fn = std::move(fn);
  call->timer.expires_at(when);
  call->timer.async_wait([this, call](const boost::system::error_code& error) {
    // After cancel_everything() the node is gone; do not touch it.
    if (error || cancelled_) return;
    auto fn = std::move(call->fn);
    call->fn = nullptr;
    spare_calls_.splice(spare_calls_.end(), scheduled_, call);
    fn();
  });
}

void Client::cancel_everything() {
  cancelled_ = true;
  // Destroying the timers aborts their waits; the handlers see cancelled_ and return.
  scheduled_.clear();
  spare_calls_.clear();
  spare_exchanges_.clear();
  for (auto& [key, pool] : pools_) pool->close_all();
  // Callbacks may call send(); those requests see cancel_requested_ and are posted, not
  // added here, so this loop ends.
  while (!live_.empty()) {
    Exchange& exchange = live_.front();
    if (exchange.backoff) exchange.backoff->cancel();
    exchange.response.error = ErrorKind::Cancelled;
    exchange.response.error_message = "cancelled";
    finish(exchange);
  }
}

}  // namespace detail

std::unique_ptr<HttpClient> make_http_client(const ClientOptions& options) {
  return std::make_unique<detail::Client>(options);
}

}  // namespace glassbox::probes
