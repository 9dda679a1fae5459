#include "probes/demo/tracing.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

#include "probes/http/trace_context.hpp"

namespace glassbox::probes::demo {
namespace {

// One open span of this thread. A frame with no sink is an unsampled request: its children
// see it and record nothing either.
struct Frame {
  SpanSink* sink = nullptr;
  SpanRecord* record = nullptr;
  SpanKind kind = SpanKind::internal;
};

std::vector<Frame>& open_spans() {
  thread_local std::vector<Frame> frames;
  return frames;
}

void pop_frame(const SpanRecord* record) {
  auto& frames = open_spans();
  // Scopes nest, so this is the last frame; searching keeps a misuse from popping another.
  const auto it = std::find_if(frames.rbegin(), frames.rend(),
                               [record](const Frame& f) { return f.record == record; });
  if (it != frames.rend()) frames.erase(std::next(it).base());
}

}  // namespace

void SpanRecord::set(std::string_view key, AttributeValue value) {
  for (auto& attribute : attributes) {
    if (attribute.key == key) {
      attribute.value = std::move(value);
      return;
    }
  }
  attributes.push_back({std::string(key), std::move(value)});
}

const AttributeValue* SpanRecord::find(std::string_view key) const {
  for (const auto& attribute : attributes) {
    if (attribute.key == key) return &attribute.value;
  }
  return nullptr;
}

std::uint64_t unix_nanos_now() {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch).count());
}

ServerSpan::ServerSpan(SpanSink& sink, std::string_view traceparent, std::string name)
    : sink_(&sink) {
  record_.name = std::move(name);
  record_.kind = SpanKind::server;
  record_.span_id = new_span_id();
  const auto parent = traceparent.empty() ? std::nullopt : parse_traceparent(traceparent);
  if (parent) {
    record_.trace_id = parent->trace_id;
    record_.parent_span_id = parent->parent_id;
    record_.flags = kSpanFlagHasIsRemote | kSpanFlagIsRemote;
    if (parent->sampled) {
      record_.flags |= kSpanFlagSampled;
    } else {
      sink_ = nullptr;  // the caller decided not to sample this trace
    }
  } else {
    record_.trace_id = new_trace_id();
    record_.flags = kSpanFlagHasIsRemote | kSpanFlagSampled;
  }
  open_spans().push_back({sink_, &record_, SpanKind::server});
  record_.start_unix_nano = unix_nanos_now();
}

ServerSpan::~ServerSpan() {
  record_.end_unix_nano = unix_nanos_now();
  pop_frame(&record_);
  if (sink_ != nullptr) sink_->submit(std::move(record_));
}

ScopedSpan::ScopedSpan(std::string name) {
  auto& frames = open_spans();
  if (frames.empty() || frames.back().sink == nullptr) return;
  const SpanRecord& parent = *frames.back().record;
  sink_ = frames.back().sink;
  record_.name = std::move(name);
  record_.kind = SpanKind::internal;
  record_.trace_id = parent.trace_id;
  record_.span_id = new_span_id();
  record_.parent_span_id = parent.span_id;
  // The parent is in this process: remoteness known, not remote; sampling is inherited.
  record_.flags = kSpanFlagHasIsRemote | (parent.flags & kSpanFlagSampled);
  frames.push_back({sink_, &record_, SpanKind::internal});
  record_.start_unix_nano = unix_nanos_now();
}

ScopedSpan::~ScopedSpan() {
  if (sink_ == nullptr) return;
  record_.end_unix_nano = unix_nanos_now();
  pop_frame(&record_);
  sink_->submit(std::move(record_));
}

void ScopedSpan::set(std::string_view key, AttributeValue value) {
  if (sink_ != nullptr) record_.set(key, std::move(value));
}

void ScopedSpan::set_error(std::string message) {
  if (sink_ == nullptr) return;
  record_.status = SpanStatus::error;
  record_.status_message = std::move(message);
}

SpanRecord* current_server_span() {
  auto& frames = open_spans();
  for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
    if (it->kind == SpanKind::server) return it->sink != nullptr ? it->record : nullptr;
  }
  return nullptr;
}

}  // namespace glassbox::probes::demo
