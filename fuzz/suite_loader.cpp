// Fuzzes the suite loader on arbitrary YAML text: whatever the bytes, load_suite_text
// returns a suite or an error with a location, and never crashes, hangs or throws.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "suites/loader/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view yaml(reinterpret_cast<const char*>(data), size);
  // Every ${env:NAME} resolves, so the fuzzer gets past interpolation into the rest of the
  // loader; the real environment is never read.
  glassbox::loader::LoadOptions options;
  options.getenv = [](const std::string& name) -> std::optional<std::string> {
    if (name.empty() || name[0] == 'U') return std::nullopt;   // and unset ones are errors
    return "value-of-" + name;
  };
  auto suite = glassbox::loader::load_suite_text(yaml, "fuzz.yaml", options);
  if (!suite.ok() && suite.error().message.empty()) __builtin_trap();   // errors must say why
  return 0;
}
