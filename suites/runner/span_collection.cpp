#include "suites/runner/span_collection.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "probes/grpc/grpc_receiver.hpp"
#include "reports/verdicts/correlation.hpp"

namespace glassbox::runner {

Expected<probes::ReceiverOptions> parse_listen(std::string_view text, std::string_view option) {
  auto colon = text.rfind(':');
  if (colon == std::string_view::npos)
    return Error(fmt::format("{} must be ADDRESS:PORT (e.g. 127.0.0.1:{}, or 127.0.0.1:0 for any free port), got '{}'",
                             option, option == "--listen-grpc" ? probes::kOtlpGrpcPort : 4318, text));
  std::string_view host = text.substr(0, colon);
  std::string_view port_text = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port > 65535)
    return Error(fmt::format("{} {}: '{}' is not a port number (0-65535)", option, text, port_text));
  probes::ReceiverOptions options;
  options.address = host.empty() ? "127.0.0.1" : std::string(host);
  options.port = static_cast<std::uint16_t>(port);
  return options;
}

bool SpanCollector::accept(std::vector<Span>&& spans) {
  std::lock_guard lock(mutex_);
  if (spans_.size() + spans.size() > max_spans_) return false;
  spans_.insert(spans_.end(), std::make_move_iterator(spans.begin()), std::make_move_iterator(spans.end()));
  return true;
}

std::vector<Span> SpanCollector::take() {
  std::lock_guard lock(mutex_);
  return std::exchange(spans_, {});
}

std::size_t SpanCollector::size() const {
  std::lock_guard lock(mutex_);
  return spans_.size();
}

SpanListeners::SpanListeners(std::unique_ptr<probes::SpanReceiver> http, std::unique_ptr<probes::SpanReceiver> grpc)
    : http_(std::move(http)), grpc_(std::move(grpc)) {}

SpanListeners::~SpanListeners() { stop(); }

std::uint16_t SpanListeners::port() const { return http_ ? http_->port() : 0; }

std::string SpanListeners::endpoint() const { return http_ ? http_->endpoint() : std::string(); }

probes::ReceiverStats SpanListeners::stats() const {
  probes::ReceiverStats total;
  for (const probes::SpanReceiver* receiver : {http_.get(), grpc_.get()}) {
    if (!receiver) continue;
    const probes::ReceiverStats s = receiver->stats();
    total.requests += s.requests;
    total.spans_accepted += s.spans_accepted;
    total.spans_rejected += s.spans_rejected;
    total.bad_requests += s.bad_requests;
    total.throttled += s.throttled;
    total.last_batch = std::max(total.last_batch, s.last_batch);
  }
  return total;
}

void SpanListeners::stop() {
  if (http_) http_->stop();
  if (grpc_) grpc_->stop();
}

Expected<std::unique_ptr<SpanListeners>> start_span_listeners(const std::optional<probes::ReceiverOptions>& http,
                                                             const std::optional<probes::ReceiverOptions>& grpc,
                                                             probes::SpanSink& sink) {
  std::unique_ptr<probes::SpanReceiver> http_receiver, grpc_receiver;
  if (http) {
    auto started = probes::start_span_receiver(*http, sink);
    if (!started) return started.error();
    http_receiver = std::move(started.value());
  }
  if (grpc) {
    auto started = probes::start_grpc_span_receiver(*grpc, sink);
    if (!started) return started.error();  // the HTTP receiver stops as it goes
    grpc_receiver = std::move(started.value());
  }
  return std::make_unique<SpanListeners>(std::move(http_receiver), std::move(grpc_receiver));
}

std::chrono::milliseconds settle(std::chrono::milliseconds quiet, std::chrono::milliseconds limit,
                                 const std::function<std::chrono::steady_clock::time_point()>& last_batch,
                                 const std::function<bool()>& interrupted) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  while (!interrupted()) {
    const auto now = Clock::now();
    if (now - start >= limit) break;
    // Quiet: nothing arrived during the last `quiet`, counting from the later of the last
    // batch and the start of the wait (a batch may be in flight when the probes finish).
    const auto since = std::max(last_batch(), start);
    if (now - since >= quiet) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

FetchedSpans fetch_case_traces(probes::TraceSource& source, const reports::RunResults& results, bool verify_tls) {
  std::vector<std::string> trace_ids, known_parents;
  for (const reports::CaseResult& c : results.cases) {
    if (c.trace_id.empty() || c.attempts.empty()) continue;   // never sent: nothing to fetch
    trace_ids.push_back(c.trace_id);
    for (const reports::Attempt& a : c.attempts) known_parents.push_back(a.span_id);
  }
  FetchedSpans out;
  out.requested = trace_ids.size();
  if (trace_ids.empty()) return out;
  probes::TraceQueryOptions options;
  options.verify_tls = verify_tls;
  for (auto& [trace_id, fetched] : source.fetch(trace_ids, known_parents, options)) {
    out.complete += fetched.complete;
    for (Span& s : fetched.spans) out.spans.push_back(std::move(s));
  }
  return out;
}

void attach_spans(reports::RunResults& results, std::vector<Span> spans, std::string source) {
  std::set<std::string> trace_ids, probe_span_ids;
  for (const reports::CaseResult& c : results.cases) {
    if (!c.trace_id.empty()) trace_ids.insert(c.trace_id);
    for (const reports::Attempt& a : c.attempts) probe_span_ids.insert(a.span_id);
  }
  reports::Correlation correlation = reports::correlate(std::move(spans), trace_ids, probe_span_ids);
  reports::Telemetry& t = results.telemetry;
  t.collected = true;
  t.source = std::move(source);
  t.received = correlation.received;
  t.matched = correlation.matched;
  t.unmatched = correlation.unmatched;
  t.duplicates = correlation.duplicates;
  t.orphans = 0;
  for (const auto& [service, n] : correlation.unmatched_by_service) t.unmatched_by_service[service] = n;
  for (reports::CaseResult& c : results.cases) {
    auto it = correlation.traces.find(c.trace_id);
    if (it == correlation.traces.end()) continue;
    t.orphans += it->second.orphans();
    c.spans = reports::waterfall_rows(it->second);
  }
}

}  // namespace glassbox::runner
