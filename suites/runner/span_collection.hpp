// Span collection for one run: the sink the receivers fill, the receivers themselves
// (OTLP/HTTP + Zipkin, and optionally OTLP/gRPC, feeding one sink), the settle window after
// the last probe, and turning what arrived into per-case traces and telemetry counts.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "probes/receiver/span_receiver.hpp"
#include "probes/traces/trace_source.hpp"
#include "reports/model/results.hpp"
#include "suites/model/expected.hpp"

namespace glassbox::runner {

// "127.0.0.1:4318", "[::1]:0", ":4318" (loopback) -> receiver address and port. `option`
// names the flag in error messages ("--listen", "--listen-grpc").
Expected<probes::ReceiverOptions> parse_listen(std::string_view text, std::string_view option = "--listen");

// Holds every span the receiver accepted, up to a bound; past it the receiver answers
// 429 and exporters retry, so spans are refused loudly rather than lost. Thread-safe.
class SpanCollector final : public probes::SpanSink {
 public:
  explicit SpanCollector(std::size_t max_spans = 4'000'000) : max_spans_(max_spans) {}
  bool accept(std::vector<Span>&& spans) override;
  std::vector<Span> take();
  std::size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::vector<Span> spans_;
  std::size_t max_spans_;
};

// The run's span receivers as one SpanReceiver: the OTLP/HTTP + Zipkin receiver and the
// OTLP/gRPC one, each optional, both feeding the same sink. stats() adds the two up, with
// last_batch the later of the two, so the settle window waits for batches from either;
// stop() stops both (idempotent). port() and endpoint() are the HTTP receiver's (what the
// built-in demo exports to), 0 and "" without one. Thread-safety as SpanReceiver's.
class SpanListeners final : public probes::SpanReceiver {
 public:
  SpanListeners(std::unique_ptr<probes::SpanReceiver> http, std::unique_ptr<probes::SpanReceiver> grpc);
  ~SpanListeners() override;

  std::uint16_t port() const override;
  std::string endpoint() const override;
  probes::ReceiverStats stats() const override;
  void stop() override;

  const probes::SpanReceiver* http() const { return http_.get(); }   // null without --listen
  const probes::SpanReceiver* grpc() const { return grpc_.get(); }   // null without --listen-grpc

 private:
  std::unique_ptr<probes::SpanReceiver> http_;
  std::unique_ptr<probes::SpanReceiver> grpc_;
};

// Starts the HTTP receiver when `http` is set and the gRPC one when `grpc` is set, both into
// `sink` (which must outlive them). Fails with the receiver's "cannot listen on ADDR:PORT:
// ..." when either cannot bind; nothing is left listening then.
Expected<std::unique_ptr<SpanListeners>> start_span_listeners(const std::optional<probes::ReceiverOptions>& http,
                                                             const std::optional<probes::ReceiverOptions>& grpc,
                                                             probes::SpanSink& sink);

// Waits after the last probe until no batch has arrived for `quiet`, or `limit` has passed,
// or `interrupted()` says stop. `last_batch` reads the receiver's clock of the last batch.
// Returns how long it waited.
std::chrono::milliseconds settle(std::chrono::milliseconds quiet, std::chrono::milliseconds limit,
                                 const std::function<std::chrono::steady_clock::time_point()>& last_batch,
                                 const std::function<bool()>& interrupted);

// Fetches the trace of every case that sent a request from a tracing backend, polling until
// each is complete or the deadline passes; the probe's span ids count as present parents.
struct FetchedSpans {
  std::vector<Span> spans;
  std::size_t requested = 0;
  std::size_t complete = 0;
};
FetchedSpans fetch_case_traces(probes::TraceSource& source, const reports::RunResults& results, bool verify_tls);

// Correlates `spans` with the run's cases (by trace id; probe span ids from the attempts)
// and fills each case's waterfall rows and the run's telemetry counts.
void attach_spans(reports::RunResults& results, std::vector<Span> spans, std::string source);

}  // namespace glassbox::runner
