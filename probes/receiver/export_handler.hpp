// One export request, end to end and without sockets: admit it (otlp_http.hpp), decode it
// with the span decoders, hand the spans to the sink, answer, and count it all in
// ReceiverStats. receiver_server.cpp calls it for every request read off a connection.
//
// Thread-safety: every member may be called from several threads at once (the counters are
// behind a mutex); the sink is called from whichever thread calls handle().
#pragma once

#include <mutex>
#include <optional>

#include "probes/receiver/otlp_http.hpp"
#include "probes/receiver/span_receiver.hpp"

namespace glassbox::probes::receiver {

class ExportHandler final {
 public:
  ExportHandler(SpanSink& sink, Limits limits, int retry_after_seconds);

  // Headers are in, the body is not: a 413 answer (counted) when Content-Length is over the
  // limit, so the server never reads that body.
  std::optional<HttpAnswer> screen_headers(const IncomingRequest& headers);
  // The body grew past the limit while being read (chunked transfer): a 413 answer, counted.
  HttpAnswer refuse_oversized_body(const IncomingRequest& headers);
  // The complete request: 200/202 when the sink took the spans, the refusals otherwise.
  HttpAnswer handle(IncomingRequest request);

  ReceiverStats stats() const;

 private:
  HttpAnswer deliver(const AdmittedExport& admitted);
  void count(Refusal refusal);

  SpanSink& sink_;
  const Limits limits_;
  const int retry_after_seconds_;
  mutable std::mutex mutex_;
  ReceiverStats stats_;
};

}  // namespace glassbox::probes::receiver
