// JSON lines of spans, through nlohmann::json so every string is escaped in one place.
#include "probes/receiver/span_jsonl.hpp"

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace glassbox::probes {

std::string span_json_line(const Span& span) {
  Value events = Value::array();
  for (const SpanEvent& event : span.events) {
    events.push_back({{"name", event.name}, {"time_unix_nano", event.time_unix_nano}, {"attributes", event.attributes}});
  }
  Value line = {
      {"trace_id", span.trace_id},
      {"span_id", span.span_id},
      {"parent_span_id", span.parent_span_id},
      {"parent_is_remote", span.parent_is_remote},
      {"name", span.name},
      {"kind", std::string(to_string(span.kind))},
      {"start_unix_nano", span.start_unix_nano},
      {"end_unix_nano", span.end_unix_nano},
      {"duration_ms", span.duration_ms()},
      {"status", std::string(to_string(span.status))},
      {"status_message", span.status_message},
      {"service", span.service},
      {"scope", span.scope},
      {"attributes", span.attributes},
      {"resource", span.resource},
      {"events", std::move(events)},
  };
  return line.dump(-1, ' ', false, Value::error_handler_t::replace);
}

Expected<std::unique_ptr<SpanJsonlFile>> SpanJsonlFile::open(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "ab");
  if (file == nullptr) return Error(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  return std::unique_ptr<SpanJsonlFile>(new SpanJsonlFile(file));
}

SpanJsonlFile::~SpanJsonlFile() { std::fclose(file_); }

bool SpanJsonlFile::accept(std::vector<Span>&& spans) {
  // Serialise before taking the lock: the file is the only shared thing.
  std::string batch;
  for (const Span& span : spans) {
    batch += span_json_line(span);
    batch += '\n';
  }
  std::lock_guard lock(mutex_);
  const bool written = std::fwrite(batch.data(), 1, batch.size(), file_) == batch.size();
  // A batch is acknowledged to the exporter only once it is out of our buffer.
  if (std::fflush(file_) != 0 || !written) return false;
  written_ += spans.size();
  return true;
}

std::uint64_t SpanJsonlFile::spans_written() const {
  std::lock_guard lock(mutex_);
  return written_;
}

}  // namespace glassbox::probes
