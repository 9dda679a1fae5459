// Small accessors over nlohmann::json that never throw, for decoding bodies that come from
// a tracing backend: a field of the wrong type reads as absent, like a missing one.
//
// Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "suites/model/value.hpp"

namespace glassbox::probes::json_fields {

// `object[key]` when `object` is an object holding that key, else nullptr.
const Value* find(const Value& object, std::string_view key);
// The string at `key`, or "" when absent or not a string.
std::string string_at(const Value& object, std::string_view key);
// A non-negative integer at `key`, given as a JSON number or a decimal string.
std::optional<std::uint64_t> unsigned_at(const Value& object, std::string_view key);

// `id` lowercased and left-padded with zeros to `width` hex digits; nullopt when it is empty,
// longer than `width`, not hex, or all zeros.
std::optional<std::string> padded_hex_id(std::string_view id, std::size_t width);

}  // namespace glassbox::probes::json_fields
