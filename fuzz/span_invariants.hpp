// What every span decoder promises about the spans it accepts, checked by the span fuzz
// targets: a violation traps, so libFuzzer records the input as a crash.
#pragma once

#include <string_view>

#include "probes/spans/decode.hpp"

namespace glassbox::fuzz {

inline bool is_lower_hex(std::string_view text, std::size_t length) {
  if (text.size() != length) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

inline void check_spans(const probes::DecodedSpans& decoded) {
  for (const Span& span : decoded.spans) {
    if (!is_lower_hex(span.trace_id, 32) || !is_lower_hex(span.span_id, 16)) __builtin_trap();
    if (!span.parent_span_id.empty() && !is_lower_hex(span.parent_span_id, 16)) __builtin_trap();
    if (!span.attributes.is_object()) __builtin_trap();
  }
  if (decoded.rejected > 0 && decoded.rejection_reason.empty()) __builtin_trap();
}

}  // namespace glassbox::fuzz
