// Fuzzes the Prometheus text / OpenMetrics parser (parse_exposition) on arbitrary scrape
// bodies, in both formats: a parsed exposition or an error naming a line and column, never
// a crash or an exception (the header promises "never throws, whatever the bytes").
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "probes/prometheus/exposition.hpp"

namespace {

void parse_as(std::string_view text, glassbox::prometheus::ExpositionFormat format) {
  auto parsed = glassbox::prometheus::parse_exposition(text, format);
  if (!parsed.ok()) {
    if (parsed.error().message.empty()) __builtin_trap();
    return;
  }
  // The lookups readers use after a scrape, on whatever came out.
  for (const auto& family : parsed->families) {
    if (parsed->family(family.name) == nullptr) __builtin_trap();
    for (const auto& sample : family.samples) {
      if (parsed->samples_named(sample.name).empty()) __builtin_trap();
      glassbox::prometheus::find_label(sample.labels, "le");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  parse_as(text, glassbox::prometheus::ExpositionFormat::Text);
  parse_as(text, glassbox::prometheus::ExpositionFormat::OpenMetrics);
  glassbox::prometheus::parse_float(text.substr(0, 64));
  return 0;
}
