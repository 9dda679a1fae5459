#include "tests/grpc/test_sink.hpp"

namespace glassbox::probes::grpc_test {

bool TestSink::accept(std::vector<Span>&& spans) {
  if (mode_.load() != SinkMode::accepting) return false;
  std::lock_guard lock(mutex_);
  for (Span& span : spans) spans_.push_back(std::move(span));
  return true;
}

std::vector<Span> TestSink::spans() const {
  std::lock_guard lock(mutex_);
  return spans_;
}

}  // namespace glassbox::probes::grpc_test
