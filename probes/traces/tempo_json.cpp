// See tempo_json.hpp.
#include "probes/traces/tempo_json.hpp"

#include <array>
#include <optional>

#include "probes/spans/decode.hpp"
#include "probes/traces/json_fields.hpp"

namespace glassbox::probes {
namespace {

using json_fields::find;

// Standard base64 with padding (what jsonpb writes), or nullopt.
std::optional<std::string> base64_decode(std::string_view text) {
  static const std::array<int, 256> table = [] {
    std::array<int, 256> t{};
    t.fill(-1);
    const std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (std::size_t i = 0; i < alphabet.size(); ++i) t[static_cast<unsigned char>(alphabet[i])] = static_cast<int>(i);
    return t;
  }();
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  std::string bytes;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const int value = table[static_cast<unsigned char>(c)];
    if (value < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push_back(static_cast<char>((buffer >> bits) & 0xffu));
    }
  }
  return bytes;
}

bool is_hex(std::string_view text) {
  return text.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos;
}

// Hex ids are kept; base64 ids of the right byte length become hex. Anything else is left
// for the OTLP decoder to reject with its own reason.
void id_to_hex(Value& object, const char* key, std::size_t bytes) {
  Value* field = object.is_object() && object.contains(key) ? &object[key] : nullptr;
  if (field == nullptr || !field->is_string()) return;
  const auto& text = field->get_ref<const std::string&>();
  if (text.empty() || (text.size() == bytes * 2 && is_hex(text))) return;
  const auto decoded = base64_decode(text);
  if (!decoded || decoded->size() != bytes) return;
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (const char byte : *decoded) {
    hex.push_back(kDigits[(static_cast<unsigned char>(byte) >> 4) & 0xf]);
    hex.push_back(kDigits[static_cast<unsigned char>(byte) & 0xf]);
  }
  *field = std::move(hex);
}

void rename(Value& object, const char* from, const char* to) {
  if (!object.is_object() || !object.contains(from) || object.contains(to)) return;
  object[to] = std::move(object[from]);
  object.erase(from);
}

void normalise_span(Value& span) {
  id_to_hex(span, "traceId", 16);
  id_to_hex(span, "spanId", 8);
  id_to_hex(span, "parentSpanId", 8);
  if (Value* links = span.is_object() && span.contains("links") ? &span["links"] : nullptr;
      links != nullptr && links->is_array()) {
    for (Value& link : *links) {
      id_to_hex(link, "traceId", 16);
      id_to_hex(link, "spanId", 8);
    }
  }
}

void normalise_resource_spans(Value& resource_spans) {
  for (Value& batch : resource_spans) {
    rename(batch, "instrumentationLibrarySpans", "scopeSpans");
    if (!batch.is_object() || !batch.contains("scopeSpans") || !batch["scopeSpans"].is_array()) continue;
    for (Value& scope_spans : batch["scopeSpans"]) {
      rename(scope_spans, "instrumentationLibrary", "scope");
      if (!scope_spans.is_object() || !scope_spans.contains("spans") || !scope_spans["spans"].is_array()) continue;
      for (Value& span : scope_spans["spans"]) normalise_span(span);
    }
  }
}

// The ResourceSpans array of whichever shape the body has.
Value* resource_spans_of(Value& document) {
  for (const char* key : {"batches", "resourceSpans"}) {
    if (document.is_object() && document.contains(key) && document[key].is_array()) return &document[key];
  }
  if (document.is_object() && document.contains("trace")) {
    Value& trace = document["trace"];
    if (trace.is_object() && trace.contains("resourceSpans") && trace["resourceSpans"].is_array()) {
      return &trace["resourceSpans"];
    }
    // A trace with no spans yet is marshalled as {"trace":{}}.
    if (trace.is_object() && find(trace, "resourceSpans") == nullptr) {
      trace["resourceSpans"] = Value::array();
      return &trace["resourceSpans"];
    }
  }
  return nullptr;
}

}  // namespace

Expected<std::string> normalise_tempo_json(std::string_view body) {
  Value document = Value::parse(body, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return Error("response is not valid JSON");
  Value* resource_spans = resource_spans_of(document);
  if (resource_spans == nullptr) {
    return Error("response has none of \"batches\", \"resourceSpans\" or \"trace\".\"resourceSpans\"");
  }
  normalise_resource_spans(*resource_spans);
  Value normalised = Value::object();
  normalised["resourceSpans"] = std::move(*resource_spans);
  return normalised.dump();
}

Expected<std::vector<Span>> decode_tempo_json(std::string_view body) {
  auto normalised = normalise_tempo_json(body);
  if (!normalised) return normalised.error();
  auto decoded = decode_otlp_json(*normalised);
  if (!decoded) return decoded.error();
  return std::move(decoded->spans);
}

}  // namespace glassbox::probes
