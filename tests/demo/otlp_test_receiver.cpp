#include "otlp_test_receiver.hpp"

#include <condition_variable>
#include <deque>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <gtest/gtest.h>

namespace glassbox::testing {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

}  // namespace

struct OtlpTestReceiver::Impl {
  net::io_context ioc{1};
  tcp::acceptor acceptor{ioc};
  std::thread thread;
  mutable std::mutex mutex;
  mutable std::condition_variable arrived;
  std::vector<ReceivedRequest> received;
  std::deque<int> scripted;

  // Records the request and picks the answer, under the lock.
  int record(const http::request<http::string_body>& request) {
    std::lock_guard lock(mutex);
    int status = 200;
    if (!scripted.empty()) {
      status = scripted.front();
      scripted.pop_front();
    }
    received.push_back({std::string(request.method_string()), std::string(request.target()),
                        std::string(request[http::field::content_type]), request.body(), status});
    arrived.notify_all();
    return status;
  }

  void accept();
};

namespace {

class Session final : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, OtlpTestReceiver::Impl& owner)
      : stream_(std::move(socket)), owner_(owner) {}

  void read() {
    request_ = {};
    http::async_read(stream_, buffer_, request_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       if (!ec) self->answer();
                     });
  }

 private:
  void answer() {
    const int status = owner_.record(request_);
    response_ = http::response<http::string_body>{static_cast<http::status>(status), 11};
    response_.set(http::field::content_type, "application/x-protobuf");
    if (status != 200) response_.set(http::field::retry_after, "0");
    response_.keep_alive(request_.keep_alive());
    response_.prepare_payload();
    http::async_write(stream_, response_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (!ec && self->response_.keep_alive()) self->read();
                      });
  }

  beast::tcp_stream stream_;
  OtlpTestReceiver::Impl& owner_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
};

}  // namespace

void OtlpTestReceiver::Impl::accept() {
  acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (ec) return;
    std::make_shared<Session>(std::move(socket), *this)->read();
    accept();
  });
}

OtlpTestReceiver::OtlpTestReceiver() : impl_(std::make_unique<Impl>()) {
  const tcp::endpoint endpoint{net::ip::make_address("127.0.0.1"), 0};
  impl_->acceptor.open(endpoint.protocol());
  impl_->acceptor.bind(endpoint);
  impl_->acceptor.listen();
  impl_->accept();
  impl_->thread = std::thread([impl = impl_.get()] { impl->ioc.run(); });
}

OtlpTestReceiver::~OtlpTestReceiver() {
  impl_->ioc.stop();
  impl_->thread.join();
}

std::string OtlpTestReceiver::endpoint() const {
  return "http://127.0.0.1:" + std::to_string(impl_->acceptor.local_endpoint().port());
}

void OtlpTestReceiver::answer_first_with(std::vector<int> statuses) {
  std::lock_guard lock(impl_->mutex);
  impl_->scripted.assign(statuses.begin(), statuses.end());
}

std::vector<ReceivedRequest> OtlpTestReceiver::requests() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->received;
}

bool OtlpTestReceiver::wait_for_requests(std::size_t count,
                                         std::chrono::milliseconds timeout) const {
  std::unique_lock lock(impl_->mutex);
  return impl_->arrived.wait_for(lock, timeout,
                                 [this, count] { return impl_->received.size() >= count; });
}

std::vector<opentelemetry::proto::trace::v1::Span> OtlpTestReceiver::accepted_spans() const {
  std::vector<opentelemetry::proto::trace::v1::Span> spans;
  for (const ReceivedRequest& request : requests()) {
    if (request.answered / 100 != 2) continue;
    opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest decoded;
    EXPECT_TRUE(decoded.ParseFromString(request.body)) << "undecodable export body";
    for (const auto& resource : decoded.resource_spans()) {
      for (const auto& scope : resource.scope_spans()) {
        spans.insert(spans.end(), scope.spans().begin(), scope.spans().end());
      }
    }
  }
  return spans;
}

std::string to_hex(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (const char byte : bytes) {
    const auto value = static_cast<unsigned char>(byte);
    hex.push_back(kDigits[value >> 4]);
    hex.push_back(kDigits[value & 0xf]);
  }
  return hex;
}

std::string attribute_text(const opentelemetry::proto::trace::v1::Span& span,
                           const std::string& key) {
  for (const auto& attribute : span.attributes()) {
    if (attribute.key() != key) continue;
    const auto& value = attribute.value();
    if (value.has_string_value()) return value.string_value();
    if (value.has_int_value()) return std::to_string(value.int_value());
    if (value.has_bool_value()) return value.bool_value() ? "true" : "false";
    if (value.has_double_value()) return std::to_string(value.double_value());
    return "?";
  }
  return "";
}

}  // namespace glassbox::testing
