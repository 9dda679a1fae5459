#include "reports/verdicts/sli_measure.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

namespace glassbox::reports {

namespace {

std::string probe_scope(const std::string& target, const std::string& request) {
  if (target.empty() && request.empty()) return "all requests";
  if (request.empty()) return "target " + target;
  if (target.empty()) return "request " + request;
  return fmt::format("target {}, request {}", target, request);
}

std::string span_scope(const std::string& service, const std::string& operation) {
  if (service.empty() && operation.empty()) return "all spans";
  if (operation.empty()) return "service " + service;
  if (service.empty()) return "operation " + operation;
  return fmt::format("operation {} of service {}", operation, service);
}

// Histograms merge only with equal bucket geometry; an empty one takes the other's.
void merge_into(Histogram& into, const Histogram& from) {
  if (from.count() == 0) return;
  if (into.count() == 0 && into.sub_bucket_bits() != from.sub_bucket_bits()) into = Histogram(from.sub_bucket_bits());
  if (into.sub_bucket_bits() == from.sub_bucket_bits()) into.merge(from);
}

std::uint64_t lookup(const std::map<std::string, std::uint64_t>& counts, const std::string& key) {
  auto it = counts.find(key);
  return it == counts.end() ? 0 : it->second;
}

void add_load(const RunResults& results, const LoadResult& load, const std::string& target, const std::string& request,
              SliMeasure& m) {
  m.seconds += load.duration_s;
  if (target.empty() && request.empty()) {
    merge_into(m.latency, load.latency);
    m.requests += load.completed;
    m.errors += load.errors;
    return;
  }
  std::set<std::string> keys;
  for (const auto& [key, h] : load.latency_by_request) keys.insert(key);
  for (const auto& [key, n] : load.requests_by_request) keys.insert(key);
  for (const auto& [key, n] : load.errors_by_request) keys.insert(key);
  const std::string prefix = load.suite + "/";
  for (const std::string& key : keys) {
    if (key.rfind(prefix, 0) != 0) continue;
    if (!request.empty() && key.substr(prefix.size()) != request) continue;
    if (!target.empty() && load_request_target(results, key) != target) continue;
    auto latency = load.latency_by_request.find(key);
    const bool has_latency = latency != load.latency_by_request.end();
    if (has_latency) merge_into(m.latency, latency->second);
    auto count = load.requests_by_request.find(key);
    m.requests += count != load.requests_by_request.end() ? count->second : has_latency ? latency->second.count() : 0;
    m.errors += lookup(load.errors_by_request, key);
  }
}

// One request on the wire: a transport error (no response) or a 5xx is an error.
void add_sample(SliMeasure& m, int status, double latency_ms) {
  ++m.requests;
  if (status == 0 || status >= 500) ++m.errors;
  m.latencies_ms.push_back(latency_ms);
}

void add_case(const CaseResult& c, const std::string& request, SliMeasure& m) {
  if (!c.steps.empty()) {
    for (const StepResult& step : c.steps) {
      if (step.outcome == Outcome::Skipped) continue;
      if (!request.empty() && step.request != request) continue;
      add_sample(m, step.status, step.latency_ms);
    }
    return;
  }
  if (c.outcome == Outcome::Skipped) return;
  // An error before anything was sent (nothing on the wire) is no service-level sample.
  if (c.attempts.empty() && c.exchange.status == 0) return;
  if (!request.empty() && c.request != request) return;
  add_sample(m, c.exchange.status, c.exchange.latency_ms);
}

bool in_suite(const std::string& wanted, const std::string& suite) { return wanted.empty() || wanted == suite; }

}  // namespace

double SliMeasure::latency_ms(double q) const {
  if (!latencies_ms.empty()) {
    std::vector<double> sorted = latencies_ms;
    std::sort(sorted.begin(), sorted.end());
    if (q >= 1) return sorted.back();
    auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
    rank = std::clamp<std::size_t>(rank, 1, sorted.size());
    return sorted[rank - 1];
  }
  if (latency.count() == 0) return 0;
  const std::uint64_t us = q >= 1 ? latency.max() : latency.quantile(q);
  return static_cast<double>(us) / 1000.0;
}

double SliMeasure::error_rate() const {
  return requests ? static_cast<double>(errors) / static_cast<double>(requests) : 0;
}

std::optional<double> SliMeasure::throughput() const {
  if (seconds <= 0) return std::nullopt;
  return static_cast<double>(requests) / seconds;
}

std::string case_target(const CaseResult& c) {
  if (!c.target.empty()) return c.target;
  const std::string& url = c.exchange.url;
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  return url.substr(0, url.find('/', scheme + 3));
}

const LoadResult* find_load(const RunResults& results, const std::string& suite) {
  for (const LoadResult& load : results.load)
    if (load.suite == suite) return &load;
  return nullptr;
}

std::string load_request_target(const RunResults& results, const std::string& key) {
  for (const CaseResult& c : results.cases) {
    const std::string target = case_target(c);
    if (target.empty()) continue;
    if (key == c.suite + "/" + c.request) return target;
    for (const StepResult& step : c.steps)
      if (key == c.suite + "/" + step.request) return target;
  }
  return "";
}

SliMeasure measure_load(const RunResults& results, const std::string& suite, const std::string& target,
                        const std::string& request) {
  SliMeasure m;
  m.source = "probe (load)";
  m.scope = probe_scope(target, request);
  for (const LoadResult& load : results.load)
    if (in_suite(suite, load.suite)) add_load(results, load, target, request, m);
  return m;
}

SliMeasure measure_cases(const RunResults& results, const std::string& suite, const std::string& target,
                         const std::string& request) {
  SliMeasure m;
  m.source = "probe (cases)";
  m.scope = probe_scope(target, request);
  m.seconds = results.duration_ms / 1000.0;
  for (const CaseResult& c : results.cases) {
    if (!in_suite(suite, c.suite)) continue;
    if (!target.empty() && case_target(c) != target) continue;
    add_case(c, request, m);
  }
  return m;
}

SliMeasure measure_probe(const RunResults& results, const std::string& suite, const std::string& target,
                         const std::string& request) {
  const bool has_load = std::any_of(results.load.begin(), results.load.end(),
                                    [&](const LoadResult& load) { return in_suite(suite, load.suite); });
  return has_load ? measure_load(results, suite, target, request) : measure_cases(results, suite, target, request);
}

SliMeasure measure_spans(const RunResults& results, const std::string& suite, const std::string& service,
                         const std::string& operation) {
  SliMeasure m;
  m.source = "spans";
  m.scope = span_scope(service, operation);
  m.seconds = results.duration_ms / 1000.0;
  for (const CaseResult& c : results.cases) {
    if (!in_suite(suite, c.suite)) continue;
    for (const TraceSpan& span : c.spans) {
      if (!service.empty() && span.service != service) continue;
      if (!operation.empty() && span.name != operation) continue;
      ++m.requests;
      if (span.status == "error") ++m.errors;
      m.latencies_ms.push_back(span.duration_ms);
    }
  }
  return m;
}

}  // namespace glassbox::reports
