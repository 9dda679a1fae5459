// The built-in demo service: a small HTTP/1.1 API with real validation and branches, so the
// quick start has something real to test. Keep-alive connections; one background thread
// (and one exporter thread when it exports spans).
//
// Endpoints (JSON in and out; every response has Content-Type: application/json):
//   GET  /healthz                         -> 200 {"status":"ok"}
//   POST /triangle  {"a":int,"b":int,"c":int}   sides are JSON integers 1..200 (3.0 is not)
//        -> 200 {"kind":"equilateral"|"isosceles"|"scalene"|"not_a_triangle"} (strict inequality)
//        -> 400 {"error":"missing field"|"not an integer","field":"a"}
//        -> 400 {"error":"out of range","field":"c","min":1,"max":200}
//   GET  /nextdate?date=YYYY-MM-DD        -> 200 {"next":"YYYY-MM-DD"}
//        -> 400 {"error":"invalid date"}    malformed, or no such day (2021-02-30)
//        -> 400 {"error":"year out of range","min":1812,"max":2212}
//        -> 400 {"error":"missing parameter","field":"date"}
//   POST /discount {"member":bool,"amount":number,"coupon":bool}  amount 0..10000 inclusive
//        -> 200 {"discount_pct":int,"rule":"R1".."R4","bonus":bool}
//           R1 member+coupon 20, R2 member 10, R3 coupon 5, R4 neither 0; amount >= 1000 adds 5
//        -> 400 {"error":"missing field"|"not a boolean"|"not a number"|"out of range","field":..}
//   POST /orders {"item":string 1..40 characters,"quantity":int 1..99}
//        -> 201 {"id":"o-1","state":"created","item":..,"quantity":..}, Location: /orders/o-1
//        -> 400 {"error":"missing field"|"not a string"|"length out of range"|..., "field":..}
//   GET  /orders/{id} -> 200 order | 404 {"error":"no such order"}
//   POST /orders/{id}/pay|ship|deliver|cancel -> 200 order in its new state | 404 (unknown id)
//        -> 409 {"error":"invalid transition","state":"<current>","event":"<event>"}
//        created -pay-> paid -ship-> shipped -deliver-> delivered; created|paid -cancel-> cancelled
// Generic answers:
//   unknown path -> 404 {"error":"not found"}
//   wrong method -> 405 {"error":"method not allowed"} with Allow: the path's methods
//   malformed JSON body -> 400 {"error":"malformed JSON"}; JSON but not an object ->
//        400 {"error":"body must be a JSON object"}
//   body over 1 MiB -> 413 {"error":"body too large","limit":1048576}, connection closed
//   unparseable HTTP -> 400 {"error":"malformed request"}, connection closed
// A request with a valid W3C `traceparent` gets its trace id back in `x-trace-id`.
// With an otlp_endpoint, every request also emits OpenTelemetry spans (a SERVER span that
// continues the traceparent, INTERNAL children with a `branch` attribute for each decision;
// see tracing_middleware.hpp and the endpoint headers), exported as OTLP/HTTP protobuf to
// <otlp_endpoint>/v1/traces; stop() returns after every span has been sent.
// The per-endpoint details live in triangle.hpp, nextdate.hpp, discount.hpp and orders.hpp.
// With options.faults, a deterministic share of requests is delayed (asynchronously: other
// requests are served meanwhile) or answered with {"error":"injected fault"}; see
// demo_faults.hpp for which requests are hit.
//
// Thread-safety: start_demo_service() may be called from any thread, and each service
// serves on its own thread. port() and base_url() are constant after start. stop() may be
// called from any thread except the service's own, and more than once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "probes/demo/demo_faults.hpp"
#include "suites/model/expected.hpp"

namespace glassbox::probes {

struct DemoOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;  // 0 = any free port
  std::string otlp_endpoint;  // "http://127.0.0.1:4318": export spans there; "" = no spans
  std::string service_name = "glassbox-demo";
  DemoFaults faults;          // injected latency and errors; none by default
};

class DemoService {
 public:
  virtual ~DemoService() = default;
  virtual std::uint16_t port() const = 0;
  virtual std::string base_url() const = 0;  // "http://127.0.0.1:PORT"; a wildcard
                                             // address (0.0.0.0, ::) gives its loopback
  // Closes the listening socket and every connection, and joins the service thread.
  // Idempotent; also done by the destructor.
  virtual void stop() = 0;
};

// Binds options.address (an IP address, not a host name) and options.port and starts
// serving. Errors, e.g.:
//   "demo fault latency_ratio=0.5 needs latency_ms" (options.faults, see validate_demo_faults)
//   "invalid OTLP endpoint 'localhost:4318': the scheme must be http:// or https://"
//   "cannot listen on 127.0.0.1:8080: address already in use"
//   "cannot listen on localhost:8080: not an IP address"
Expected<std::unique_ptr<DemoService>> start_demo_service(const DemoOptions& options);

}  // namespace glassbox::probes
