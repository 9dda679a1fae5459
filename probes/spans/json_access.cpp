#include "probes/spans/json_access.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace glassbox::probes::json_access {
namespace {

std::string snake_case(std::string_view camel) {
  std::string snake;
  for (char c : camel) {
    if (c >= 'A' && c <= 'Z') {
      snake.push_back('_');
      snake.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      snake.push_back(c);
    }
  }
  return snake;
}

template <typename Integer>
bool parse_decimal(const std::string& text, Integer& out) {
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, out);
  return error == std::errc() && stop == end && !text.empty();
}

}  // namespace

Expected<Value> parse(std::string_view body, std::string_view format) {
  try {
    return Value::parse(body);
  } catch (const Value::parse_error& error) {
    // nlohmann's text starts with "[json.exception.parse_error.101] parse error at line 1,
    // column 2: "; the byte offset replaces that prefix, as it is exact for any layout.
    std::string_view detail = error.what();
    if (const auto colon = detail.find(": "); colon != std::string_view::npos) {
      detail.remove_prefix(colon + 2);
    }
    return Error(fmt::format("malformed {} body at byte {}: {}", format, error.byte, detail));
  } catch (const Value::out_of_range& error) {
    // A number beyond double's range (1e999) is refused with out_of_range, which has no
    // position: "[json.exception.out_of_range.406] number overflow parsing '1e999'".
    std::string_view detail = error.what();
    if (const auto bracket = detail.find("] "); bracket != std::string_view::npos) {
      detail.remove_prefix(bracket + 2);
    }
    return Error(fmt::format("malformed {} body: {}", format, detail));
  }
}

const Value* member(const Value& object, std::string_view camel_name) {
  if (!object.is_object()) return nullptr;
  auto found = object.find(camel_name);
  if (found == object.end()) found = object.find(snake_case(camel_name));
  if (found == object.end() || found->is_null()) return nullptr;
  return &*found;
}

std::string child_path(const std::string& path, std::string_view name) {
  return path.empty() ? std::string(name) : fmt::format("{}.{}", path, name);
}

std::string index_path(const std::string& path, std::size_t index) {
  return fmt::format("{}[{}]", path, index);
}

Error type_error(const std::string& path, std::string_view expected, const Value& got) {
  return Error(fmt::format("{} must be {}, got {}", path, expected, got.type_name()));
}

Expected<std::string> string_member(const Value& object, std::string_view name,
                                    const std::string& path) {
  const Value* value = member(object, name);
  if (value == nullptr) return std::string();
  if (!value->is_string()) return type_error(child_path(path, name), "a string", *value);
  return value->get<std::string>();
}

Expected<std::uint64_t> to_uint64(const Value& value, const std::string& path) {
  if (value.is_number_unsigned()) return value.get<std::uint64_t>();
  if (value.is_number_integer()) {
    return Error(fmt::format("{} must not be negative, got {}", path, value.get<std::int64_t>()));
  }
  if (value.is_string()) {
    std::uint64_t parsed = 0;
    if (parse_decimal(value.get<std::string>(), parsed)) return parsed;
    return Error(fmt::format("{} must be an unsigned integer, got {}", path, value.dump()));
  }
  return type_error(path, "an unsigned integer", value);
}

Expected<std::int64_t> to_int64(const Value& value, const std::string& path) {
  if (value.is_number_unsigned()) {
    const auto unsigned_value = value.get<std::uint64_t>();
    if (unsigned_value > std::uint64_t(std::numeric_limits<std::int64_t>::max())) {
      return Error(fmt::format("{} does not fit in a 64-bit integer, got {}", path, value.dump()));
    }
    return static_cast<std::int64_t>(unsigned_value);
  }
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (value.is_string()) {
    std::int64_t parsed = 0;
    if (parse_decimal(value.get<std::string>(), parsed)) return parsed;
    return Error(fmt::format("{} must be a 64-bit integer, got {}", path, value.dump()));
  }
  return type_error(path, "an integer", value);
}

Expected<double> to_double(const Value& value, const std::string& path) {
  if (value.is_number()) return value.get<double>();
  if (value.is_string()) {
    // protobuf's JSON form spells the non-finite values as strings.
    const auto& text = value.get_ref<const std::string&>();
    if (text == "NaN") return std::numeric_limits<double>::quiet_NaN();
    if (text == "Infinity") return std::numeric_limits<double>::infinity();
    if (text == "-Infinity") return -std::numeric_limits<double>::infinity();
    double parsed = 0;
    if (parse_decimal(text, parsed)) return parsed;
    return Error(fmt::format("{} must be a number, got {}", path, value.dump()));
  }
  return type_error(path, "a number", value);
}

Expected<std::uint64_t> uint64_member(const Value& object, std::string_view name,
                                      const std::string& path) {
  const Value* value = member(object, name);
  if (value == nullptr) return std::uint64_t{0};
  return to_uint64(*value, child_path(path, name));
}

Expected<const Value*> array_member(const Value& object, std::string_view name,
                                    const std::string& path) {
  const Value* value = member(object, name);
  if (value != nullptr && !value->is_array()) {
    return type_error(child_path(path, name), "an array", *value);
  }
  return value;
}

Expected<const Value*> object_member(const Value& object, std::string_view name,
                                     const std::string& path) {
  const Value* value = member(object, name);
  if (value != nullptr && !value->is_object()) {
    return type_error(child_path(path, name), "an object", *value);
  }
  return value;
}

}  // namespace glassbox::probes::json_access
