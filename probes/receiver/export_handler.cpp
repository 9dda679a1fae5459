// Decode, deliver, answer, count.
#include "probes/receiver/export_handler.hpp"

#include <variant>

#include "probes/spans/decode.hpp"

namespace glassbox::probes::receiver {
namespace {

Expected<DecodedSpans> decode(const AdmittedExport& admitted) {
  switch (admitted.format) {
    case WireFormat::otlp_protobuf: return decode_otlp_protobuf(admitted.body);
    case WireFormat::otlp_json: return decode_otlp_json(admitted.body);
    case WireFormat::zipkin_json: return decode_zipkin_json(admitted.body);
  }
  return Error("unknown wire format");
}

}  // namespace

ExportHandler::ExportHandler(SpanSink& sink, Limits limits, int retry_after_seconds)
    : sink_(sink), limits_(limits), retry_after_seconds_(retry_after_seconds) {}

std::optional<HttpAnswer> ExportHandler::screen_headers(const IncomingRequest& headers) {
  auto answer = refuse_declared_length(headers, limits_);
  if (answer) {
    std::lock_guard lock(mutex_);
    ++stats_.requests;
    ++stats_.bad_requests;
  }
  return answer;
}

HttpAnswer ExportHandler::refuse_oversized_body(const IncomingRequest& headers) {
  IncomingRequest declared = headers;
  declared.content_length = limits_.max_body_bytes + 1;  // what the body turned out to be, at least
  {
    std::lock_guard lock(mutex_);
    ++stats_.requests;
    ++stats_.bad_requests;
  }
  return *refuse_declared_length(declared, limits_);
}

HttpAnswer ExportHandler::handle(IncomingRequest request) {
  Verdict verdict = admit_request(std::move(request), limits_);
  const bool is_export = verdict.refusal != Refusal::not_found && verdict.refusal != Refusal::bad_method;
  if (is_export) {
    std::lock_guard lock(mutex_);
    ++stats_.requests;
  }
  count(verdict.refusal);
  if (auto* answer = std::get_if<HttpAnswer>(&verdict.outcome)) return std::move(*answer);
  return deliver(std::get<AdmittedExport>(verdict.outcome));
}

HttpAnswer ExportHandler::deliver(const AdmittedExport& admitted) {
  Expected<DecodedSpans> decoded = decode(admitted);
  if (!decoded) {
    count(Refusal::bad_request);
    return malformed_answer(admitted.format, decoded.error().message);
  }
  const std::size_t span_count = decoded->spans.size();
  if (span_count > 0) {
    const bool closing = sink_.closing();
    if (closing || !sink_.accept(std::move(decoded->spans))) {
      count(Refusal::throttled);
      const Throttle why = closing ? Throttle::shutting_down : Throttle::sink_full;
      return throttled_answer(admitted.format, why, retry_after_seconds_);
    }
  }
  {
    std::lock_guard lock(mutex_);
    stats_.spans_accepted += span_count;
    stats_.spans_rejected += decoded->rejected;
    if (span_count > 0) stats_.last_batch = std::chrono::steady_clock::now();
  }
  return accepted_answer(admitted.format, decoded->rejected, decoded->rejection_reason);
}

void ExportHandler::count(Refusal refusal) {
  std::lock_guard lock(mutex_);
  switch (refusal) {
    case Refusal::none:
    case Refusal::not_found:
    case Refusal::bad_method: break;  // 404/405 are not export requests, so not counted as bad ones
    case Refusal::bad_request: ++stats_.bad_requests; break;
    case Refusal::throttled: ++stats_.throttled; break;
  }
}

ReceiverStats ExportHandler::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace glassbox::probes::receiver
