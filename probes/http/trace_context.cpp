// W3C Trace Context ids and the traceparent header (https://www.w3.org/TR/trace-context/).
// Thread-safety: every function is safe from any thread; each thread has its own generator.
#include "probes/http/trace_context.hpp"

#include <algorithm>
#include <cstdint>
#include <random>

namespace glassbox::probes {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

std::mt19937_64& generator() {
  // Seeded once per thread from the OS so that concurrent runners never share ids.
  thread_local std::mt19937_64 engine = [] {
    std::random_device device;
    std::seed_seq seed{device(), device(), device(), device(), device(), device(), device(), device()};
    return std::mt19937_64(seed);
  }();
  return engine;
}

void append_hex(std::string& out, std::uint64_t value) {
  for (int shift = 60; shift >= 0; shift -= 4) out.push_back(kHexDigits[(value >> shift) & 0xf]);
}

bool is_lower_hex(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool is_all_zeros(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == '0'; });
}

int hex_value(char c) { return c <= '9' ? c - '0' : c - 'a' + 10; }

}  // namespace

std::string new_trace_id() {
  std::string id;
  id.reserve(32);
  assign_new_trace_id(id);
  return id;
}

void assign_new_trace_id(std::string& out) {
  std::uint64_t high = 0;
  std::uint64_t low = 0;
  while (high == 0 && low == 0) {
    high = generator()();
    low = generator()();
  }
  out.clear();
  append_hex(out, high);
  append_hex(out, low);
}

std::string new_span_id() {
  std::string id;
  assign_new_span_id(id);
  return id;
}

void assign_new_span_id(std::string& out) {
  std::uint64_t value = 0;
  while (value == 0) value = generator()();
  out.clear();
  append_hex(out, value);
}

std::string make_traceparent(std::string_view trace_id, std::string_view span_id, TraceFlags flags) {
  std::string header;
  header.reserve(55);
  header.append("00-").append(trace_id).append("-").append(span_id);
  header.append(flags == TraceFlags::Sampled ? "-01" : "-00");
  return header;
}

std::optional<TraceParent> parse_traceparent(std::string_view header) {
  // version "-" trace-id "-" parent-id "-" trace-flags: 2 + 1 + 32 + 1 + 16 + 1 + 2 = 55.
  constexpr std::size_t kLength = 55;
  if (header.size() < kLength) return std::nullopt;
  const auto version = header.substr(0, 2);
  if (!is_lower_hex(version) || version == "ff") return std::nullopt;
  // Version 00 is exactly 55 characters; a later version may append fields after a '-'.
  if (version == "00" && header.size() != kLength) return std::nullopt;
  if (header.size() > kLength && header[kLength] != '-') return std::nullopt;
  if (header[2] != '-' || header[35] != '-' || header[52] != '-') return std::nullopt;

  const auto trace_id = header.substr(3, 32);
  const auto parent_id = header.substr(36, 16);
  const auto flags = header.substr(53, 2);
  if (!is_lower_hex(trace_id) || is_all_zeros(trace_id)) return std::nullopt;
  if (!is_lower_hex(parent_id) || is_all_zeros(parent_id)) return std::nullopt;
  if (!is_lower_hex(flags)) return std::nullopt;

  TraceParent parsed;
  parsed.version = std::string(version);
  parsed.trace_id = std::string(trace_id);
  parsed.parent_id = std::string(parent_id);
  parsed.sampled = (hex_value(flags[1]) & 1) != 0;
  return parsed;
}

}  // namespace glassbox::probes
