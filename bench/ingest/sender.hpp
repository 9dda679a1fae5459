// The benchmark's client: sends prepared OTLP/HTTP protobuf bodies to 127.0.0.1:port over
// kept-alive connections, one thread and one connection each, synchronously (Beast), and
// checks every answer is 200.
//
// send_batches is safe to call from any thread; it starts and joins its own.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace glassbox::bench {

struct SendTotals {
  std::uint64_t batches = 0;          // requests sent (answered or not)
  std::uint64_t spans = 0;            // spans in those requests
  double cpu_seconds = 0;             // user + system time of the sending threads
  std::vector<std::string> failures;  // "connection 1: batch 7: status 429", at most a few
};

// Sends `batches` requests in all, cycling through `bodies` (each holding
// `spans_per_batch` spans), split evenly over `connections` connections.
SendTotals send_batches(std::uint16_t port, const std::vector<std::string>& bodies, long batches,
                        int spans_per_batch, int connections);

}  // namespace glassbox::bench
