#include "loopback_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstring>
#include <stdexcept>
#include <string_view>

namespace glassbox::probes::testing {
namespace {

constexpr std::string_view kOk = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok";
constexpr std::string_view kUnavailable = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n";

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// The request target of "GET /path HTTP/1.1...", without the query.
std::string path_of(std::string_view head) {
  const auto first = head.find(' ');
  if (first == std::string_view::npos) return "";
  const auto end = head.find_first_of(" ?", first + 1);
  return std::string(head.substr(first + 1, end == std::string_view::npos ? std::string_view::npos : end - first - 1));
}

// Content-Length of a request head (case-insensitive name), 0 when absent.
std::size_t content_length(std::string_view head) {
  std::string lower(head);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto at = lower.find("\r\ncontent-length:");
  if (at == std::string::npos) return 0;
  return static_cast<std::size_t>(std::stoul(lower.substr(at + 17)));
}

}  // namespace

LoopbackServer::LoopbackServer(ServerBehaviour behaviour) : behaviour_(behaviour) {
  listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (listener_ < 0) throw std::runtime_error("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(listener_, 128) != 0 ||
      ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(listener_);
    throw std::runtime_error("cannot listen on 127.0.0.1");
  }
  port_ = ntohs(address.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

LoopbackServer::~LoopbackServer() {
  stopping_ = true;
  // shutdown() wakes the threads blocked in accept() and recv().
  ::shutdown(listener_, SHUT_RDWR);
  acceptor_.join();
  {
    std::lock_guard lock(mutex_);
    for (const int fd : connection_fds_) ::shutdown(fd, SHUT_RDWR);
  }
  for (auto& thread : connection_threads_) thread.join();
  for (const int fd : connection_fds_) ::close(fd);
  ::close(listener_);
}

std::string LoopbackServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::map<std::string, std::uint64_t> LoopbackServer::requests_by_path() const {
  std::lock_guard lock(mutex_);
  return by_path_;
}

std::vector<std::string> LoopbackServer::heads() const {
  std::lock_guard lock(mutex_);
  return heads_;
}

int LoopbackServer::connections() const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(connection_fds_.size());
}

void LoopbackServer::accept_loop() {
  while (!stopping_) {
    const int fd = ::accept(listener_, nullptr, nullptr);
    if (fd < 0) return;   // shut down (or out of descriptors: the test fails on its own)
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    std::lock_guard lock(mutex_);
    connection_fds_.push_back(fd);
    connection_threads_.emplace_back([this, fd] { serve(fd); });
  }
}

void LoopbackServer::serve(int fd) {
  std::string buffer;
  char chunk[4096];
  while (!stopping_) {
    const auto end_of_head = buffer.find("\r\n\r\n");
    if (end_of_head == std::string::npos) {
      const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) return;
      buffer.append(chunk, static_cast<std::size_t>(n));
      continue;
    }
    const std::string head = buffer.substr(0, end_of_head);
    const std::size_t total = end_of_head + 4 + content_length(head);
    if (buffer.size() < total) {
      const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) return;
      buffer.append(chunk, static_cast<std::size_t>(n));
      continue;
    }
    buffer.erase(0, total);

    const std::string path = path_of(head);
    const std::uint64_t number = ++requests_;
    {
      std::lock_guard lock(mutex_);
      ++by_path_[path];
      if (heads_.size() < behaviour_.keep_heads) heads_.push_back(head);
    }
    // The stall under test, not a synchronisation: the client must see a slow answer.
    if (number == behaviour_.stall_on) std::this_thread::sleep_for(behaviour_.stall);
    const bool fail = path.size() >= 5 && path.compare(path.size() - 5, 5, "/fail") == 0;
    if (!write_all(fd, fail ? kUnavailable : kOk)) return;
  }
}

}  // namespace glassbox::probes::testing
