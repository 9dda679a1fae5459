// Fuzzes the JSON-lines log reader (parse_log_lines) on arbitrary log text, with limits
// small enough for the fuzzer to reach them: every line becomes an entry or a finding,
// never an exception or a crash; entries are always JSON objects.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "probes/logs/log_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  glassbox::probes::logs::ReadLimits limits;
  limits.max_line_bytes = 512;
  limits.max_total_bytes = 4096;
  limits.max_nesting = 16;
  auto read = glassbox::probes::logs::parse_log_lines(text, limits);
  for (const auto& entry : read.entries) {
    if (!entry.fields.is_object() || entry.line < 1) __builtin_trap();
  }
  if (read.entries.size() > std::size_t(read.lines)) __builtin_trap();
  return 0;
}
