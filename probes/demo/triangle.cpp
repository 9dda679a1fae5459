#include "probes/demo/triangle.hpp"

#include <array>
#include <variant>

#include "probes/demo/json_fields.hpp"
#include "probes/demo/tracing.hpp"

namespace glassbox::probes::demo {

std::string_view to_string(TriangleKind kind) {
  switch (kind) {
    case TriangleKind::not_a_triangle: return "not_a_triangle";
    case TriangleKind::equilateral: return "equilateral";
    case TriangleKind::isosceles: return "isosceles";
    case TriangleKind::scalene: return "scalene";
  }
  return "not_a_triangle";
}

bool satisfies_triangle_inequality(std::int64_t a, std::int64_t b, std::int64_t c) {
  return a < b + c && b < a + c && c < a + b;
}

TriangleKind classify_triangle(std::int64_t a, std::int64_t b, std::int64_t c) {
  if (!satisfies_triangle_inequality(a, b, c)) return TriangleKind::not_a_triangle;
  if (a == b && b == c) return TriangleKind::equilateral;
  if (a == b || b == c || a == c) return TriangleKind::isosceles;
  return TriangleKind::scalene;
}

DemoResponse triangle_endpoint(const nlohmann::json& body) {
  std::array<std::int64_t, 3> sides{};
  {
    ScopedSpan validate("validate");
    validate.set("endpoint", std::string("triangle"));
    constexpr std::array<std::string_view, 3> names{"a", "b", "c"};
    for (std::size_t i = 0; i < names.size(); ++i) {
      auto side = integer_field(body, names[i], kMinSide, kMaxSide);
      if (auto* error = std::get_if<FieldError>(&side)) {
        validate.set("field", error->field);
        validate.set_branch(error->branch());
        return error->to_response();
      }
      sides[i] = std::get<std::int64_t>(side);
    }
    validate.set_branch("ok");
  }

  ScopedSpan classify("classify");
  {
    ScopedSpan inequality("inequality");
    inequality.set_branch(satisfies_triangle_inequality(sides[0], sides[1], sides[2]) ? "holds"
                                                                                      : "fails");
  }
  const TriangleKind kind = classify_triangle(sides[0], sides[1], sides[2]);
  classify.set_branch(to_string(kind));
  DemoResponse response;
  response.body = {{"kind", to_string(kind)}};
  return response;
}

}  // namespace glassbox::probes::demo
