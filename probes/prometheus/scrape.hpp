// Reading metrics from the outside: one scrape of a /metrics endpoint, and one instant query
// against a Prometheus-compatible API (Prometheus, Thanos, Mimir, VictoriaMetrics).
//
// Threading: each call runs its own HTTP client on the calling thread and returns when the
// exchange is over; calls on different threads are independent.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "probes/prometheus/exposition.hpp"
#include "suites/model/expected.hpp"

namespace glassbox::prometheus {

struct FetchOptions {
  std::chrono::milliseconds timeout{10000};
  bool verify_tls = true;
};

struct Scrape {
  Exposition exposition;
  ExpositionFormat format = ExpositionFormat::Text;    // as the Content-Type announced it
  std::chrono::system_clock::time_point taken_at;      // when the response arrived
};

// GET url with an Accept header preferring OpenMetrics, then the 0.0.4 text format. Errors:
// "scrape http://...: connect to 127.0.0.1:9: connection refused", "... answered HTTP 503",
// or the parser's "metrics line L, column C: ..." prefixed with the URL.
Expected<Scrape> scrape_metrics(const std::string& url, const FetchOptions& options = {});

struct InstantSample {
  Labels labels;                 // sorted, including __name__ when the series has one
  double value = 0;
  double timestamp_seconds = 0;
};

// GET {base_url}/api/v1/query?query=...[&time=...]. A vector result gives one sample per
// series, a scalar one sample without labels. Errors: transport failures, a non-JSON body,
// Prometheus' own {"status":"error","errorType":...,"error":...} as "prometheus query
// failed (bad_data): ...", and matrix or string results.
Expected<std::vector<InstantSample>> query_instant(const std::string& base_url, const std::string& promql,
                                                   std::optional<double> time_seconds = std::nullopt,
                                                   const FetchOptions& options = {});

// The decoding half of query_instant, for any HTTP status and body.
Expected<std::vector<InstantSample>> decode_query_response(int http_status, std::string_view body);

// RFC 3986 percent-encoding of everything but the unreserved characters.
std::string percent_encode(std::string_view text);

}  // namespace glassbox::prometheus
