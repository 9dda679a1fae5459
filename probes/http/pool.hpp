// Private to probes/http: what the client (http_client.cpp) and its connections
// (connection.cpp) share: one request in flight (Exchange), the per-origin pool that hands
// requests to connections (HostPool), and the connection interface.
//
// Threading: everything here lives on the one thread that drives the client's io_context.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "probes/http/http_client.hpp"
#include "probes/http/url.hpp"

namespace glassbox::probes::detail {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

class HostPool;

// One request from send() to its callback, across attempts. Owned by the client; a
// connection borrows it for the length of one attempt.
struct Exchange {
  HttpRequest request;
  std::function<void(HttpResponse)> done;
  UrlParts url;                    // views into request.url
  HostPool* pool = nullptr;

  // The current attempt. The deadline covers connect to last byte; a transparent retry
  // after a stale keep-alive connection keeps it, because it is the same attempt.
  std::string span_id;
  Clock::time_point attempt_start;
  Clock::time_point deadline;
  bool fresh_connection_retry_used = false;
  int attempts_made = 0;           // also counted when request.keep skips response.attempts

  // Status, headers, body and error of the current attempt; attempts of all of them.
  HttpResponse response;
  std::optional<asio::steady_timer> backoff;
  std::list<Exchange>::iterator position;   // in the client's list of live exchanges
};

// Where a pool connects to.
struct Origin {
  Scheme scheme = Scheme::Http;
  std::string host;        // as in the URL, without IPv6 brackets
  std::uint16_t port = 0;
  std::string host_port;   // "host:port", how error messages name the origin
};

struct PoolSettings {
  asio::io_context* io = nullptr;
  asio::ssl::context* tls = nullptr;   // used by https origins
  bool verify_tls = true;
  std::size_t max_connections = 8;
  std::size_t max_response_bytes = 8u << 20;
  std::string user_agent;
};

// Receives each finished attempt (success or error) to decide on retries and callbacks.
class AttemptListener {
 public:
  virtual void attempt_finished(Exchange& exchange) = 0;

 protected:
  ~AttemptListener() = default;
};

// One keep-alive connection. Reports through its pool: connection_idle after a reusable
// response, connection_closed after an error or a non-reusable response, and then
// attempt_finished for the exchange it was serving.
class Connection {
 public:
  virtual ~Connection() = default;
  // Serves one attempt; connects (resolve, TCP, TLS) first when not connected yet.
  virtual void start(Exchange& exchange) = 0;
  // For an idle connection: true unless the server closed it (or sent stray bytes).
  virtual bool still_open() = 0;
  // Closes without reporting anything; the caller deals with the exchange, if any.
  virtual void close() = 0;
  // For an idle connection: cancels its deadline timer, which otherwise stays armed after
  // a response (re-arming it per request would cost more than letting it run out).
  virtual void disarm() = 0;
};
std::shared_ptr<Connection> make_connection(HostPool& pool);   // connection.cpp

// The connections to one origin: at most max_connections of them; requests beyond that
// wait in FIFO order. Resolves the host once and keeps the endpoints for its lifetime.
class HostPool final {
 public:
  HostPool(Origin origin, const PoolSettings& settings, AttemptListener& listener);
  HostPool(const HostPool&) = delete;
  HostPool& operator=(const HostPool&) = delete;

  // Starts the exchange's current attempt on an idle or new connection, or queues it.
  void dispatch(Exchange& exchange);
  // Closes every connection and forgets queued exchanges, reporting nothing (cancel()).
  void close_all();
  // Cancels the deadline timers of idle connections (nothing in flight any more).
  void disarm_idle();

  // Called by connections.
  void connection_idle(Connection& connection);
  void connection_closed(Connection& connection);
  // The server closed a reused connection before answering: same attempt, new connection.
  void retry_on_fresh_connection(Connection& stale, Exchange& exchange);
  void attempt_finished(Exchange& exchange) { listener_.attempt_finished(exchange); }

  // Resolved endpoints, or null before the first resolve succeeded.
  const std::vector<asio::ip::tcp::endpoint>* endpoints() const {
    return endpoints_.empty() ? nullptr : &endpoints_;
  }
  // Calls `then` with null once endpoints() is set, or with the reason resolving failed.
  void await_endpoints(std::function<void(const std::string* error)> then);

  const Origin& origin() const { return origin_; }
  const PoolSettings& settings() const { return settings_; }

 private:
  void begin_attempt(Connection& connection, Exchange& exchange);
  Connection& open_connection();
  void forget(Connection& connection);
  void on_resolved(const boost::system::error_code& error,
                   const asio::ip::tcp::resolver::results_type& results);

  Origin origin_;
  const PoolSettings& settings_;
  AttemptListener& listener_;
  std::vector<std::shared_ptr<Connection>> connections_;   // open or connecting
  std::vector<Connection*> idle_;                          // most recently used last
  std::deque<Exchange*> waiting_;
  std::vector<asio::ip::tcp::endpoint> endpoints_;
  asio::ip::tcp::resolver resolver_;
  bool resolving_ = false;
  std::vector<std::function<void(const std::string*)>> awaiting_endpoints_;
};

}  // namespace glassbox::probes::detail
