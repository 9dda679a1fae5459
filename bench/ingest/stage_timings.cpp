// Each stage is timed over the same bodies in its own loop, so the figures add up only
// roughly (caches and the allocator's state differ between loops); the decode figure is the
// real one, the parts say which of its pieces dominate. Times are the thread's CPU time,
// not the wall clock: on a shared machine other processes' turns on the core would
// otherwise count as ours.
#include "bench/ingest/stage_timings.hpp"

#include <time.h>

#include <climits>
#include <cstdint>
#include <utility>

#include <google/protobuf/arena.h>

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"
#include "probes/receiver/export_handler.hpp"
#include "probes/spans/any_value.hpp"
#include "probes/spans/decode.hpp"
#include "probes/spans/span_ids.hpp"

namespace glassbox::bench {
namespace {

namespace otlp_collector = opentelemetry::proto::collector::trace::v1;
// CPU time of the calling thread, in milliseconds.
double cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// Counts and frees: what the receiver's own sink costs is not the subject here.
class DiscardingSink final : public probes::SpanSink {
 public:
  bool accept(std::vector<Span>&& spans) override {
    count += spans.size();
    return true;
  }
  std::uint64_t count = 0;
};

// Milliseconds per batch of `work(body)` over `rounds` passes through the bodies.
template <typename Work>
double per_batch_ms(const std::vector<std::string>& bodies, int rounds, Work&& work) {
  const double start = cpu_ms();
  for (int r = 0; r < rounds; ++r)
    for (const std::string& body : bodies) work(body);
  return (cpu_ms() - start) / (static_cast<double>(rounds) * static_cast<double>(bodies.size()));
}

std::vector<otlp_collector::ExportTraceServiceRequest> parse_all(const std::vector<std::string>& bodies) {
  std::vector<otlp_collector::ExportTraceServiceRequest> parsed(bodies.size());
  for (std::size_t i = 0; i < bodies.size(); ++i)
    parsed[i].ParseFromArray(bodies[i].data(), static_cast<int>(bodies[i].size()));
  return parsed;
}

// Runs `work(span)` on every span of every parsed request, `rounds` times; ms per batch.
template <typename Work>
double per_batch_over_spans(const std::vector<otlp_collector::ExportTraceServiceRequest>& parsed, int rounds,
                            Work&& work) {
  const double start = cpu_ms();
  for (int r = 0; r < rounds; ++r)
    for (const auto& request : parsed)
      for (const auto& resource_spans : request.resource_spans())
        for (const auto& scope_spans : resource_spans.scope_spans())
          for (const auto& span : scope_spans.spans()) work(resource_spans, span);
  return (cpu_ms() - start) / (static_cast<double>(rounds) * static_cast<double>(parsed.size()));
}

}  // namespace

StageTimings time_stages(const std::vector<std::string>& bodies, int rounds) {
  StageTimings t;
  std::size_t sink_hole = 0;  // results are used, so the loops are not optimised away

  t.parse_ms = per_batch_ms(bodies, rounds, [&](const std::string& body) {
    otlp_collector::ExportTraceServiceRequest request;
    sink_hole += request.ParseFromArray(body.data(), static_cast<int>(body.size()));
  });

  t.parse_arena_ms = per_batch_ms(bodies, rounds, [&](const std::string& body) {
    google::protobuf::Arena arena;
    auto* request = google::protobuf::Arena::CreateMessage<otlp_collector::ExportTraceServiceRequest>(&arena);
    sink_hole += request->ParseFromArray(body.data(), static_cast<int>(body.size()));
  });

  const auto parsed = parse_all(bodies);
  t.ids_hex_ms = per_batch_over_spans(parsed, rounds, [&](const auto&, const auto& span) {
    sink_hole += probes::span_ids::to_hex(span.trace_id()).size() + probes::span_ids::to_hex(span.span_id()).size() +
                 probes::span_ids::to_hex(span.parent_span_id()).size();
  });
  t.attributes_ms = per_batch_over_spans(parsed, rounds, [&](const auto&, const auto& span) {
    sink_hole += probes::to_value(span.attributes()).size();
    for (const auto& event : span.events()) sink_hole += probes::to_value(event.attributes()).size();
  });
  const Value resource = probes::to_value(parsed.front().resource_spans(0).resource().attributes());
  t.resource_copy_ms = per_batch_over_spans(parsed, rounds, [&](const auto&, const auto&) {
    Value copy = resource;
    sink_hole += copy.size();
  });

  // Decoding and destruction apart: the decoded Spans of one pass are kept, then freed.
  double decode_total = 0, destroy_total = 0;
  for (int r = 0; r < rounds; ++r) {
    std::vector<Expected<probes::DecodedSpans>> decoded;
    decoded.reserve(bodies.size());
    const double start = cpu_ms();
    for (const std::string& body : bodies) decoded.push_back(probes::decode_otlp_protobuf(body));
    const double decoded_at = cpu_ms();
    for (const auto& d : decoded) sink_hole += d ? d->spans.size() : 0;
    decoded.clear();
    const double freed_at = cpu_ms();
    decode_total += decoded_at - start;
    destroy_total += freed_at - decoded_at;
  }
  const double batches = static_cast<double>(rounds) * static_cast<double>(bodies.size());
  t.decode_ms = decode_total / batches;
  t.destroy_ms = destroy_total / batches;

  DiscardingSink sink;
  probes::receiver::ExportHandler handler(sink, {}, 1);
  t.handler_ms = per_batch_ms(bodies, rounds, [&](const std::string& body) {
    probes::receiver::IncomingRequest request;
    request.method = "POST";
    request.target = "/v1/traces";
    request.content_type = "application/x-protobuf";
    request.content_length = body.size();
    request.body = body;  // the server moves the body it read; this copy is the bench's own
    sink_hole += handler.handle(std::move(request)).body.size();
  });
  if (sink_hole == 0 || sink.count == 0) t.handler_ms = -1;  // cannot happen with real bodies
  return t;
}

}  // namespace glassbox::bench
