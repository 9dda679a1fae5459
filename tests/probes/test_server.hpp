// A loopback HTTP/1.1 (optionally TLS) server for the probe's tests. Each test decides
// per request what goes back on the wire, down to malformed bytes, delays and closes.
//
// Threading: serves on its own thread from construction to destruction; the handler runs
// on that thread. The accessors are safe from the test's thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "probes/http/http_client.hpp"

namespace glassbox::probes::testing {

struct ReceivedRequest {
  std::string method;
  std::string target;
  Headers headers;
  std::string body;
  int connection = 0;      // 1-based index of the connection it came on, in accept order
  int on_connection = 0;   // 1-based: the n-th request on that connection

  std::string header(std::string_view name) const;   // "" when absent; name case-insensitive
};

struct Reply {
  enum class After { KeepOpen, Close };
  std::string bytes;                    // written as they are; may be empty or malformed
  std::chrono::milliseconds delay{0};   // before writing
  After after = After::KeepOpen;        // Close: half-close after writing, then close
};

// A well-formed response with Content-Length.
std::string http_response(int status, std::string_view body = "", const Headers& extra = {});
inline Reply respond(int status, std::string_view body = "") { return Reply{http_response(status, body)}; }

using Handler = std::function<Reply(const ReceivedRequest&)>;

struct TlsFiles {
  std::string certificate_pem;
  std::string private_key_pem;
};

class TestServer final {
 public:
  explicit TestServer(Handler handler, std::optional<TlsFiles> tls = std::nullopt);
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  std::uint16_t port() const;
  // "http://127.0.0.1:PORT/path" (https with TLS).
  std::string url(std::string_view path = "/") const;
  std::string host_port() const;   // "127.0.0.1:PORT"
  int connections() const;          // accepted so far
  int max_concurrent_requests() const;   // peak number of requests being answered at once
  std::vector<ReceivedRequest> requests() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A port on 127.0.0.1 that nothing listens on (bound once to find it, then released).
std::uint16_t closed_port();

}  // namespace glassbox::probes::testing
