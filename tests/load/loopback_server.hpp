// A minimal HTTP/1.1 keep-alive server on 127.0.0.1 for the load engine's tests, on plain
// POSIX sockets (one thread accepting, one per connection). It answers every request with a
// fixed 200 at once, except: a path ending in "/fail" gets 503, and the request numbered
// `stall_on` (1-based, across connections) is answered only after `stall`. It counts
// requests per path and keeps the headers of the first `keep_heads` requests.
//
// Threading: serves from construction to destruction; the accessors are safe from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace glassbox::probes::testing {

struct ServerBehaviour {
  std::uint64_t stall_on = 0;               // 0: never stalls
  std::chrono::milliseconds stall{0};
  std::size_t keep_heads = 16;
};

class LoopbackServer final {
 public:
  explicit LoopbackServer(ServerBehaviour behaviour = {});
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  std::string url(const std::string& path) const;   // "http://127.0.0.1:PORT" + path
  std::uint64_t requests() const { return requests_.load(); }
  std::map<std::string, std::uint64_t> requests_by_path() const;
  std::vector<std::string> heads() const;          // request line and headers, as received
  int connections() const;

 private:
  void accept_loop();
  void serve(int fd);

  ServerBehaviour behaviour_;
  int listener_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<std::uint64_t> requests_{0};
  mutable std::mutex mutex_;
  std::map<std::string, std::uint64_t> by_path_;
  std::vector<std::string> heads_;
  std::vector<int> connection_fds_;
  std::vector<std::thread> connection_threads_;
  std::thread acceptor_;
};

}  // namespace glassbox::probes::testing
