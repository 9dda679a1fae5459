// Tempo's API as a trace source: GET {base}/api/traces/{trace_id} with Accept:
// application/json (without it Tempo may answer in protobuf). A 404 means the trace has not
// reached the ingesters yet, so it is polled again until the deadline.
#include "probes/traces/polling.hpp"
#include "probes/traces/sources.hpp"
#include "probes/traces/tempo_json.hpp"

namespace glassbox::probes {
namespace {

class TempoSource final : public TraceSource {
 public:
  explicit TempoSource(std::string base_url) : base_url_(std::move(base_url)) {}

  std::string_view kind() const override { return "tempo"; }

  std::map<std::string, FetchedTrace> fetch(const std::vector<std::string>& trace_ids,
                                           const std::vector<std::string>& known_parents,
                                           const TraceQueryOptions& options) override {
    TraceBackend backend;
    backend.kind = kind();
    backend.url = [this](const std::string& trace_id) { return base_url_ + "/api/traces/" + trace_id; };
    backend.headers = {{"Accept", "application/json"}};
    backend.decode = decode_tempo_json;
    // Tempo's error bodies are plain text ("trace not found"): the first line says it.
    return poll_traces(backend, trace_ids, known_parents, options);
  }

 private:
  std::string base_url_;
};

}  // namespace

std::unique_ptr<TraceSource> make_tempo_source(std::string base_url) {
  return std::make_unique<TempoSource>(std::move(base_url));
}

}  // namespace glassbox::probes
