// A SpanSink for the receiver tests (HTTP and gRPC): keeps every span it takes, and can be told
// to refuse (the receivers answer 429 / UNAVAILABLE) or to be closing (503). Thread-safe.
#pragma once

#include <atomic>
#include <mutex>
#include <vector>

#include "probes/receiver/span_receiver.hpp"

namespace glassbox::probes::test {

enum class SinkMode { accepting, full, closing };

class TestSink final : public SpanSink {
 public:
  bool accept(std::vector<Span>&& spans) override;
  bool closing() const override { return mode_.load() == SinkMode::closing; }

  void set_mode(SinkMode mode) { mode_.store(mode); }
  std::vector<Span> spans() const;
  std::size_t batches() const;

 private:
  std::atomic<SinkMode> mode_{SinkMode::accepting};
  mutable std::mutex mutex_;
  std::vector<Span> spans_;
  std::size_t batches_ = 0;
};

}  // namespace glassbox::probes::test
