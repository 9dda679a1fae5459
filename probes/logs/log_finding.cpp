#include "probes/logs/log_finding.hpp"

#include <fmt/format.h>

namespace glassbox::probes::logs {

std::string_view rule_name(LogRule rule) {
  switch (rule) {
    case LogRule::json: return "json";
    case LogRule::timestamp: return "timestamp";
    case LogRule::level: return "level";
    case LogRule::trace_id: return "trace_id";
    case LogRule::span_id: return "span_id";
    case LogRule::source: return "source";
  }
  return "unknown";
}

std::string LogFinding::to_string() const { return fmt::format("line {}: {}", line, message); }

std::string shorten(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  // Back off over continuation bytes (10xxxxxx) so a multi-byte character is not split.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

}  // namespace glassbox::probes::logs
