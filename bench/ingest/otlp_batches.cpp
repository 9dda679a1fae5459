// What a Node or Java SDK exporting an order service's spans puts on the wire, field by
// field; the attribute sets follow the HTTP and database semantic conventions so the
// decoder sees the key lengths, value types and nesting real exports have.
#include "bench/ingest/otlp_batches.hpp"

#include <algorithm>
#include <initializer_list>
#include <random>
#include <string_view>
#include <utility>

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"

namespace glassbox::bench {
namespace {

namespace otlp_collector = opentelemetry::proto::collector::trace::v1;
namespace otlp_trace = opentelemetry::proto::trace::v1;
namespace otlp_common = opentelemetry::proto::common::v1;

using Attributes = google::protobuf::RepeatedPtrField<otlp_common::KeyValue>;

void add(Attributes* attributes, std::string_view key, std::string_view value) {
  auto* pair = attributes->Add();
  pair->set_key(std::string(key));
  pair->mutable_value()->set_string_value(std::string(value));
}

void add(Attributes* attributes, std::string_view key, std::int64_t value) {
  auto* pair = attributes->Add();
  pair->set_key(std::string(key));
  pair->mutable_value()->set_int_value(value);
}

void add(Attributes* attributes, std::string_view key, bool value) {
  auto* pair = attributes->Add();
  pair->set_key(std::string(key));
  pair->mutable_value()->set_bool_value(value);
}

std::string random_bytes(std::mt19937_64& random, int length) {
  std::string bytes;
  while (static_cast<int>(bytes.size()) < length) {
    const std::uint64_t word = random();
    for (int i = 0; i < 8 && static_cast<int>(bytes.size()) < length; ++i)
      bytes.push_back(static_cast<char>(word >> (8 * i) & 0xff));
  }
  return bytes;
}

void set_resource(otlp_trace::ResourceSpans* resource_spans) {
  auto* attributes = resource_spans->mutable_resource()->mutable_attributes();
  add(attributes, "service.name", "orders");
  add(attributes, "service.version", "2.14.1");
  add(attributes, "service.instance.id", "6f1c2a7e-0b5d-4b8e-9a43-21d7c0f5e9b2");
  add(attributes, "deployment.environment.name", "beta");
  add(attributes, "host.name", "orders-7d9f8b6c5-x2k4q");
  add(attributes, "process.pid", std::int64_t{4711});
  add(attributes, "process.runtime.name", "nodejs");
  add(attributes, "process.runtime.version", "20.20.2");
  add(attributes, "telemetry.sdk.name", "opentelemetry");
  add(attributes, "telemetry.sdk.language", "nodejs");
  add(attributes, "telemetry.sdk.version", "2.0.1");
}

// Writes a trace's spans, in the order an SDK exports them, into the two scopes: HTTP spans
// to the instrumentation's scope, the rest to the service's own.
class TraceWriter final {
 public:
  TraceWriter(std::mt19937_64& random, otlp_trace::ScopeSpans* http_scope, otlp_trace::ScopeSpans* app_scope)
      : random_(random), http_scope_(http_scope), app_scope_(app_scope) {}

  void write(int trace_number, int span_count) {
    trace_id_ = random_bytes(random_, 16);
    start_ = 1'764'000'000'000'000'000ull + static_cast<std::uint64_t>(trace_number) * 5'000'000ull;
    const bool failed = trace_number % 10 == 0;  // one request in ten ends in a 4xx
    const std::string server = random_bytes(random_, 8);
    const std::string remote_parent = random_bytes(random_, 8);
    const std::string decide = random_bytes(random_, 8);
    for (int i = 0; i < span_count; ++i) {
      switch (i) {
        case 0: server_span(server, remote_parent, failed); break;
        case 1: internal_span(server, "parse_body", {{"branch", "ok"}}, 10, 40); break;
        case 2: internal_span(server, "validate", {{"branch", failed ? "out_of_range" : "ok"}, {"field", "quantity"}}, 50, 80); break;
        case 3: decide_span(decide, server, failed); break;
        case 4: internal_span(decide, "rule.R2", {{"branch", "matched"}}, 140, 150); break;
        case 5: db_span(decide); break;
        case 6: client_span(decide); break;
        default: internal_span(server, "render", {{"content.type", "application/json"}}, 3900, 4100); break;
      }
    }
  }

 private:
  otlp_trace::Span* span(otlp_trace::ScopeSpans* scope, const std::string& id, const std::string& parent,
                         std::string_view name, otlp_trace::Span::SpanKind kind, std::uint64_t from_us,
                         std::uint64_t to_us) {
    auto* out = scope->add_spans();
    out->set_trace_id(trace_id_);
    out->set_span_id(id);
    out->set_parent_span_id(parent);
    out->set_name(std::string(name));
    out->set_kind(kind);
    out->set_start_time_unix_nano(start_ + from_us * 1000);
    out->set_end_time_unix_nano(start_ + to_us * 1000);
    out->set_flags(0x101);  // sampled, parent locality known (local)
    return out;
  }

  void server_span(const std::string& id, const std::string& remote_parent, bool failed) {
    auto* out = span(http_scope_, id, remote_parent, "POST /orders/{id}/pay", otlp_trace::Span::SPAN_KIND_SERVER, 0, 4200);
    out->set_flags(0x301);  // the parent is the caller's: remote
    auto* a = out->mutable_attributes();
    add(a, "http.request.method", "POST");
    add(a, "http.route", "/orders/{id}/pay");
    add(a, "url.path", "/orders/o-83411/pay");
    add(a, "url.scheme", "http");
    add(a, "server.address", "orders.shop.svc.cluster.local");
    add(a, "server.port", std::int64_t{8080});
    add(a, "network.protocol.version", "1.1");
    add(a, "client.address", "10.42.3.17");
    add(a, "user_agent.original", "glassbox/0.1.0");
    add(a, "http.response.status_code", std::int64_t{failed ? 400 : 200});
    if (failed) out->mutable_status()->set_code(otlp_trace::Status::STATUS_CODE_ERROR);
  }

  void internal_span(const std::string& parent, std::string_view name,
                     std::initializer_list<std::pair<std::string_view, std::string_view>> attributes,
                     std::uint64_t from_us, std::uint64_t to_us) {
    auto* out = span(app_scope_, random_bytes(random_, 8), parent, name, otlp_trace::Span::SPAN_KIND_INTERNAL, from_us, to_us);
    for (const auto& [key, value] : attributes) add(out->mutable_attributes(), key, value);
  }

  void decide_span(const std::string& id, const std::string& parent, bool failed) {
    auto* out = span(app_scope_, id, parent, "decide", otlp_trace::Span::SPAN_KIND_INTERNAL, 100, 3800);
    auto* a = out->mutable_attributes();
    add(a, "branch", failed ? "R4" : "R2");
    add(a, "member", true);
    add(a, "coupon", false);
    add(a, "amount", std::int64_t{4999});
    if (!failed) return;
    auto* event = out->add_events();
    event->set_name("exception");
    event->set_time_unix_nano(start_ + 3'700'000);
    add(event->mutable_attributes(), "exception.type", "RangeError");
    add(event->mutable_attributes(), "exception.message", "amount exceeds the order's limit");
    out->mutable_status()->set_code(otlp_trace::Status::STATUS_CODE_ERROR);
    out->mutable_status()->set_message("amount exceeds the order's limit");
  }

  void db_span(const std::string& parent) {
    auto* out = span(app_scope_, random_bytes(random_, 8), parent, "SELECT shop.orders", otlp_trace::Span::SPAN_KIND_CLIENT, 160, 1900);
    auto* a = out->mutable_attributes();
    add(a, "db.system.name", "postgresql");
    add(a, "db.namespace", "shop");
    add(a, "db.collection.name", "orders");
    add(a, "db.operation.name", "SELECT");
    add(a, "db.query.text", "SELECT id, state, total FROM orders WHERE id = $1");
    add(a, "server.address", "postgres.shop.svc.cluster.local");
    add(a, "server.port", std::int64_t{5432});
  }

  void client_span(const std::string& parent) {
    auto* out = span(http_scope_, random_bytes(random_, 8), parent, "POST", otlp_trace::Span::SPAN_KIND_CLIENT, 2000, 3600);
    auto* a = out->mutable_attributes();
    add(a, "http.request.method", "POST");
    add(a, "url.full", "http://payments.shop.svc.cluster.local:8080/charges");
    add(a, "server.address", "payments.shop.svc.cluster.local");
    add(a, "server.port", std::int64_t{8080});
    add(a, "network.protocol.version", "1.1");
    add(a, "http.response.status_code", std::int64_t{201});
  }

  std::mt19937_64& random_;
  otlp_trace::ScopeSpans* http_scope_;
  otlp_trace::ScopeSpans* app_scope_;
  std::string trace_id_;
  std::uint64_t start_ = 0;
};

}  // namespace

std::vector<std::string> make_export_batches(int count, int spans_per_batch, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::vector<std::string> bodies;
  int trace_number = 0;
  for (int b = 0; b < count; ++b) {
    otlp_collector::ExportTraceServiceRequest request;
    auto* resource_spans = request.add_resource_spans();
    set_resource(resource_spans);
    auto* http_scope = resource_spans->add_scope_spans();
    http_scope->mutable_scope()->set_name("@opentelemetry/instrumentation-http");
    http_scope->mutable_scope()->set_version("0.203.0");
    auto* app_scope = resource_spans->add_scope_spans();
    app_scope->mutable_scope()->set_name("orders");
    TraceWriter writer(random, http_scope, app_scope);
    for (int written = 0; written < spans_per_batch; written += kSpansPerTrace)
      writer.write(trace_number++, std::min(kSpansPerTrace, spans_per_batch - written));
    bodies.push_back(request.SerializeAsString());
  }
  return bodies;
}

}  // namespace glassbox::bench
