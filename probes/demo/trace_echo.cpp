#include "probes/demo/trace_echo.hpp"

#include <algorithm>
#include <utility>

namespace glassbox::probes::demo {
namespace {

constexpr std::size_t kVersion00Length = 55;  // 2 + 1 + 32 + 1 + 16 + 1 + 2

bool is_lower_hex(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool is_all_zeros(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == '0'; });
}

}  // namespace

std::optional<std::string> trace_id_of(std::string_view header) {
  if (header.size() < kVersion00Length) return std::nullopt;
  const std::string_view version = header.substr(0, 2);
  const std::string_view trace_id = header.substr(3, 32);
  const std::string_view parent_id = header.substr(36, 16);
  const std::string_view flags = header.substr(53, 2);
  if (header[2] != '-' || header[35] != '-' || header[52] != '-') return std::nullopt;
  if (!is_lower_hex(version) || !is_lower_hex(trace_id) || !is_lower_hex(parent_id) ||
      !is_lower_hex(flags)) {
    return std::nullopt;
  }
  if (version == "ff" || is_all_zeros(trace_id) || is_all_zeros(parent_id)) return std::nullopt;
  if (version == "00" && header.size() != kVersion00Length) return std::nullopt;
  if (header.size() > kVersion00Length && header[kVersion00Length] != '-') return std::nullopt;
  return std::string(trace_id);
}

DemoHandler with_trace_echo(DemoHandler inner) {
  return [inner = std::move(inner)](const DemoRequest& request) {
    DemoResponse response = inner(request);
    const auto header = request.headers.find("traceparent");
    if (header != request.headers.end()) {
      if (auto trace_id = trace_id_of(header->second)) {
        response.headers.emplace_back("x-trace-id", std::move(*trace_id));
      }
    }
    return response;
  };
}

}  // namespace glassbox::probes::demo
