#include "suites/runner/run_export.hpp"

#include <cstdio>
#include <ctime>
#include <vector>

#include <fmt/format.h>

#include "probes/demo/otlp_exporter.hpp"
#include "probes/http/trace_context.hpp"

namespace glassbox::runner {

namespace {

using probes::demo::SpanKind;
using probes::demo::SpanRecord;
using probes::demo::SpanStatus;

constexpr std::uint64_t kNanosPerMs = 1'000'000;

// "2026-11-25T17:56:56.123Z" -> Unix nanoseconds; 0 when it does not parse.
std::uint64_t unix_nanos(const std::string& rfc3339) {
  std::tm tm{};
  int millis = 0;
  if (std::sscanf(rfc3339.c_str(), "%d-%d-%dT%d:%d:%d.%dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                  &tm.tm_min, &tm.tm_sec, &millis) < 6)
    return 0;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  const std::time_t seconds = timegm(&tm);
  if (seconds < 0) return 0;
  return static_cast<std::uint64_t>(seconds) * 1'000'000'000ULL + static_cast<std::uint64_t>(millis) * kNanosPerMs;
}

std::uint64_t ms_to_nanos(double ms) { return ms <= 0 ? 0 : static_cast<std::uint64_t>(ms * kNanosPerMs); }

std::string base_endpoint(std::string endpoint) {
  constexpr std::string_view suffix = "/v1/traces";
  if (endpoint.size() >= suffix.size() && endpoint.compare(endpoint.size() - suffix.size(), suffix.size(), suffix) == 0)
    endpoint.erase(endpoint.size() - suffix.size());
  while (!endpoint.empty() && endpoint.back() == '/') endpoint.pop_back();
  return endpoint;
}

bool failed(reports::Outcome o) { return o == reports::Outcome::Failed || o == reports::Outcome::Error; }

// The case span and its attempts' client spans.
void add_case_spans(const reports::CaseResult& c, std::uint64_t run_start, const SpanRecord& run_span,
                    std::vector<SpanRecord>& out) {
  SpanRecord span;
  span.trace_id = c.trace_id;
  span.span_id = probes::new_span_id();
  span.name = "case " + c.id;
  span.kind = SpanKind::internal;
  span.flags = probes::demo::kSpanFlagSampled;
  span.start_unix_nano = run_start + ms_to_nanos(c.start_offset_ms);
  span.links.push_back({run_span.trace_id, run_span.span_id});
  span.set("glassbox.case.id", c.id);
  span.set("glassbox.suite", c.suite);
  span.set("glassbox.request", c.request);
  span.set("glassbox.technique", c.technique);
  span.set("glassbox.outcome", std::string(reports::to_string(c.outcome)));
  if (!c.expected_outcome.empty()) span.set("glassbox.expected_outcome", c.expected_outcome);
  if (failed(c.outcome)) {
    span.status = SpanStatus::error;
    span.status_message = c.message;
  }
  std::uint64_t at = span.start_unix_nano;
  std::vector<SpanRecord> attempts;
  for (const reports::Attempt& a : c.attempts) {
    if (a.span_id.size() != 16) continue;
    SpanRecord attempt;
    attempt.trace_id = c.trace_id;
    attempt.span_id = a.span_id;
    attempt.parent_span_id = span.span_id;
    attempt.kind = SpanKind::client;
    attempt.flags = probes::demo::kSpanFlagSampled;
    attempt.name = c.exchange.method.empty() ? "request" : c.exchange.method;
    attempt.start_unix_nano = at;
    attempt.end_unix_nano = at + ms_to_nanos(a.latency_ms);
    at = attempt.end_unix_nano;
    if (!c.exchange.method.empty()) attempt.set("http.request.method", c.exchange.method);
    if (!c.exchange.url.empty()) attempt.set("url.full", c.exchange.url);
    if (a.status != 0) attempt.set("http.response.status_code", static_cast<std::int64_t>(a.status));
    if (!a.error.empty()) {
      attempt.set("error.type", a.error);
      attempt.status = SpanStatus::error;
      attempt.status_message = a.error;
    } else if (a.status >= 500) {
      attempt.set("error.type", std::to_string(a.status));
      attempt.status = SpanStatus::error;
    }
    attempts.push_back(std::move(attempt));
  }
  span.end_unix_nano = std::max(at, span.start_unix_nano);
  out.push_back(std::move(span));
  for (SpanRecord& a : attempts) out.push_back(std::move(a));
}

}  // namespace

Expected<RunExportStats> export_run_trace(const reports::RunResults& results, const std::string& endpoint) {
  probes::demo::ExporterOptions options;
  options.endpoint = base_endpoint(endpoint);
  options.resource.service_name = "glassbox";
  options.resource.service_version = results.tool_version;
  options.resource.scope_name = "glassbox.run";
  options.resource.sdk_name = "glassbox";
  options.max_queue = 1u << 22;
  auto exporter = probes::demo::OtlpExporter::start(options);
  if (!exporter) return Error("--otlp-export: " + exporter.error().message);

  const std::uint64_t run_start = unix_nanos(results.started_at);
  SpanRecord run_span;
  run_span.trace_id = probes::new_trace_id();
  run_span.span_id = probes::new_span_id();
  run_span.kind = SpanKind::internal;
  run_span.flags = probes::demo::kSpanFlagSampled;
  std::string suites;
  for (const std::string& s : results.suites) suites += (suites.empty() ? "" : ", ") + s;
  run_span.name = "glassbox run " + suites;
  run_span.start_unix_nano = run_start;
  run_span.end_unix_nano = run_start + ms_to_nanos(results.duration_ms);
  const reports::Totals totals = results.totals();
  run_span.set("glassbox.cases", static_cast<std::int64_t>(totals.cases));
  run_span.set("glassbox.passed", static_cast<std::int64_t>(totals.passed));
  run_span.set("glassbox.failed", static_cast<std::int64_t>(totals.failed));
  run_span.set("glassbox.errors", static_cast<std::int64_t>(totals.errors));
  run_span.set("glassbox.skipped", static_cast<std::int64_t>(totals.skipped));
  if (!results.environment.empty()) run_span.set("glassbox.environment", results.environment);
  if (!results.shard.empty()) run_span.set("glassbox.shard", results.shard);
  run_span.set("glassbox.seed", static_cast<std::int64_t>(results.seed));
  if (!results.passed()) {
    run_span.status = SpanStatus::error;
    run_span.status_message = "the run failed";
  }

  std::vector<SpanRecord> spans;
  spans.push_back(run_span);
  for (const reports::CaseResult& c : results.cases)
    if (c.outcome != reports::Outcome::Skipped && c.trace_id.size() == 32) add_case_spans(c, run_start, run_span, spans);

  RunExportStats stats;
  stats.run_trace_id = run_span.trace_id;
  stats.spans = spans.size();
  for (SpanRecord& s : spans) exporter.value()->submit(std::move(s));
  exporter.value()->stop();
  const probes::demo::ExporterStats sent = exporter.value()->stats();
  stats.exported = sent.exported_spans;
  stats.dropped = sent.dropped_spans;
  return stats;
}

}  // namespace glassbox::runner
