#include <gtest/gtest.h>

#include "reports/writers/html_sections.hpp"

namespace glassbox::reports::html {
namespace {

TEST(ShownBody, ReindentsJsonKeepingKeyOrderAndNumberSpelling) {
  const ShownBody shown = shown_body(R"({"b":1, "a":[1,2.50],"e":{ },"l":[],"s":"x,{y}:\"]"})", Outcome::Failed);
  EXPECT_EQ(shown.text,
            "{\n"
            "  \"b\": 1,\n"
            "  \"a\": [\n"
            "    1,\n"
            "    2.50\n"
            "  ],\n"
            "  \"e\": {},\n"
            "  \"l\": [],\n"
            "  \"s\": \"x,{y}:\\\"]\"\n"
            "}");
  EXPECT_EQ(shown.elided_bytes, 0u);
}

TEST(ShownBody, LeavesInvalidJsonAndOtherBodiesAsTheyCame) {
  EXPECT_EQ(shown_body("{\"a\":", Outcome::Failed).text, "{\"a\":");
  EXPECT_EQ(shown_body("<html> a, b </html>", Outcome::Failed).text, "<html> a, b </html>");
}

TEST(ShownBody, CutsPassedBodiesOnACharacterBoundary) {
  const std::string body = std::string(kPassedBodyLimit - 1, 'x') + "ü" + std::string(100, 'y');
  const ShownBody shown = shown_body(body, Outcome::Passed);
  EXPECT_EQ(shown.text, std::string(kPassedBodyLimit - 1, 'x'));
  EXPECT_EQ(shown.elided_bytes, 102u);
  EXPECT_EQ(shown_body(body, Outcome::Failed).text, body);
}

TEST(Format, ScalesDurationsToReadableUnits) {
  EXPECT_EQ(format_ms(0.421), "0.42 ms");
  EXPECT_EQ(format_ms(12.34), "12.3 ms");
  EXPECT_EQ(format_ms(480), "480 ms");
  EXPECT_EQ(format_ms(1234), "1.23 s");
  EXPECT_EQ(format_ms(123'400), "2 min 3 s");
  EXPECT_EQ(format_us(250'000), "250 ms");
}

TEST(Format, NeverRoundsAFailingRunUpToAHundredPercent) {
  EXPECT_EQ(format_percent(9999, 10000), "99.9 %");
  EXPECT_EQ(format_percent(10, 10), "100 %");
  EXPECT_EQ(format_percent(1, 10000), "0.1 %");
  EXPECT_EQ(format_percent(0, 0), "–");
  EXPECT_EQ(format_percent(37, 40), "92.5 %");
}

}  // namespace
}  // namespace glassbox::reports::html
