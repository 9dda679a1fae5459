// make_trace_source: the table of trace sources, keyed by the scheme before the first ':'.
// Jaeger and Tempo differ only in how a trace-by-id answer is decoded, so one polled source
// serves both, described by a row of the table.
//
//   jaeger: GET {base}/api/traces/{id}, the endpoint Jaeger's UI uses; a 404 ("trace not
//           found") means the collector has not written the trace yet.
//   tempo:  GET {base}/api/traces/{id} with Accept: application/json (without it Tempo may
//           answer in protobuf); a 404 means the trace has not reached the ingesters yet.
// Both are polled again until the deadline.
#include <array>

#include <fmt/format.h>

#include "probes/traces/jaeger_json.hpp"
#include "probes/traces/polling.hpp"
#include "probes/traces/tempo_json.hpp"
#include "probes/traces/trace_source.hpp"

namespace glassbox::probes {
namespace {

struct SourceEntry {
  std::string_view kind;
  Expected<std::vector<Span>> (*decode)(std::string_view body);
  std::string (*error_message)(std::string_view body);   // nullptr: the body's first line says it
};

constexpr std::array<SourceEntry, 2> kSources{{
    {"jaeger", decode_jaeger_json, jaeger_error_message},
    {"tempo", decode_tempo_json, nullptr},
}};

class PolledSource final : public TraceSource {
 public:
  PolledSource(const SourceEntry& entry, std::string base_url) : entry_(entry), base_url_(std::move(base_url)) {}

  std::string_view kind() const override { return entry_.kind; }

  std::map<std::string, FetchedTrace> fetch(const std::vector<std::string>& trace_ids,
                                           const std::vector<std::string>& known_parents,
                                           const TraceQueryOptions& options) override {
    TraceBackend backend;
    backend.kind = entry_.kind;
    backend.url = [this](const std::string& trace_id) { return base_url_ + "/api/traces/" + trace_id; };
    backend.headers = {{"Accept", "application/json"}};
    backend.decode = entry_.decode;
    if (entry_.error_message) backend.error_message = entry_.error_message;
    return poll_traces(backend, trace_ids, known_parents, options);
  }

 private:
  const SourceEntry& entry_;
  std::string base_url_;
};

bool is_http_url(std::string_view url) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (url.substr(0, scheme.size()) == scheme && url.size() > scheme.size()) return true;
  }
  return false;
}

}  // namespace

Expected<std::unique_ptr<TraceSource>> make_trace_source(const std::string& spec) {
  const auto colon = spec.find(':');
  const std::string_view kind = colon == std::string::npos ? std::string_view() : std::string_view(spec).substr(0, colon);
  for (const SourceEntry& entry : kSources) {
    if (entry.kind != kind) continue;
    std::string url = spec.substr(colon + 1);
    if (!is_http_url(url)) {
      return Error(fmt::format("--traces-from {}:URL needs an http:// or https:// URL, got '{}'", kind, url));
    }
    while (url.back() == '/') url.pop_back();
    return std::unique_ptr<TraceSource>(std::make_unique<PolledSource>(entry, std::move(url)));
  }
  return Error(fmt::format("--traces-from must be jaeger:URL or tempo:URL, got '{}'", spec));
}

}  // namespace glassbox::probes
