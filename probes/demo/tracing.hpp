// A tiny tracer for the demo service: the spans a real instrumented service would emit, so
// glassbox's span receiver and coverage can be exercised end to end against the demo.
//
// One request = one ServerSpan, opened by the tracing middleware (tracing_middleware.hpp). It
// continues an incoming W3C traceparent (the probe's span becomes its remote parent) or
// starts a new trace. While it is open, ScopedSpan objects anywhere below it on the same
// thread become its children (the innermost open span is the parent), the way OpenTelemetry's
// implicit context works; with no open ServerSpan a ScopedSpan records nothing, so the
// endpoint functions stay callable from plain unit tests.
//
// Finished spans go to a SpanSink (the OTLP exporter, or a test's collector).
//
// Thread-safety: the "current span" is per thread. ServerSpan and ScopedSpan must be
// created and destroyed on one thread, in nested (stack) order, which C++ scopes give.
// SpanSink::submit may be called from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace glassbox::probes::demo {

using AttributeValue = std::variant<std::string, std::int64_t, double, bool>;

struct SpanAttribute {
  std::string key;
  AttributeValue value;
};

enum class SpanKind { internal, server, client };
enum class SpanStatus { unset, error };

// OTLP Span.flags: the low byte carries the W3C trace flags; bits 8 and 9 say whether the
// parent's remoteness is known and whether the parent is remote.
inline constexpr std::uint32_t kSpanFlagSampled = 0x01;
inline constexpr std::uint32_t kSpanFlagHasIsRemote = 0x100;
inline constexpr std::uint32_t kSpanFlagIsRemote = 0x200;

// A link to a span of another trace (a run's case spans link to the run's root span).
struct SpanLink {
  std::string trace_id;        // 32 lowercase hex
  std::string span_id;         // 16 lowercase hex
};

struct SpanRecord {
  std::string trace_id;        // 32 lowercase hex
  std::string span_id;         // 16 lowercase hex
  std::string parent_span_id;  // 16 lowercase hex; "" for a root span
  std::string name;
  SpanKind kind = SpanKind::internal;
  std::uint64_t start_unix_nano = 0;  // system_clock
  std::uint64_t end_unix_nano = 0;
  std::uint32_t flags = 0;
  std::vector<SpanAttribute> attributes;
  std::vector<SpanLink> links;
  SpanStatus status = SpanStatus::unset;
  std::string status_message;

  // Sets key, replacing an earlier value of the same key.
  void set(std::string_view key, AttributeValue value);
  // nullptr when the span has no such attribute.
  const AttributeValue* find(std::string_view key) const;
};

class SpanSink {
 public:
  virtual ~SpanSink() = default;
  // Takes a finished span. Must not block for long: it runs on the request path.
  virtual void submit(SpanRecord span) = 0;
};

// Nanoseconds since the Unix epoch, from the system clock (what OTLP timestamps are).
std::uint64_t unix_nanos_now();

class ServerSpan final {
 public:
  // traceparent: the request's header value, "" when it had none. A valid header makes the
  // span continue that trace with the header's parent id as a remote parent; an invalid
  // one is ignored (a new trace starts), as W3C Trace Context asks. A valid header whose
  // sampled flag is off makes this request record nothing (parent-based sampling).
  ServerSpan(SpanSink& sink, std::string_view traceparent, std::string name);
  // Ends the span, submits it and makes the enclosing span (if any) current again.
  ~ServerSpan();
  ServerSpan(const ServerSpan&) = delete;
  ServerSpan& operator=(const ServerSpan&) = delete;

  bool recording() const { return sink_ != nullptr; }
  SpanRecord& record() { return record_; }

 private:
  SpanSink* sink_;
  SpanRecord record_;
};

class ScopedSpan final {
 public:
  // An INTERNAL child of this thread's current span; records nothing when there is none.
  explicit ScopedSpan(std::string name);
  // Ends the span and submits it; its parent becomes current again.
  ~ScopedSpan();
  ScopedSpan(const ScopedSpan&) = delete;
  ScopedSpan& operator=(const ScopedSpan&) = delete;

  bool recording() const { return sink_ != nullptr; }
  void set(std::string_view key, AttributeValue value);
  void set_branch(std::string_view branch) { set("branch", std::string(branch)); }
  void set_error(std::string message);

 private:
  SpanSink* sink_ = nullptr;
  SpanRecord record_;
};

// The innermost open ServerSpan's record on this thread, or nullptr: the router uses it to
// name the span after the matched route ("POST /orders/{id}/pay").
SpanRecord* current_server_span();

}  // namespace glassbox::probes::demo
