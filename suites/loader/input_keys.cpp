#include "suites/loader/input_keys.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace glassbox::loader::detail {

using suite::InputType;

const Keys kInputTypeNames = {"int", "number", "string", "enum", "bool", "date"};
const Keys kInputKeys = {"type",       "min",     "max",     "step",   "min_length", "max_length",
                         "pattern",    "charset", "values",  "nominal", "partitions", "secret"};
const Keys kClassKeys = {"min", "max", "min_length", "max_length", "values", "expect"};

namespace {

// The types a type-specific key applies to; keys not listed apply to every type.
struct Applicability {
  std::string_view key;
  std::vector<InputType> types;
  std::string_view types_text;
  std::string_view hint;  // appended for the type users most often confuse
};

const std::vector<Applicability>& table() {
  static const std::vector<Applicability> rows = {
      {"min", {InputType::Int, InputType::Number, InputType::Date}, "int, number and date", " (strings use 'min_length')"},
      {"max", {InputType::Int, InputType::Number, InputType::Date}, "int, number and date", " (strings use 'max_length')"},
      {"step", {InputType::Number}, "number", ""},
      {"min_length", {InputType::String}, "string", ""},
      {"max_length", {InputType::String}, "string", ""},
      {"pattern", {InputType::String}, "string", ""},
      {"charset", {InputType::String}, "string", ""},
  };
  return rows;
}

const Applicability* row_of(std::string_view key) {
  for (const Applicability& row : table())
    if (row.key == key) return &row;
  return nullptr;
}

bool applies(std::string_view key, InputType type) {
  if (key == "values") return type == InputType::Enum;  // on inputs; classes take `values` on any type
  const Applicability* row = row_of(key);
  return !row || std::find(row->types.begin(), row->types.end(), type) != row->types.end();
}

}  // namespace

std::optional<InputType> input_type_named(std::string_view name) {
  for (std::size_t i = 0; i < kInputTypeNames.size(); ++i)
    if (kInputTypeNames[i] == name) return static_cast<InputType>(i);
  return std::nullopt;
}

Keys input_keys_for(InputType type) {
  Keys keys;
  for (const std::string& key : kInputKeys)
    if (applies(key, type)) keys.push_back(key);
  return keys;
}

Keys class_keys_for(InputType type) {
  Keys keys;
  for (const std::string& key : kClassKeys)
    if (key == "values" || applies(key, type)) keys.push_back(key);
  return keys;
}

std::optional<std::string> inapplicable_key(std::string_view key, InputType type) {
  if (key == "values") {
    if (type == InputType::Enum) return std::nullopt;
    return std::string("'values' applies to enum inputs only (to list values of a class, use partitions)");
  }
  if (applies(key, type)) return std::nullopt;
  const Applicability& row = *row_of(key);
  std::string_view hint = type == InputType::String ? row.hint : "";
  return fmt::format("'{}' applies to {} inputs only{}", key, row.types_text, hint);
}

}  // namespace glassbox::loader::detail
