// Trace and span ids for the span decoders: bytes <-> lowercase hex, and the checks that
// decide whether a decoded span is usable (rejected spans are counted, not fatal).
//
// Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "probes/spans/decode.hpp"

namespace glassbox::probes::span_ids {

// Lowercase hex of raw bytes (protobuf ids).
std::string to_hex(std::string_view bytes);

// The hex text in lowercase, or nullopt when it has an odd length or a non-hex character
// (JSON ids; input may be upper or mixed case).
std::optional<std::string> normalize_hex(std::string_view text);

// True for "" and for ids made only of '0' characters.
bool is_all_zero(std::string_view hex);

// Why the span cannot be kept, or nullopt. Checks the ids already in hex: trace id 32 hex
// and not all zeros, span id 16 hex and not all zeros, parent "" or 16 hex. An all-zero
// parent is cleared first (OTLP senders use it for "no parent").
std::optional<std::string> check_and_normalize_ids(Span& span);

// Keeps `span` in out.spans when its ids are usable; otherwise counts it in out.rejected
// and records "span <index>: <reason>" as the rejection reason if it is the first.
void keep_or_reject(DecodedSpans& out, Span span, std::size_t index);

// Counts a span rejected before it could be built (e.g. an id that is not hex).
void reject(DecodedSpans& out, std::size_t index, const std::string& reason);

}  // namespace glassbox::probes::span_ids
