// Typed reads from parsed JSON bodies for the OTLP/JSON and Zipkin decoders. Each read
// names the path of what it read in its error ("resourceSpans[0].scopeSpans[1].spans[2].name
// must be a string, got number"), so a sender can find the offending field.
//
// Members are looked up by their lowerCamelCase name first and then by the snake_case
// proto field name, which OTLP/JSON receivers are asked to accept too. A null member
// counts as absent, as in protobuf's JSON mapping. Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "suites/model/expected.hpp"
#include "suites/model/value.hpp"

namespace glassbox::probes::json_access {

// Parses a whole body; a syntax error names nlohmann's byte position:
// "malformed <format> body at byte 17: syntax error while parsing value - ...".
Expected<Value> parse(std::string_view body, std::string_view format);

// The member, or nullptr when absent or null.
const Value* member(const Value& object, std::string_view camel_name);

// "<path>.<name>", or "<name>" at the root.
std::string child_path(const std::string& path, std::string_view name);
std::string index_path(const std::string& path, std::size_t index);

// Absent members read as "" / 0 / nullptr, as proto3 defaults do.
Expected<std::string> string_member(const Value& object, std::string_view name,
                                    const std::string& path);
// Unsigned 64-bit integers arrive as JSON numbers or decimal strings (JavaScript cannot
// hold them exactly, so OTLP/JSON senders often quote them).
Expected<std::uint64_t> uint64_member(const Value& object, std::string_view name,
                                      const std::string& path);
Expected<std::uint64_t> to_uint64(const Value& value, const std::string& path);
Expected<std::int64_t> to_int64(const Value& value, const std::string& path);
Expected<double> to_double(const Value& value, const std::string& path);
// nullptr when absent; an error when present with another type.
Expected<const Value*> array_member(const Value& object, std::string_view name,
                                    const std::string& path);
Expected<const Value*> object_member(const Value& object, std::string_view name,
                                     const std::string& path);

// "<path> must be <expected>, got <JSON type>".
Error type_error(const std::string& path, std::string_view expected, const Value& got);

}  // namespace glassbox::probes::json_access
