// The Jaeger query API as a trace source: GET {base}/api/traces/{trace_id}, the same
// endpoint Jaeger's UI uses. A 404 ("trace not found") means the collector has not
// written the trace yet, so it is polled again until the deadline.
#include "probes/traces/jaeger_json.hpp"
#include "probes/traces/polling.hpp"
#include "probes/traces/sources.hpp"

namespace glassbox::probes {
namespace {

class JaegerSource final : public TraceSource {
 public:
  explicit JaegerSource(std::string base_url) : base_url_(std::move(base_url)) {}

  std::string_view kind() const override { return "jaeger"; }

  std::map<std::string, FetchedTrace> fetch(const std::vector<std::string>& trace_ids,
                                           const std::vector<std::string>& known_parents,
                                           const TraceQueryOptions& options) override {
    TraceBackend backend;
    backend.kind = kind();
    backend.url = [this](const std::string& trace_id) { return base_url_ + "/api/traces/" + trace_id; };
    backend.headers = {{"Accept", "application/json"}};
    backend.decode = decode_jaeger_json;
    backend.error_message = jaeger_error_message;
    return poll_traces(backend, trace_ids, known_parents, options);
  }

 private:
  std::string base_url_;
};

}  // namespace

std::unique_ptr<TraceSource> make_jaeger_source(std::string base_url) {
  return std::make_unique<JaegerSource>(std::move(base_url));
}

}  // namespace glassbox::probes
