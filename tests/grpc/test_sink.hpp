// A SpanSink for the gRPC receiver tests: keeps every span it takes, and can be told to
// refuse (full) or to be closing; either way the receiver answers UNAVAILABLE. Thread-safe.
#pragma once

#include <atomic>
#include <mutex>
#include <vector>

#include "probes/receiver/span_receiver.hpp"

namespace glassbox::probes::grpc_test {

enum class SinkMode { accepting, full, closing };

class TestSink final : public SpanSink {
 public:
  bool accept(std::vector<Span>&& spans) override;
  bool closing() const override { return mode_.load() == SinkMode::closing; }

  void set_mode(SinkMode mode) { mode_.store(mode); }
  std::vector<Span> spans() const;

 private:
  std::atomic<SinkMode> mode_{SinkMode::accepting};
  mutable std::mutex mutex_;
  std::vector<Span> spans_;
};

}  // namespace glassbox::probes::grpc_test
