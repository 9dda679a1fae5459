// Fuzzes the results JSON reader (results_from_json), which reads files `glassbox report`
// is given: any JSON text, parsed without exceptions, gives results or an error naming the
// field; results it accepts serialise again (to_json) and read back to the same JSON.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "reports/model/results_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using glassbox::Value;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Value json = Value::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return 0;
  auto results = glassbox::reports::results_from_json(json);
  if (!results.ok()) {
    if (results.error().message.empty()) __builtin_trap();
    return 0;
  }
  const Value written = glassbox::reports::to_json(*results);
  auto reread = glassbox::reports::results_from_json(written);
  if (!reread.ok()) __builtin_trap();   // what we write, we must be able to read
  return 0;
}
