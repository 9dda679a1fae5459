// OTLP/JSON attribute values ({"stringValue": ...}, {"intValue": "42"}, {"arrayValue":
// {"values": [...]}}, ...) as glassbox Values, the same Values the protobuf decoder gives
// for the same attributes (see any_value.hpp).
//
// Pure functions, thread-safe. Nesting deeper than kMaxAnyValueDepth is an error, so a
// hostile body cannot exhaust the stack.
#pragma once

#include <string>

#include "suites/model/expected.hpp"
#include "suites/model/value.hpp"

namespace glassbox::probes {

inline constexpr int kMaxAnyValueDepth = 64;

// An AnyValue object; one without a known alternative becomes null (as an empty AnyValue).
Expected<Value> any_value_from_json(const Value& any, const std::string& path, int depth = 0);

// A list of {"key": ..., "value": {...}} as an object; `list` may be nullptr (absent).
Expected<Value> attributes_from_json(const Value* list, const std::string& path, int depth = 0);

}  // namespace glassbox::probes
