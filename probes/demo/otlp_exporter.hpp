// The demo service's span exporter: OTLP/HTTP with protobuf bodies, as any instrumented
// service sends to a collector, so glassbox's receiver sees the demo exactly as it would see
// a real service (no in-process shortcut).
//
// Finished spans are queued by submit() under a mutex and sent by one exporter thread:
// every flush_interval, or sooner when max_batch spans are waiting, as
// POST <endpoint>/v1/traces with Content-Type: application/x-protobuf and an
// ExportTraceServiceRequest of at most max_batch spans (resource attributes service.name,
// service.version, telemetry.sdk.name = "glassbox-demo"; scope "glassbox.demo").
// Answers 429, 502, 503 and 504 are retried, after the Retry-After delay when the receiver
// gives one in seconds (capped at max_retry_delay), else after a doubling backoff; other
// failures drop the batch and count it. stop() sends everything still queued before it
// returns, so a run that ends right after its last request loses no span.
//
// Thread-safety: submit() and stats() from any thread; submit() never waits for the network.
// stop() from any thread but the exporter's own; idempotent, also done by the destructor.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "probes/demo/tracing.hpp"
#include "suites/model/expected.hpp"

namespace glassbox::probes {
class HttpClient;
struct HttpResponse;
}  // namespace glassbox::probes

namespace glassbox::probes::demo {

struct ResourceInfo {
  std::string service_name = "glassbox-demo";
  std::string service_version;  // "" leaves service.version out
  std::string scope_name = "glassbox.demo";   // the instrumentation scope
  std::string sdk_name = "glassbox-demo";     // telemetry.sdk.name
};

// The serialized ExportTraceServiceRequest for spans: one ResourceSpans, one ScopeSpans.
std::string encode_export_request(const std::vector<SpanRecord>& spans,
                                  const ResourceInfo& resource);

struct ExporterOptions {
  std::string endpoint;  // base URL, e.g. "http://127.0.0.1:4318"; spans go to <endpoint>/v1/traces
  ResourceInfo resource;
  std::chrono::milliseconds flush_interval{100};
  std::size_t max_batch = 512;
  std::size_t max_queue = 1u << 16;  // spans beyond this are dropped (and counted), not queued
  int max_retries = 5;               // per batch, for retryable answers
  std::chrono::milliseconds max_retry_delay{2000};
  std::chrono::milliseconds request_timeout{5000};
};

struct ExporterStats {
  std::uint64_t exported_spans = 0;   // acknowledged with 2xx
  std::uint64_t dropped_spans = 0;    // queue full, or their batch failed for good
  std::uint64_t export_requests = 0;  // POSTs sent, retries included
};

class OtlpExporter final : public SpanSink {
 public:
  ~OtlpExporter() override;
  OtlpExporter(const OtlpExporter&) = delete;
  OtlpExporter& operator=(const OtlpExporter&) = delete;

  void submit(SpanRecord span) override;
  // Sends what is queued (retries included), then ends the exporter thread. Spans submitted
  // afterwards are dropped.
  void stop();
  ExporterStats stats() const;

  // Starts the exporter thread. Error: "invalid OTLP endpoint 'x': the scheme must be
  // http:// or https://".
  static Expected<std::unique_ptr<OtlpExporter>> start(ExporterOptions options);

 private:
  explicit OtlpExporter(ExporterOptions options);
  void run();
  void export_batch(const std::vector<SpanRecord>& batch);
  HttpResponse post(const std::string& body);

  const ExporterOptions options_;
  const std::string url_;                // <endpoint>/v1/traces
  std::unique_ptr<HttpClient> client_;   // used on the exporter thread only

  mutable std::mutex mutex_;             // guards queue_, stopping_ and stats_
  std::condition_variable wake_;
  std::deque<SpanRecord> queue_;
  bool stopping_ = false;
  ExporterStats stats_;

  std::mutex stop_mutex_;                // serialises stop() callers around the join
  std::thread thread_;
};

}  // namespace glassbox::probes::demo
