// See json_fields.hpp.
#include "probes/traces/json_fields.hpp"

#include <cctype>
#include <charconv>

namespace glassbox::probes::json_fields {

const Value* find(const Value& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

std::string string_at(const Value& object, std::string_view key) {
  const Value* field = find(object, key);
  return field != nullptr && field->is_string() ? field->get<std::string>() : std::string();
}

std::optional<std::uint64_t> unsigned_at(const Value& object, std::string_view key) {
  const Value* field = find(object, key);
  if (field == nullptr) return std::nullopt;
  if (field->is_number_unsigned()) return field->get<std::uint64_t>();
  if (field->is_number_integer()) {
    const auto value = field->get<std::int64_t>();
    if (value < 0) return std::nullopt;
    return static_cast<std::uint64_t>(value);
  }
  if (field->is_number_float()) {
    const double value = field->get<double>();
    if (value < 0) return std::nullopt;
    return static_cast<std::uint64_t>(value);
  }
  if (field->is_string()) {
    const auto& text = field->get_ref<const std::string&>();
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
  }
  return std::nullopt;
}

std::optional<std::string> padded_hex_id(std::string_view id, std::size_t width) {
  if (id.empty() || id.size() > width) return std::nullopt;
  std::string padded(width - id.size(), '0');
  bool all_zeros = true;
  for (const char c : id) {
    if (std::isxdigit(static_cast<unsigned char>(c)) == 0) return std::nullopt;
    const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower != '0') all_zeros = false;
    padded.push_back(lower);
  }
  if (all_zeros) return std::nullopt;
  return padded;
}

}  // namespace glassbox::probes::json_fields
