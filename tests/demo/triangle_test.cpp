#include "probes/demo/triangle.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace glassbox::probes::demo {
namespace {

using nlohmann::json;

struct Classification {
  std::int64_t a, b, c;
  TriangleKind kind;
};

class TriangleTable : public ::testing::TestWithParam<Classification> {};

TEST_P(TriangleTable, ClassifiesSides) {
  const auto& row = GetParam();
  EXPECT_EQ(classify_triangle(row.a, row.b, row.c), row.kind)
      << row.a << ", " << row.b << ", " << row.c;
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, TriangleTable,
    ::testing::Values(Classification{1, 1, 1, TriangleKind::equilateral},
                      Classification{200, 200, 200, TriangleKind::equilateral},
                      Classification{5, 5, 3, TriangleKind::isosceles},
                      Classification{5, 3, 5, TriangleKind::isosceles},
                      Classification{3, 5, 5, TriangleKind::isosceles},
                      Classification{200, 200, 1, TriangleKind::isosceles},
                      Classification{3, 4, 5, TriangleKind::scalene},
                      Classification{199, 200, 198, TriangleKind::scalene},
                      // Degenerate: one side equals the sum of the others.
                      Classification{1, 2, 3, TriangleKind::not_a_triangle},
                      Classification{3, 1, 2, TriangleKind::not_a_triangle},
                      Classification{2, 3, 1, TriangleKind::not_a_triangle},
                      Classification{100, 100, 200, TriangleKind::not_a_triangle},
                      Classification{1, 1, 200, TriangleKind::not_a_triangle},
                      Classification{1, 10, 20, TriangleKind::not_a_triangle}));

TEST(TriangleEndpoint, AnswersTheKindForValidSides) {
  const DemoResponse response = triangle_endpoint(json{{"a", 3}, {"b", 4}, {"c", 5}});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, (json{{"kind", "scalene"}}));
}

TEST(TriangleEndpoint, AcceptsTheBoundarySides) {
  EXPECT_EQ(triangle_endpoint(json{{"a", 1}, {"b", 1}, {"c", 1}}).body["kind"], "equilateral");
  EXPECT_EQ(triangle_endpoint(json{{"a", 200}, {"b", 200}, {"c", 200}}).body["kind"],
            "equilateral");
}

TEST(TriangleEndpoint, ReportsTheFirstMissingSide) {
  const DemoResponse response = triangle_endpoint(json{{"b", 4}, {"c", 5}});
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.body.dump(), R"({"error":"missing field","field":"a"})");
}

TEST(TriangleEndpoint, RejectsAWholeFloatAsNotAnInteger) {
  const DemoResponse response = triangle_endpoint(json::parse(R"({"a":3,"b":3.0,"c":3})"));
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.body.dump(), R"({"error":"not an integer","field":"b"})");
}

TEST(TriangleEndpoint, RejectsANumericStringAsNotAnInteger) {
  const DemoResponse response = triangle_endpoint(json{{"a", 3}, {"b", "3"}, {"c", 3}});
  EXPECT_EQ(response.body.dump(), R"({"error":"not an integer","field":"b"})");
}

TEST(TriangleEndpoint, RejectsSidesJustOutsideTheRange) {
  EXPECT_EQ(triangle_endpoint(json{{"a", 0}, {"b", 1}, {"c", 1}}).body.dump(),
            R"({"error":"out of range","field":"a","max":200,"min":1})");
  const DemoResponse response = triangle_endpoint(json{{"a", 1}, {"b", 1}, {"c", 201}});
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.body.dump(), R"({"error":"out of range","field":"c","max":200,"min":1})");
}

RC_GTEST_PROP(TriangleProperties, KindDoesNotDependOnTheOrderOfSides, ()) {
  const auto a = *rc::gen::inRange<std::int64_t>(1, 201);
  const auto b = *rc::gen::inRange<std::int64_t>(1, 201);
  const auto c = *rc::gen::inRange<std::int64_t>(1, 201);
  const TriangleKind kind = classify_triangle(a, b, c);
  RC_ASSERT(classify_triangle(b, c, a) == kind);
  RC_ASSERT(classify_triangle(c, a, b) == kind);
  RC_ASSERT(classify_triangle(b, a, c) == kind);
}

}  // namespace
}  // namespace glassbox::probes::demo
