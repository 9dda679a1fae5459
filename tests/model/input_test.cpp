#include "suites/model/input.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace glassbox::suite {
namespace {

TEST(Dates, ParseAndFormatKnownDays) {
  EXPECT_EQ(parse_date("1970-01-01"), 0);
  EXPECT_EQ(parse_date("2000-03-01"), 11017);
  EXPECT_EQ(format_date(11016), "2000-02-29");
  EXPECT_EQ(format_date(-1), "1969-12-31");
  EXPECT_EQ(format_date(*parse_date("1812-01-01") - 1), "1811-12-31");
}

TEST(Dates, RejectImpossibleOrMalformedDates) {
  EXPECT_FALSE(parse_date("2021-02-29"));
  EXPECT_FALSE(parse_date("1900-02-29"));
  EXPECT_TRUE(parse_date("2000-02-29"));
  EXPECT_FALSE(parse_date("2021-13-01"));
  EXPECT_FALSE(parse_date("2021-1-01"));
  EXPECT_FALSE(parse_date("2021-01-00"));
  EXPECT_FALSE(parse_date("abcd-ef-gh"));
}

RC_GTEST_PROP(Dates, FormatThenParseIsIdentity, ()) {
  const auto days = *rc::gen::inRange<std::int64_t>(-200000, 200000);
  RC_ASSERT(parse_date(format_date(days)) == std::optional<std::int64_t>(days));
}

Input small_int() {
  Input in;
  in.name = "a";
  in.type = InputType::Int;
  in.classes = {InputClass{.name = "ok", .valid = true, .range = {1, 9}},
                InputClass{.name = "big", .valid = false, .range = {10, std::nullopt}},
                InputClass{.name = "text", .valid = false, .values = {"abc"}}};
  return in;
}

TEST(InputClassify, PrefersValidClassesThenInvalidOnes) {
  Input in = small_int();
  EXPECT_EQ(in.classify(5)->name, "ok");
  EXPECT_EQ(in.classify(10)->name, "big");
  EXPECT_EQ(in.classify("abc")->name, "text");
  EXPECT_EQ(in.classify(0), nullptr);
  EXPECT_EQ(in.classify(1.5), nullptr);  // not an integer: no int class holds it
}

TEST(InputClassify, StringLengthsCountCodePoints) {
  Input in;
  in.type = InputType::String;
  in.classes = {InputClass{.name = "short", .valid = true, .range = {1, 2}}};
  EXPECT_EQ(in.classify("\xC3\xA9\xC3\xA9")->name, "short");  // two code points, four bytes
  EXPECT_EQ(in.classify("abc"), nullptr);
}

}  // namespace
}  // namespace glassbox::suite
