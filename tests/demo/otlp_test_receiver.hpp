// A stand-in OTLP/HTTP receiver for loopback tests: a small Beast server on 127.0.0.1:0
// that records every request and answers 200, or the scripted statuses first (with
// Retry-After: 0, so retries need no real waiting). Decodes the recorded protobuf bodies.
//
// Thread-safety: serves on its own thread; requests() and spans() lock.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"
#include "opentelemetry/proto/trace/v1/trace.pb.h"

namespace glassbox::testing {

struct ReceivedRequest {
  std::string method;
  std::string target;
  std::string content_type;
  std::string body;
  int answered = 0;  // the status the receiver answered with
};

class OtlpTestReceiver final {
 public:
  OtlpTestReceiver();
  ~OtlpTestReceiver();
  OtlpTestReceiver(const OtlpTestReceiver&) = delete;
  OtlpTestReceiver& operator=(const OtlpTestReceiver&) = delete;

  std::string endpoint() const;  // "http://127.0.0.1:PORT"
  // The first requests get these statuses (with Retry-After: 0), later ones 200.
  void answer_first_with(std::vector<int> statuses);
  std::vector<ReceivedRequest> requests() const;
  // Blocks until at least `count` requests arrived; false when the timeout passes first.
  bool wait_for_requests(std::size_t count, std::chrono::milliseconds timeout) const;
  // Every span of every request answered 2xx, decoded; a body that does not parse fails
  // the calling test.
  std::vector<opentelemetry::proto::trace::v1::Span> accepted_spans() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Lowercase hex of raw id bytes, as ids appear in traceparent headers.
std::string to_hex(const std::string& bytes);
// The attribute's value as text ("" when the span has no such attribute); ints in decimal,
// bools as true/false.
std::string attribute_text(const opentelemetry::proto::trace::v1::Span& span,
                           const std::string& key);

}  // namespace glassbox::testing
