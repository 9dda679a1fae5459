// The built-in demo service: a small HTTP API with real validation and branches, so the
// quick start has something real to test. It serves on its own thread.
//
// Endpoints (JSON in and out):
//   GET  /healthz                         -> 200 {"status":"ok"}
//   POST /triangle  {"a":int,"b":int,"c":int}   sides 1..200
//        -> 200 {"kind":"equilateral"|"isosceles"|"scalene"|"not_a_triangle"}
//        -> 400 {"error":..., "field":...} for missing, non-integer or out-of-range sides
//   GET  /nextdate?date=YYYY-MM-DD        years 1812..2212 -> 200 {"next":"YYYY-MM-DD"}; 400 otherwise
//   POST /discount {"member":bool,"amount":number,"coupon":bool}  amount 0..10000
//        -> 200 {"discount_pct":int,"rule":"R1".."R4"} (a decision table); 400 on bad input
//   POST /orders {"item":string(1..40),"quantity":int 1..99} -> 201 {"id":..,"state":"created"}
//   GET  /orders/{id} -> 200 order | 404
//   POST /orders/{id}/pay|ship|deliver|cancel -> 200 order | 409 {"error":"invalid transition"}
//   unknown path -> 404, wrong method -> 405, malformed JSON -> 400
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "suites/model/expected.hpp"

namespace glassbox::probes {

struct DemoOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;   // 0 = any free port
};

class DemoService {
 public:
  virtual ~DemoService() = default;
  virtual std::uint16_t port() const = 0;
  virtual std::string base_url() const = 0;   // "http://127.0.0.1:PORT"
  virtual void stop() = 0;                     // idempotent; also done by the destructor
};

// Binds and starts serving; an error when the address cannot be bound.
Expected<std::unique_ptr<DemoService>> start_demo_service(const DemoOptions& options);

}  // namespace glassbox::probes
