// POST /triangle: the classic triangle classification, with strict input validation.
//
//   body {"a":int,"b":int,"c":int}, each side a JSON integer in 1..200
//   -> 200 {"kind":"not_a_triangle"|"equilateral"|"isosceles"|"scalene"}
//   -> 400 per json_fields.hpp for the first bad side, checked in the order a, b, c
// Spans (in a traced request): "validate" (branch ok or the field error, see json_fields.hpp),
// then "classify" (branch = the kind) with a child "inequality" (branch holds | fails).
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "probes/demo/demo_http.hpp"

namespace glassbox::probes::demo {

enum class TriangleKind { not_a_triangle, equilateral, isosceles, scalene };
std::string_view to_string(TriangleKind kind);

inline constexpr std::int64_t kMinSide = 1;
inline constexpr std::int64_t kMaxSide = 200;

// Each side shorter than the other two together (strict: 1, 2, 3 is degenerate).
bool satisfies_triangle_inequality(std::int64_t a, std::int64_t b, std::int64_t c);

// The triangle inequality is strict: sides 1, 2, 3 are degenerate, so not a triangle.
TriangleKind classify_triangle(std::int64_t a, std::int64_t b, std::int64_t c);

DemoResponse triangle_endpoint(const nlohmann::json& body);

}  // namespace glassbox::probes::demo
