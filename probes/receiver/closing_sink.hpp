// An optional refinement of SpanSink: a sink that can say it is closing for good (the run
// is over, the file is closed). The receiver then answers 503 Service Unavailable instead of
// 429 Too Many Requests, so exporters know the refusal is not about load.
// Plain SpanSinks are never closing. Thread-safety: closing() is called from the receiver's
// thread while others may be closing the sink, so implementations make it safe to call then.
#pragma once

#include "probes/receiver/span_receiver.hpp"

namespace glassbox::probes {

class ClosableSpanSink : public SpanSink {
 public:
  virtual bool closing() const = 0;
};

}  // namespace glassbox::probes
