#include "probes/spans/any_value_json.hpp"

#include <fmt/format.h>

#include "probes/spans/json_access.hpp"

namespace glassbox::probes {
namespace {

using json_access::child_path;
using json_access::member;
using json_access::type_error;

Expected<Value> array_from_json(const Value& array_value, const std::string& path, int depth) {
  if (!array_value.is_object()) return type_error(path, "an object", array_value);
  auto values = json_access::array_member(array_value, "values", path);
  if (!values) return values.error();
  Value array = Value::array();
  if (*values == nullptr) return array;
  const std::string values_path = child_path(path, "values");
  for (std::size_t i = 0; i < (*values)->size(); ++i) {
    auto item =
        any_value_from_json((**values)[i], json_access::index_path(values_path, i), depth + 1);
    if (!item) return item.error();
    array.push_back(std::move(*item));
  }
  return array;
}

}  // namespace

Expected<Value> any_value_from_json(const Value& any, const std::string& path, int depth) {
  if (depth > kMaxAnyValueDepth) {
    return Error(fmt::format("{} is nested more than {} levels deep", path, kMaxAnyValueDepth));
  }
  if (!any.is_object()) return type_error(path, "an AnyValue object", any);
  if (const Value* text = member(any, "stringValue")) {
    if (!text->is_string()) return type_error(child_path(path, "stringValue"), "a string", *text);
    return *text;
  }
  if (const Value* flag = member(any, "boolValue")) {
    if (!flag->is_boolean()) return type_error(child_path(path, "boolValue"), "a boolean", *flag);
    return *flag;
  }
  if (const Value* integer = member(any, "intValue")) {
    auto parsed = json_access::to_int64(*integer, child_path(path, "intValue"));
    if (!parsed) return parsed.error();
    return Value(*parsed);
  }
  if (const Value* number = member(any, "doubleValue")) {
    auto parsed = json_access::to_double(*number, child_path(path, "doubleValue"));
    if (!parsed) return parsed.error();
    return Value(*parsed);
  }
  if (const Value* array = member(any, "arrayValue")) {
    return array_from_json(*array, child_path(path, "arrayValue"), depth);
  }
  if (const Value* kvlist = member(any, "kvlistValue")) {
    const std::string kvlist_path = child_path(path, "kvlistValue");
    if (!kvlist->is_object()) return type_error(kvlist_path, "an object", *kvlist);
    auto values = json_access::array_member(*kvlist, "values", kvlist_path);
    if (!values) return values.error();
    return attributes_from_json(*values, child_path(kvlist_path, "values"), depth + 1);
  }
  if (const Value* bytes = member(any, "bytesValue")) {
    // Already base64 in OTLP/JSON, which is also how the protobuf decoder renders bytes.
    if (!bytes->is_string())
      return type_error(child_path(path, "bytesValue"), "a base64 string", *bytes);
    return *bytes;
  }
  return Value(nullptr);
}

Expected<Value> attributes_from_json(const Value* list, const std::string& path, int depth) {
  Value object = Value::object();
  if (list == nullptr) return object;
  if (!list->is_array()) return type_error(path, "an array", *list);
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Value& pair = (*list)[i];
    const std::string pair_path = json_access::index_path(path, i);
    if (!pair.is_object()) return type_error(pair_path, "a key-value object", pair);
    auto key = json_access::string_member(pair, "key", pair_path);
    if (!key) return key.error();
    const Value* value = member(pair, "value");
    if (value == nullptr) {
      object[*key] = nullptr;
      continue;
    }
    auto converted = any_value_from_json(*value, child_path(pair_path, "value"), depth + 1);
    if (!converted) return converted.error();
    object[*key] = std::move(*converted);
  }
  return object;
}

}  // namespace glassbox::probes
