// A small blocking HTTP/1.1 client over Beast for the receiver's loopback tests: one request
// per call on a fresh connection, or several on one kept-alive connection.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace glassbox::probes::test {

struct TestRequest {
  std::string method = "POST";
  std::string target = "/v1/traces";
  std::string content_type = "application/json";
  std::string content_encoding;
  std::string body;
};

struct TestReply {
  int status = 0;                              // 0 when the exchange failed
  std::map<std::string, std::string> headers;  // lowercase names
  std::string body;
  std::string error;                           // why the exchange failed

  std::string header(const std::string& lowercase_name) const {
    const auto found = headers.find(lowercase_name);
    return found == headers.end() ? "" : found->second;
  }
};

// One request on its own connection to 127.0.0.1:port.
TestReply send_request(std::uint16_t port, const TestRequest& request);

// A kept-alive connection: each send() reuses it.
class TestConnection final {
 public:
  explicit TestConnection(std::uint16_t port);
  ~TestConnection();
  TestReply send(const TestRequest& request);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Raw socket access for what a well-behaved client never does.
class RawConnection final {
 public:
  explicit RawConnection(std::uint16_t port);  // connected, or connected() is false
  ~RawConnection();
  bool connected() const;
  void write(const std::string& bytes);
  // Reads until the peer closes or `timeout_ms` passes; what arrived.
  std::string read_until_close(int timeout_ms);
  // Reads until the text contains "\r\n\r\n" plus Content-Length body bytes, or the timeout.
  std::string read_response(int timeout_ms);

 private:
  int fd_ = -1;
};

// Whether anything accepts connections on 127.0.0.1:port.
bool can_connect(std::uint16_t port);

}  // namespace glassbox::probes::test
