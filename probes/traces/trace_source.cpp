// make_trace_source: the table of trace sources, keyed by the scheme before the first ':'.
#include <array>

#include <fmt/format.h>

#include "probes/traces/sources.hpp"
#include "probes/traces/trace_source.hpp"

namespace glassbox::probes {
namespace {

struct SourceEntry {
  std::string_view kind;
  std::unique_ptr<TraceSource> (*make)(std::string base_url);
};

constexpr std::array<SourceEntry, 2> kSources{{
    {"jaeger", make_jaeger_source},
    {"tempo", make_tempo_source},
}};

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
    return entry.make(std::move(url));
  }
  return Error(fmt::format("--traces-from must be jaeger:URL or tempo:URL, got '{}'", spec));
}

}  // namespace glassbox::probes
