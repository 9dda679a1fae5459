// The operators of value checks (JSON pointers, headers, span attributes).
#pragma once

#include <string_view>

namespace glassbox::suite {

enum class MatchKind { Equals, Matches, Exists, Absent, Type };
std::string_view to_string(MatchKind kind);

}  // namespace glassbox::suite
