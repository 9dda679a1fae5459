// Fuzzes the Zipkin v2 JSON span decoder (decode_zipkin_json) on arbitrary request bodies, as the
// receiver hands them over: a decoded batch or an error, never a crash. Every span that is
// accepted has the ids the rest of glassbox relies on (32 and 16 lowercase hex digits).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/span_invariants.hpp"
#include "probes/spans/decode.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  auto decoded = glassbox::probes::decode_zipkin_json(body);
  if (decoded.ok()) glassbox::fuzz::check_spans(*decoded);
  return 0;
}
