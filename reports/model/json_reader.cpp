#include "reports/model/json_reader.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace glassbox::reports {

namespace {

constexpr std::size_t kShownLimit = 60;

}  // namespace

JsonReader::JsonReader(std::string document_name) : document_(std::move(document_name)) {}

void JsonReader::fail(const std::string& path, const std::string& what) {
  if (error_) return;
  error_ = Error{path.empty() ? fmt::format("{}: {}", document_, what)
                              : fmt::format("{}: {}: {}", document_, path, what),
                 {}};
}

std::string JsonReader::field_path(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}

std::string JsonReader::index_path(const std::string& path, std::size_t index) {
  return fmt::format("{}[{}]", path, index);
}

std::string JsonReader::key_path(const std::string& path, std::string_view key) {
  return fmt::format("{}[{}]", path, shown(Value(std::string(key))));
}

std::string JsonReader::shown(const Value& v) {
  // Replacing invalid UTF-8 keeps dump() from throwing on bytes a message can't show.
  std::string text = v.dump(-1, ' ', false, Value::error_handler_t::replace);
  if (text.size() > kShownLimit) text = text.substr(0, kShownLimit) + "...";
  return text;
}

const Value* JsonReader::member(const Value& object, const std::string& path, std::string_view key, Need need) {
  if (!ok() || !object.is_object()) return nullptr;
  const auto it = object.find(key);
  if (it == object.end()) {
    if (need == Need::Required) fail(field_path(path, key), "required field is missing");
    return nullptr;
  }
  return &*it;
}

std::string JsonReader::get_string(const Value& object, const std::string& path, std::string_view key, Need need) {
  const Value* v = member(object, path, key, need);
  if (!v) return {};
  if (!v->is_string()) {
    fail(field_path(path, key), "expected a string, got " + shown(*v));
    return {};
  }
  return v->get<std::string>();
}

bool JsonReader::get_bool(const Value& object, const std::string& path, std::string_view key, Need need) {
  const Value* v = member(object, path, key, need);
  if (!v) return false;
  if (!v->is_boolean()) {
    fail(field_path(path, key), "expected true or false, got " + shown(*v));
    return false;
  }
  return v->get<bool>();
}

double JsonReader::get_number(const Value& object, const std::string& path, std::string_view key, Need need) {
  const Value* v = member(object, path, key, need);
  if (!v) return 0;
  if (!v->is_number()) {
    fail(field_path(path, key), "expected a number, got " + shown(*v));
    return 0;
  }
  return v->get<double>();
}

std::int64_t JsonReader::get_int(const Value& object, const std::string& path, std::string_view key,
                                 std::int64_t min, std::int64_t max, Need need) {
  const Value* v = member(object, path, key, need);
  if (!v) return 0;
  const bool fits_int64 = v->is_number_integer() &&
                          (!v->is_number_unsigned() || v->get<std::uint64_t>() <= INT64_MAX);
  const bool in_range = fits_int64 && v->get<std::int64_t>() >= min && v->get<std::int64_t>() <= max;
  if (!in_range) {
    fail(field_path(path, key), fmt::format("expected an integer from {} to {}, got {}", min, max, shown(*v)));
    return 0;
  }
  return v->get<std::int64_t>();
}

std::optional<std::uint64_t> JsonReader::expect_uint64(const Value& v, const std::string& path) {
  if (v.is_number_unsigned()) return v.get<std::uint64_t>();
  if (v.is_number_integer() && v.get<std::int64_t>() >= 0) return static_cast<std::uint64_t>(v.get<std::int64_t>());
  // Seeds may arrive as decimal strings from tools that lose precision above 2^53.
  if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (!s.empty() && ec == std::errc() && end == s.data() + s.size()) return n;
  }
  fail(path, "expected an unsigned integer, got " + shown(v));
  return std::nullopt;
}

std::uint64_t JsonReader::get_uint64(const Value& object, const std::string& path, std::string_view key, Need need) {
  const Value* v = member(object, path, key, need);
  if (!v) return 0;
  return expect_uint64(*v, field_path(path, key)).value_or(0);
}

const Value* JsonReader::get_array(const Value& object, const std::string& path, std::string_view key, Need need) {
  const Value* v = member(object, path, key, need);
  if (!v) return nullptr;
  return expect_array(*v, field_path(path, key)) ? v : nullptr;
}

const Value* JsonReader::get_object(const Value& object, const std::string& path, std::string_view key,
                                    Need need) {
  const Value* v = member(object, path, key, need);
  if (!v) return nullptr;
  return expect_object(*v, field_path(path, key)) ? v : nullptr;
}

bool JsonReader::expect_string(const Value& v, const std::string& path) {
  if (v.is_string()) return true;
  fail(path, "expected a string, got " + shown(v));
  return false;
}

bool JsonReader::expect_object(const Value& v, const std::string& path) {
  if (v.is_object()) return true;
  fail(path, "expected an object, got " + shown(v));
  return false;
}

bool JsonReader::expect_array(const Value& v, const std::string& path, std::size_t size) {
  if (v.is_array() && (size == 0 || v.size() == size)) return true;
  fail(path, size == 0 ? "expected an array, got " + shown(v)
                       : fmt::format("expected an array of {} elements, got {}", size, shown(v)));
  return false;
}

}  // namespace glassbox::reports
