// "Did you mean" for every name a suite can misspell: keys, inputs, targets, types.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace glassbox::loader::detail {

// The candidate `typed` most likely stands for, or nullopt when none is close: a few edits
// away (about one per three characters, case ignored), or an abbreviation or extension of
// it ("timeout" for "timeout_ms", "integer" for "int"). Ties go to the earlier candidate.
std::optional<std::string> closest_name(std::string_view typed, const std::vector<std::string>& candidates);

// The tail of an "unknown X" message: " (did you mean 'x'?)" when a candidate is close,
// else " (<label>: a, b, c)", else " (<none>)" when there are no candidates at all.
std::string name_hint(std::string_view typed, const std::vector<std::string>& candidates, std::string_view label,
                      std::string_view none = "there are none");

// "a, b, c"
std::string join_names(const std::vector<std::string>& names);

}  // namespace glassbox::loader::detail
