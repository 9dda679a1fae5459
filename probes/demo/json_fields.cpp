#include "probes/demo/json_fields.hpp"

#include <cmath>
#include <limits>

namespace glassbox::probes::demo {
namespace {

using nlohmann::json;

// A bound as JSON: whole numbers print as integers, so {"min":0} rather than {"min":0.0}.
json bound_json(double bound) {
  double whole = 0;
  if (std::modf(bound, &whole) == 0.0 && std::abs(bound) < 9.0e15) {
    return static_cast<std::int64_t>(bound);
  }
  return bound;
}

const json* find_field(const json& body, std::string_view name) {
  auto it = body.find(name);
  return it == body.end() ? nullptr : &*it;
}

FieldError missing(std::string_view name) { return {"missing field", std::string(name)}; }

}  // namespace

DemoResponse FieldError::to_response() const {
  DemoResponse response;
  response.status = 400;
  response.body = {{"error", error}, {"field", field}};
  if (!min.is_null()) response.body["min"] = min;
  if (!max.is_null()) response.body["max"] = max;
  return response;
}

std::string FieldError::branch() const {
  if (error == "missing field") return "missing";
  std::string name;
  for (const char c : error) {
    // "not an integer" -> "not_integer": the article says nothing a branch needs.
    if (c == ' ') {
      if (!name.empty() && name.back() != '_') name.push_back('_');
    } else {
      name.push_back(c);
    }
  }
  for (const std::string_view article : {"_an_", "_a_"}) {
    const auto at = name.find(article);
    if (at != std::string::npos) name.replace(at, article.size(), "_");
  }
  return name;
}

FieldResult<std::int64_t> integer_field(const json& body, std::string_view name, std::int64_t min,
                                        std::int64_t max) {
  const json* value = find_field(body, name);
  if (value == nullptr) return missing(name);
  if (!value->is_number_integer()) return FieldError{"not an integer", std::string(name)};
  FieldError out_of_range{"out of range", std::string(name), min, max};
  // Unsigned values above INT64_MAX would wrap if read as signed; they are out of range anyway.
  if (value->is_number_unsigned() &&
      value->get<std::uint64_t>() >
          static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return out_of_range;
  }
  const auto number = value->get<std::int64_t>();
  if (number < min || number > max) return out_of_range;
  return number;
}

FieldResult<double> number_field(const json& body, std::string_view name, double min, double max) {
  const json* value = find_field(body, name);
  if (value == nullptr) return missing(name);
  if (!value->is_number()) return FieldError{"not a number", std::string(name)};
  const auto number = value->get<double>();
  if (!(number >= min && number <= max)) {
    return FieldError{"out of range", std::string(name), bound_json(min), bound_json(max)};
  }
  return number;
}

FieldResult<bool> boolean_field(const json& body, std::string_view name) {
  const json* value = find_field(body, name);
  if (value == nullptr) return missing(name);
  if (!value->is_boolean()) return FieldError{"not a boolean", std::string(name)};
  return value->get<bool>();
}

FieldResult<std::string> string_field(const json& body, std::string_view name,
                                      std::size_t min_chars, std::size_t max_chars) {
  const json* value = find_field(body, name);
  if (value == nullptr) return missing(name);
  if (!value->is_string()) return FieldError{"not a string", std::string(name)};
  const auto& text = value->get_ref<const std::string&>();
  const std::size_t chars = count_code_points(text);
  if (chars < min_chars || chars > max_chars) {
    return FieldError{"length out of range", std::string(name), min_chars, max_chars};
  }
  return text;
}

std::size_t count_code_points(std::string_view utf8) {
  std::size_t count = 0;
  for (const char c : utf8) {
    // Continuation bytes (10xxxxxx) belong to the code point before them.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace glassbox::probes::demo
