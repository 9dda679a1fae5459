// The span receiver: an HTTP server that services export spans to while a run goes.
//   POST /v1/traces      OTLP/HTTP, Content-Type application/x-protobuf or application/json,
//                        optional Content-Encoding: gzip
//   POST /api/v2/spans   Zipkin v2 JSON
// Responses follow the OTLP/HTTP specification: 200 with an ExportTraceServiceResponse in the
// request's encoding (partial_success when spans were rejected), 400 malformed, 413 body over
// the limit, 415 unknown content type, 429/503 with Retry-After when the sink is full, 404/405
// for other paths and methods. Bad input never crashes it.
//
// Threading: the receiver serves on its own thread; SpanSink::accept is called from it.
// stats() and stop() are safe from any thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "suites/model/expected.hpp"
#include "suites/model/span.hpp"

namespace glassbox::probes {

class SpanSink {
 public:
  virtual ~SpanSink() = default;
  // Takes a decoded batch. Returns false when the sink cannot take more now: the receiver
  // then answers 429 (or 503) with Retry-After and the exporter retries, so no span is lost
  // silently.
  virtual bool accept(std::vector<Span>&& spans) = 0;
  // True once the sink is closing for good (the run is over, the file is closed): the
  // receiver then answers 503 instead of 429, so exporters know the refusal is not load.
  // Called from the receiver's thread while others may be closing the sink.
  virtual bool closing() const { return false; }
};

struct ReceiverOptions {
  std::string address = "127.0.0.1";   // loopback unless told otherwise
  std::uint16_t port = 4318;           // 0 = any free port
  std::size_t max_body_bytes = 16u << 20;     // compressed or not; larger -> 413
  std::size_t max_decompressed_bytes = 64u << 20;  // gzip bombs -> 413
  int retry_after_seconds = 1;
};

struct ReceiverStats {
  std::uint64_t requests = 0;          // export requests received
  std::uint64_t spans_accepted = 0;
  std::uint64_t spans_rejected = 0;    // partial_success rejections
  std::uint64_t bad_requests = 0;      // 400/413/415 answers
  std::uint64_t throttled = 0;         // 429/503 answers
  std::chrono::steady_clock::time_point last_batch{};  // of the last accepted batch (epoch if none)
};

class SpanReceiver {
 public:
  virtual ~SpanReceiver() = default;
  virtual std::uint16_t port() const = 0;
  virtual std::string endpoint() const = 0;   // "http://127.0.0.1:PORT" (the OTLP base URL)
  virtual ReceiverStats stats() const = 0;
  virtual void stop() = 0;                     // idempotent; also done by the destructor
};

// Binds and starts serving; "cannot listen on 127.0.0.1:4318: address already in use" when it cannot.
Expected<std::unique_ptr<SpanReceiver>> start_span_receiver(const ReceiverOptions& options, SpanSink& sink);

}  // namespace glassbox::probes
