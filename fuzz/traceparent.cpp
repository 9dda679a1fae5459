// Fuzzes the W3C traceparent parser (parse_traceparent), which reads headers services send
// back: a header it accepts has a 2-digit version, a 32-hex trace id and a 16-hex parent id,
// and formatting those again gives a header it accepts again.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/span_invariants.hpp"
#include "probes/http/trace_context.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace glassbox::probes;
  const std::string_view header(reinterpret_cast<const char*>(data), size);
  auto parsed = parse_traceparent(header);
  if (!parsed) return 0;
  if (!glassbox::fuzz::is_lower_hex(parsed->version, 2) ||
      !glassbox::fuzz::is_lower_hex(parsed->trace_id, 32) ||
      !glassbox::fuzz::is_lower_hex(parsed->parent_id, 16))
    __builtin_trap();
  const auto flags = parsed->sampled ? TraceFlags::Sampled : TraceFlags::NotSampled;
  auto again = parse_traceparent(make_traceparent(parsed->trace_id, parsed->parent_id, flags));
  if (!again || again->trace_id != parsed->trace_id || again->parent_id != parsed->parent_id ||
      again->sampled != parsed->sampled)
    __builtin_trap();
  return 0;
}
