#include "probes/spans/any_value.hpp"

#include <cstdint>

namespace glassbox::probes {

namespace otlp = opentelemetry::proto::common::v1;

Value to_value(const otlp::AnyValue& any) {
  switch (any.value_case()) {
    case otlp::AnyValue::kStringValue:
      return any.string_value();
    case otlp::AnyValue::kBoolValue:
      return any.bool_value();
    case otlp::AnyValue::kIntValue:
      return static_cast<std::int64_t>(any.int_value());
    case otlp::AnyValue::kDoubleValue:
      return any.double_value();
    case otlp::AnyValue::kArrayValue: {
      Value array = Value::array();
      for (const auto& item : any.array_value().values()) array.push_back(to_value(item));
      return array;
    }
    case otlp::AnyValue::kKvlistValue:
      return to_value(any.kvlist_value().values());
    case otlp::AnyValue::kBytesValue:
      return base64_encode(any.bytes_value());
    case otlp::AnyValue::VALUE_NOT_SET:
      break;
  }
  return nullptr;
}

Value to_value(const google::protobuf::RepeatedPtrField<otlp::KeyValue>& list) {
  Value object = Value::object();
  for (const auto& pair : list) object[pair.key()] = to_value(pair.value());
  return object;
}

std::string base64_encode(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string text;
  text.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t group = std::uint32_t(std::uint8_t(bytes[i])) << 16 |
                                std::uint32_t(std::uint8_t(bytes[i + 1])) << 8 |
                                std::uint8_t(bytes[i + 2]);
    text.push_back(kAlphabet[group >> 18 & 63]);
    text.push_back(kAlphabet[group >> 12 & 63]);
    text.push_back(kAlphabet[group >> 6 & 63]);
    text.push_back(kAlphabet[group & 63]);
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t group = std::uint32_t(std::uint8_t(bytes[i])) << 16;
    if (rest == 2) group |= std::uint32_t(std::uint8_t(bytes[i + 1])) << 8;
    text.push_back(kAlphabet[group >> 18 & 63]);
    text.push_back(kAlphabet[group >> 12 & 63]);
    text.push_back(rest == 2 ? kAlphabet[group >> 6 & 63] : '=');
    text.push_back('=');
  }
  return text;
}

}  // namespace glassbox::probes
