// Hand-built run results for the service-level verdict tests: cases with one exchange, load
// phases with one histogram value repeated (so percentiles are exact), spans.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "reports/model/results.hpp"

namespace glassbox::reports::testing {

// A sent case: one attempt, final exchange with `status` after `latency_ms`. Status 0 is a
// transport error (outcome Error).
inline CaseResult sent_case(std::string id, std::string suite, std::string request, std::string target, int status,
                            double latency_ms) {
  CaseResult c;
  c.id = std::move(id);
  c.suite = std::move(suite);
  c.request = std::move(request);
  c.target = std::move(target);
  c.outcome = status == 0 ? Outcome::Error : Outcome::Passed;
  Attempt a;
  a.status = status;
  a.latency_ms = latency_ms;
  if (status == 0) a.error = "connect: connection refused";
  c.attempts.push_back(a);
  c.exchange.url = "http://127.0.0.1:8080/" + c.request;
  c.exchange.status = status;
  c.exchange.latency_ms = latency_ms;
  return c;
}

inline Histogram repeated(std::uint64_t value_us, std::uint64_t count) {
  Histogram h;
  h.record(value_us, count);
  return h;
}

inline TraceSpan span(std::string name, std::string service, double duration_ms, std::string status = "ok") {
  TraceSpan s;
  s.name = std::move(name);
  s.service = std::move(service);
  s.duration_ms = duration_ms;
  s.status = std::move(status);
  return s;
}

}  // namespace glassbox::reports::testing
