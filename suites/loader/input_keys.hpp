// Which keys apply to which input type, for inputs and their classes: one table, so the
// "applies to" errors and the "did you mean" suggestions always agree. Internal to the loader.
//
// Thread-safety: constant data and pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "suites/loader/yaml_reader.hpp"
#include "suites/model/input.hpp"

namespace glassbox::loader::detail {

extern const Keys kInputTypeNames;   // int, number, string, enum, bool, date
extern const Keys kInputKeys;        // every key an input may have
extern const Keys kClassKeys;        // every key a class may have

std::optional<suite::InputType> input_type_named(std::string_view name);

// The keys of kInputKeys / kClassKeys that apply to inputs of `type`.
Keys input_keys_for(suite::InputType type);
Keys class_keys_for(suite::InputType type);

// Whether `key` (from kInputKeys or kClassKeys) applies to `type`, and if not, why:
//   'step' applies to number inputs only
std::optional<std::string> inapplicable_key(std::string_view key, suite::InputType type);

}  // namespace glassbox::loader::detail
