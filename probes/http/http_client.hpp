// The HTTP(S) probe: an asynchronous client with per-host keep-alive connection pools.
// Beast/Asio stay inside probes/http/*.cpp; this header is all the rest of glassbox sees.
//
// Threading: run() drives all I/O on the calling thread and returns when no request is
// outstanding. Completion callbacks run on that thread, and may call send() again (that
// is how the runner keeps `concurrency` cases in flight and chains multi-step cases).
// send() may also be called before run(). cancel() is the only member safe to call from
// another thread: outstanding and later requests complete with ErrorKind::Cancelled.
// Nothing is kept per request once its callback ran, so a long run stays in constant memory.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "suites/model/expected.hpp"

namespace glassbox::probes {

using Headers = std::vector<std::pair<std::string, std::string>>;

enum class ErrorKind {
  None,
  Resolve,      // the host name does not resolve
  Connect,      // connection refused / unreachable
  Timeout,      // no complete response within the request timeout
  Reset,        // the peer closed or reset the connection mid-exchange
  Tls,          // handshake or certificate verification failed
  TooLarge,     // the response exceeded ClientOptions::max_response_bytes
  Protocol,     // malformed HTTP (status line, headers, chunked encoding)
  Cancelled,    // cancel() was called
  InvalidUrl,
};
std::string_view to_string(ErrorKind kind);

struct Retry {
  int retries = 0;               // extra attempts after the first
  std::chrono::milliseconds backoff{100};  // doubles after each attempt
  std::vector<int> on_status;    // statuses treated as system errors (e.g. 502, 503, 504)
};

struct HttpRequest {
  std::string method = "GET";
  std::string url;               // absolute http:// or https:// URL
  Headers headers;               // Host, Content-Length and traceparent are added by the client
  std::string body;
  std::chrono::milliseconds timeout{10000};  // per attempt, connect to last byte
  Retry retry;
  std::string trace_id;          // 32 lowercase hex; every attempt carries traceparent with it
  // The traceparent's sampled flag: false sends "-00", so services that sample by their
  // parent's decision record no trace for this request (load traffic).
  bool sampled = true;
  // Full: status, headers, body and one HttpAttempt per attempt. StatusOnly: status, error
  // and latency only (headers, body and attempts stay empty), which saves the copies on
  // the hot path of load traffic that judges nothing but the status.
  enum class Keep { Full, StatusOnly };
  Keep keep = Keep::Full;
  bool verify_tls = true;        // false: no certificate check for this request (a target marked
                                 // insecure); ClientOptions::verify_tls=false turns it off for all
};

struct HttpAttempt {
  std::string span_id;           // 16 hex, the parent-id sent in this attempt's traceparent
  int status = 0;
  ErrorKind error = ErrorKind::None;
  std::string error_message;
  double latency_ms = 0;
};

struct HttpResponse {
  int status = 0;                // of the final attempt; 0 when it failed
  Headers headers;
  std::string body;
  ErrorKind error = ErrorKind::None;   // of the final attempt
  std::string error_message;     // readable, e.g. "connect to 127.0.0.1:9: connection refused"
  double latency_ms = 0;         // final attempt
  std::vector<HttpAttempt> attempts;
};

struct ClientOptions {
  std::size_t max_connections_per_host = 8;
  std::size_t max_response_bytes = 8u << 20;   // larger responses fail with TooLarge
  bool verify_tls = true;                       // --insecure turns it off
  std::string ca_file;                          // extra CA bundle (tests); "" = system store only
  std::string user_agent = "glassbox";
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // The request is copied; a warm client copies it into storage of an earlier request,
  // so a steady stream of sends does not allocate per request.
  virtual void send(const HttpRequest& request, std::function<void(HttpResponse)> done) = 0;
  virtual void run() = 0;
  virtual void cancel() = 0;
  // Calls fn on the client's thread at `when` (at once if it has passed), keeping run()
  // from returning until then. Call it from that thread or before run(). Calls still
  // pending when cancel() takes effect are dropped without running.
  virtual void post_at(std::chrono::steady_clock::time_point when, std::function<void()> fn) = 0;
};

std::unique_ptr<HttpClient> make_http_client(const ClientOptions& options);

// Pre-flight: resolves and TCP-connects to the URL's host and port once (no request).
// An error says which address refused or did not resolve.
Status check_reachable(const std::string& url, std::chrono::milliseconds timeout);

}  // namespace glassbox::probes
