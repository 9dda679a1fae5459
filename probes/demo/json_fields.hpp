// Reading typed fields out of a JSON request body, with the demo service's 400 answers:
//   {"error":"missing field","field":"a"}
//   {"error":"not an integer"|"not a number"|"not a boolean"|"not a string","field":"b"}
//   {"error":"out of range","field":"c","min":1,"max":200}            (integers and numbers)
//   {"error":"length out of range","field":"item","min":1,"max":40}   (strings, in characters)
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include "probes/demo/demo_http.hpp"

namespace glassbox::probes::demo {

struct FieldError {
  std::string error;  // "missing field", "not an integer", ...
  std::string field;
  nlohmann::json min = nullptr;  // set for range errors only
  nlohmann::json max = nullptr;

  // The 400 response that reports this error.
  DemoResponse to_response() const;
  // The error as a span's `branch` value: "missing" for a missing field, else the message
  // with underscores ("not_integer", "out_of_range", "length_out_of_range", ...).
  std::string branch() const;
};

template <typename T>
using FieldResult = std::variant<T, FieldError>;

// body must be a JSON object. Only JSON integers count: 3.0 is "not an integer".
FieldResult<std::int64_t> integer_field(const nlohmann::json& body, std::string_view name,
                                        std::int64_t min, std::int64_t max);
// Any JSON number, min and max inclusive.
FieldResult<double> number_field(const nlohmann::json& body, std::string_view name, double min,
                                 double max);
FieldResult<bool> boolean_field(const nlohmann::json& body, std::string_view name);
// Length counted in Unicode code points (the parser has already checked the UTF-8).
FieldResult<std::string> string_field(const nlohmann::json& body, std::string_view name,
                                      std::size_t min_chars, std::size_t max_chars);

std::size_t count_code_points(std::string_view utf8);

}  // namespace glassbox::probes::demo
