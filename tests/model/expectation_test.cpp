#include "suites/model/expectation.hpp"

#include <gtest/gtest.h>

namespace glassbox::suite {
namespace {

TEST(StatusSpec, MatchesExactCodesAndClasses) {
  StatusSpec spec{{201}, {4}};
  EXPECT_TRUE(spec.matches(201));
  EXPECT_TRUE(spec.matches(404));
  EXPECT_TRUE(spec.matches(499));
  EXPECT_FALSE(spec.matches(200));
  EXPECT_FALSE(spec.matches(500));
  EXPECT_EQ(spec.to_string(), "201|4xx");
}

TEST(ExpectationMerge, OverrideReplacesStatusAndChecksOfTheSamePointer) {
  Expectation base;
  base.status = StatusSpec{{200}, {}};
  base.json = {{"/kind", MatchKind::Exists, {}, {}}, {"/id", MatchKind::Exists, {}, {}}};
  base.headers = {{"Content-Type", MatchKind::Matches, "json", {}}};
  Expectation over;
  over.json = {{"/kind", MatchKind::Equals, "scalene", {}}};
  over.headers = {{"content-type", MatchKind::Equals, "application/json", {}}};
  over.latency_max_ms = 50;

  Expectation merged = merge(base, over);
  ASSERT_TRUE(merged.status);
  EXPECT_EQ(merged.status->to_string(), "200");
  ASSERT_EQ(merged.json.size(), 2u);
  EXPECT_EQ(merged.json[0].pointer, "/id");
  EXPECT_EQ(merged.json[1].pointer, "/kind");
  EXPECT_EQ(merged.json[1].kind, MatchKind::Equals);
  ASSERT_EQ(merged.headers.size(), 1u);  // header names compare case-insensitively
  EXPECT_EQ(merged.headers[0].operand, "application/json");
  EXPECT_EQ(merged.latency_max_ms, 50);
}

TEST(ExpectationMerge, EmptyOverrideKeepsBase) {
  Expectation base;
  base.status = StatusSpec{{}, {4}};
  Expectation merged = merge(base, Expectation{});
  EXPECT_EQ(merged.status->to_string(), "4xx");
  EXPECT_TRUE(Expectation{}.empty());
  EXPECT_FALSE(merged.empty());
}

}  // namespace
}  // namespace glassbox::suite
