// Spans as JSON lines: one JSON object per span per line, the format `glassbox collect`
// writes and other tools (jq, a later `glassbox run`) read back.
//
//   {"trace_id":"…","span_id":"…","parent_span_id":"…","parent_is_remote":false,"name":"…",
//    "kind":"server","start_unix_nano":…,"end_unix_nano":…,"duration_ms":1.25,
//    "status":"unset","status_message":"","service":"…","scope":"…","attributes":{…},
//    "resource":{…},"events":[{"name":"…","time_unix_nano":…,"attributes":{…}}]}
//
// SpanJsonlFile is a SpanSink that appends each batch and flushes it, so an interrupted
// collect keeps every batch it acknowledged. Thread-safe: accept() and counts may be called
// from several threads.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "probes/receiver/span_receiver.hpp"
#include "suites/model/expected.hpp"
#include "suites/model/span.hpp"

namespace glassbox::probes {

// One span as a JSON object on one line, without the newline. Invalid UTF-8 in names and
// attributes is replaced (U+FFFD) rather than failing the line.
std::string span_json_line(const Span& span);

class SpanJsonlFile final : public SpanSink {
 public:
  // Opens `path` for appending (created if missing); "cannot open spans.jsonl: No such file
  // or directory" when it cannot.
  static Expected<std::unique_ptr<SpanJsonlFile>> open(const std::string& path);
  ~SpanJsonlFile() override;
  SpanJsonlFile(const SpanJsonlFile&) = delete;
  SpanJsonlFile& operator=(const SpanJsonlFile&) = delete;

  // Writes and flushes the batch; false (the receiver answers 429, the exporter retries)
  // when the write fails, e.g. the disk is full.
  bool accept(std::vector<Span>&& spans) override;
  std::uint64_t spans_written() const;

 private:
  explicit SpanJsonlFile(std::FILE* file) : file_(file) {}

  mutable std::mutex mutex_;
  std::FILE* file_;
  std::uint64_t written_ = 0;
};

}  // namespace glassbox::probes
