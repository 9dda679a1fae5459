// A misbehaving HTTP/1.1 server for the end-to-end fault matrix (faults_test.sh).
//
//   glassbox_fault_server MODE [ARG]
//
// Listens on a free 127.0.0.1 port, prints the port on stdout (one line), and logs each
// request it handles to stderr ("MODE GET /path"). In every mode but refuse-after and
// tls-wrong-name, paths starting with /ok get a well-formed keep-alive
// 200 {"ok":true}, so a suite can check that its other cases still ran; every other path
// gets the fault:
//   ok               no fault at all
//   never-answer     reads the request and never replies (holds the connection)
//   drip             status line and headers (Content-Length: 100), then one body byte every 200 ms
//   huge-body        Content-Length: 2147483648, then bytes until the client goes away
//   bad-status-line  "HTTP/1.1 2x0 OK"
//   bad-headers      a header line without a colon
//   bad-chunked      Transfer-Encoding: chunked with the chunk size "zz"
//   close-mid-body   Content-Length: 1000, 10 bytes, close
//   refuse-after N   answers N requests well (any path), then closes the listening socket and
//                    every connection, so later connects are refused
//   tls-wrong-name CERT KEY   TLS with that certificate and key; answers every request well
//   slow [MS]        answers after MS milliseconds (default 2000)
//
// One thread per connection; plain POSIX sockets, and OpenSSL only for tls-wrong-name.
// Runs until killed.
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <thread>

namespace {

std::string g_mode;
long g_arg = 0;
SSL_CTX* g_tls = nullptr;
int g_listener = -1;
std::atomic<long> g_answered{0};
std::atomic<bool> g_refusing{false};
std::mutex g_connections_mutex;
std::set<int> g_connections;

// One accepted connection, plain or TLS.
class Conn {
 public:
  explicit Conn(int fd) : fd_(fd) {}
  ~Conn() {
    if (ssl_ != nullptr) SSL_free(ssl_);
    ::close(fd_);
  }

  bool handshake() {
    if (g_tls == nullptr) return true;
    ssl_ = SSL_new(g_tls);
    SSL_set_fd(ssl_, fd_);
    return SSL_accept(ssl_) == 1;
  }

  long read_some(char* data, std::size_t size) {
    if (ssl_ != nullptr) return SSL_read(ssl_, data, static_cast<int>(size));
    return ::recv(fd_, data, size, 0);
  }

  bool write_all(std::string_view bytes) {
    while (!bytes.empty()) {
      const long n = ssl_ != nullptr ? SSL_write(ssl_, bytes.data(), static_cast<int>(bytes.size()))
                                     : ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  int fd() const { return fd_; }

 private:
  int fd_;
  SSL* ssl_ = nullptr;
};

struct Request {
  std::string method;
  std::string path;
};

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Reads one request head and discards its Content-Length body. false at end of stream.
bool read_request(Conn& conn, std::string& buffer, Request& request) {
  char chunk[4096];
  std::size_t end;
  while ((end = buffer.find("\r\n\r\n")) == std::string::npos) {
    const long n = conn.read_some(chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
  const std::string head = buffer.substr(0, end);
  buffer.erase(0, end + 4);
  const std::size_t first_space = head.find(' ');
  const std::size_t second_space = head.find(' ', first_space + 1);
  request.method = head.substr(0, first_space);
  request.path = head.substr(first_space + 1, second_space - first_space - 1);
  std::size_t body = 0;
  const std::string lowered = lower(head);
  if (const std::size_t at = lowered.find("\r\ncontent-length:"); at != std::string::npos)
    body = std::strtoul(lowered.c_str() + at + 17, nullptr, 10);
  while (buffer.size() < body) {
    const long n = conn.read_some(chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
  buffer.erase(0, body);
  return true;
}

bool answer_ok(Conn& conn) {
  return conn.write_all(
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}");
}

// Closes the listening socket and every open connection: from now on connects are refused.
void start_refusing() {
  if (g_refusing.exchange(true)) return;
  ::shutdown(g_listener, SHUT_RDWR);  // wakes the accept() in main
  std::lock_guard lock(g_connections_mutex);
  for (int fd : g_connections) ::shutdown(fd, SHUT_RDWR);
}

void sleep_ms(long ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

// The fault for one request. false: the connection is finished.
bool answer_fault(Conn& conn) {
  if (g_mode == "ok" || g_mode == "tls-wrong-name") return answer_ok(conn);
  if (g_mode == "never-answer") {
    char byte;
    while (conn.read_some(&byte, 1) > 0) {
    }
    return false;
  }
  if (g_mode == "drip") {
    if (!conn.write_all("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n")) return false;
    for (int i = 0; i < 100; ++i) {
      sleep_ms(200);
      if (!conn.write_all("x")) return false;
    }
    return true;
  }
  if (g_mode == "huge-body") {
    if (!conn.write_all("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2147483648\r\n\r\n"))
      return false;
    const std::string block(64 * 1024, 'x');
    for (long sent = 0; sent < 2147483648L; sent += static_cast<long>(block.size()))
      if (!conn.write_all(block)) return false;
    return true;
  }
  if (g_mode == "bad-status-line") {
    conn.write_all("HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n");
    return false;
  }
  if (g_mode == "bad-headers") {
    conn.write_all("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nthis header has no colon\r\n\r\nok");
    return false;
  }
  if (g_mode == "bad-chunked") {
    conn.write_all("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");
    return false;
  }
  if (g_mode == "close-mid-body") {
    conn.write_all("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n0123456789");
    return false;
  }
  if (g_mode == "slow") {
    sleep_ms(g_arg > 0 ? g_arg : 2000);
    return answer_ok(conn);
  }
  return false;
}

void serve(int fd) {
  {
    std::lock_guard lock(g_connections_mutex);
    g_connections.insert(fd);
  }
  {
    Conn conn(fd);
    std::string buffer;
    Request request;
    if (conn.handshake()) {
      while (!g_refusing && read_request(conn, buffer, request)) {
        if (g_refusing) break;
        std::fprintf(stderr, "%s %s %s\n", g_mode.c_str(), request.method.c_str(), request.path.c_str());
        if (g_mode == "refuse-after") {
          if (!answer_ok(conn)) break;
          if (++g_answered >= g_arg) start_refusing();
          continue;
        }
        const bool good = request.path.rfind("/ok", 0) == 0 && g_mode != "tls-wrong-name";
        if (!(good ? answer_ok(conn) : answer_fault(conn))) break;
      }
    }
    std::lock_guard lock(g_connections_mutex);
    g_connections.erase(fd);
  }
}

int usage() {
  std::fprintf(stderr,
               "usage: glassbox_fault_server ok|never-answer|drip|huge-body|bad-status-line|bad-headers|"
               "bad-chunked|close-mid-body|refuse-after N|tls-wrong-name CERT KEY|slow [MS]\n");
  return 2;
}

bool setup_tls(const char* cert, const char* key) {
  g_tls = SSL_CTX_new(TLS_server_method());
  if (g_tls == nullptr || SSL_CTX_use_certificate_chain_file(g_tls, cert) != 1 ||
      SSL_CTX_use_PrivateKey_file(g_tls, key, SSL_FILETYPE_PEM) != 1) {
    ERR_print_errors_fp(stderr);
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  g_mode = argv[1];
  static const std::set<std::string> modes = {"ok",           "never-answer",   "drip",         "huge-body",
                                              "bad-status-line", "bad-headers", "bad-chunked",  "close-mid-body",
                                              "refuse-after", "tls-wrong-name", "slow"};
  if (modes.count(g_mode) == 0) return usage();
  if (g_mode == "refuse-after" || g_mode == "slow") {
    if (argc >= 3) g_arg = std::strtol(argv[2], nullptr, 10);
    if (g_mode == "refuse-after" && (argc < 3 || g_arg < 1)) return usage();
  }
  if (g_mode == "tls-wrong-name" && (argc < 4 || !setup_tls(argv[2], argv[3]))) return usage();

  g_listener = ::socket(AF_INET, SOCK_STREAM, 0);
  const int on = 1;
  ::setsockopt(g_listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (::bind(g_listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(g_listener, 128) != 0 ||
      ::getsockname(g_listener, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    std::perror("glassbox_fault_server: listen");
    return 1;
  }
  std::printf("%d\n", ntohs(address.sin_port));
  std::fflush(stdout);

  for (;;) {
    const int fd = ::accept(g_listener, nullptr, nullptr);
    if (fd < 0) {
      if (g_refusing) break;
      continue;
    }
    std::thread(serve, fd).detach();
  }
  ::close(g_listener);
  // Refusing from now on; stay alive until killed, as the other modes do.
  for (;;) ::pause();
}
