#include "probes/spans/span_ids.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

namespace glassbox::probes::span_ids {
namespace {

constexpr std::size_t kTraceIdHex = 32;
constexpr std::size_t kSpanIdHex = 16;

int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string to_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char byte : bytes) {
    hex.push_back(kDigits[byte >> 4]);
    hex.push_back(kDigits[byte & 0x0f]);
  }
  return hex;
}

std::optional<std::string> normalize_hex(std::string_view text) {
  if (text.size() % 2 != 0) return std::nullopt;
  std::string hex;
  hex.reserve(text.size());
  for (char c : text) {
    const int value = hex_digit_value(c);
    if (value < 0) return std::nullopt;
    hex.push_back("0123456789abcdef"[value]);
  }
  return hex;
}

bool is_all_zero(std::string_view hex) {
  return std::all_of(hex.begin(), hex.end(), [](char c) { return c == '0'; });
}

std::optional<std::string> check_and_normalize_ids(Span& span) {
  // Sizes are reported in bytes, as the OTLP specification states them.
  if (span.trace_id.size() != kTraceIdHex) {
    return fmt::format("trace id must be 16 bytes, got {}", span.trace_id.size() / 2);
  }
  if (is_all_zero(span.trace_id)) return "trace id must not be all zeros";
  if (span.span_id.size() != kSpanIdHex) {
    return fmt::format("span id must be 8 bytes, got {}", span.span_id.size() / 2);
  }
  if (is_all_zero(span.span_id)) return "span id must not be all zeros";
  if (is_all_zero(span.parent_span_id)) span.parent_span_id.clear();
  if (!span.parent_span_id.empty() && span.parent_span_id.size() != kSpanIdHex) {
    return fmt::format("parent span id must be 8 bytes or empty, got {}",
                       span.parent_span_id.size() / 2);
  }
  return std::nullopt;
}

void reject(DecodedSpans& out, std::size_t index, const std::string& reason) {
  if (out.rejected == 0) out.rejection_reason = fmt::format("span {}: {}", index, reason);
  ++out.rejected;
}

void keep_or_reject(DecodedSpans& out, Span span, std::size_t index) {
  if (auto problem = check_and_normalize_ids(span)) {
    reject(out, index, *problem);
    return;
  }
  out.spans.push_back(std::move(span));
}

}  // namespace glassbox::probes::span_ids
