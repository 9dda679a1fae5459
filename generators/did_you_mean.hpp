// "Did you mean" suggestions for names a suite gets wrong (techniques, forms, inputs),
// and the comma-separated name lists error messages end with.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace glassbox::generators {

// The candidate closest to `typed` by edit distance (case-insensitive), if it is close
// enough to be a plausible typo: at most max(1, |typed| / 3) edits. Ties go to the
// earlier candidate.
std::optional<std::string> did_you_mean(std::string_view typed, const std::vector<std::string_view>& candidates);

// "a, b, c"
std::string join_names(const std::vector<std::string_view>& names);

}  // namespace glassbox::generators
