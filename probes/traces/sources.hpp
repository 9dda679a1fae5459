// The concrete trace sources behind make_trace_source, one file each.
// Thread-safety as TraceSource: one fetch at a time.
#pragma once

#include <memory>
#include <string>

#include "probes/traces/trace_source.hpp"

namespace glassbox::probes {

// `base_url`: "http(s)://host:port[/prefix]" without a trailing slash.
std::unique_ptr<TraceSource> make_jaeger_source(std::string base_url);
std::unique_ptr<TraceSource> make_tempo_source(std::string base_url);

}  // namespace glassbox::probes
