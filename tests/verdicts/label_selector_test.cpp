// Label matchers as suites write them for metric SLIs.
#include "suites/runner/label_selector.hpp"

#include <gtest/gtest.h>

namespace glassbox::runner {
namespace {

using prometheus::Labels;

bool all_match(const std::vector<prometheus::LabelMatcher>& matchers, const Labels& labels) {
  for (const auto& m : matchers)
    if (!m.matches(labels)) return false;
  return true;
}

TEST(LabelMatchers, ParsesEveryOperator) {
  auto parsed = parse_label_matchers(R"(route="/orders", code=~"5..",method!='GET' , pod!~"canary-.*",)");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->size(), 4u);
  EXPECT_TRUE(all_match(*parsed, {{"code", "503"}, {"method", "POST"}, {"pod", "web-1"}, {"route", "/orders"}}));
  EXPECT_FALSE(all_match(*parsed, {{"code", "404"}, {"method", "POST"}, {"pod", "web-1"}, {"route", "/orders"}}));
  EXPECT_FALSE(all_match(*parsed, {{"code", "503"}, {"method", "GET"}, {"pod", "web-1"}, {"route", "/orders"}}));
  EXPECT_FALSE(all_match(*parsed, {{"code", "503"}, {"method", "POST"}, {"pod", "canary-2"}, {"route", "/orders"}}));
}

TEST(LabelMatchers, EmptyTextIsNoMatcher) {
  auto parsed = parse_label_matchers("  ");
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->empty());
}

TEST(LabelMatchers, EscapesInQuotedValues) {
  auto parsed = parse_label_matchers(R"(path="a\"b\\c")");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_TRUE(all_match(*parsed, {{"path", R"(a"b\c)"}}));
}

TEST(LabelMatchers, ErrorsNameTheColumn) {
  EXPECT_EQ(parse_label_matchers("code=5..").error().message,
            "label matchers 'code=5..': column 6: expected a quoted value");
  EXPECT_EQ(parse_label_matchers(R"(code "5")").error().message,
            "label matchers 'code \"5\"': column 6: expected '=', '!=', '=~' or '!~' after the label name");
  EXPECT_EQ(parse_label_matchers(R"(code="5" route="/")").error().message,
            "label matchers 'code=\"5\" route=\"/\"': column 10: expected ',' between matchers");
  EXPECT_EQ(parse_label_matchers(R"(="5")").error().message, "label matchers '=\"5\"': column 1: expected a label name");
  EXPECT_EQ(parse_label_matchers(R"(code="5)").error().message,
            "label matchers 'code=\"5': column 8: the quoted value is not closed");
}

TEST(LabelMatchers, ABadRegexIsAnError) {
  auto parsed = parse_label_matchers(R"(code=~"5(")");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().message.rfind("label matchers 'code=~\"5(\"': ", 0), 0u) << parsed.error().message;
}

}  // namespace
}  // namespace glassbox::runner
