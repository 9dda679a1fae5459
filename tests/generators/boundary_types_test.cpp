// Boundary points of the other input types: number (step), date (days), string (length),
// enum (first, last, outside) and bool.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/generators/suite_builder.hpp"

namespace glassbox::generators {
namespace {

using namespace fixtures;
using ::testing::ElementsAre;

suite::Suite one_input_suite(suite::Input input, const std::string& form) {
  suite::Suite s;
  std::string name = input.name;
  s.inputs = {std::move(input)};
  s.requests = {request_using({name})};
  s.requests[0].techniques = {use("boundaries", form)};
  return s;
}

Expected<std::vector<suite::Case>> boundaries_of(suite::Input input, const std::string& form) {
  return run(*find_generator("boundaries"), one_input_suite(std::move(input), form));
}

suite::Input number_input(double min, double max, double step) {
  suite::Input x;
  x.name = "x";
  x.type = suite::InputType::Number;
  x.real = {min, max};
  x.step = step;
  suite::InputClass ok;
  ok.name = "in_range";
  ok.real = {min, max};
  x.classes = {ok};
  return x;
}

suite::Input date_input(const std::string& first, const std::string& last) {
  suite::Input d;
  d.name = "d";
  d.type = suite::InputType::Date;
  d.range = {suite::parse_date(first), suite::parse_date(last)};
  d.classes = {valid_class("in_range", d.range.min, d.range.max)};
  return d;
}

suite::Input string_input(std::int64_t min_length, std::int64_t max_length, std::string charset = "") {
  suite::Input s;
  s.name = "s";
  s.type = suite::InputType::String;
  s.range = {min_length, max_length};
  s.charset = std::move(charset);
  s.classes = {valid_class("fits", min_length, max_length), invalid_class("too_long", max_length + 1, std::nullopt)};
  return s;
}

suite::Input enum_input(std::vector<Value> values) {
  suite::Input e;
  e.name = "e";
  e.type = suite::InputType::Enum;
  e.enum_values = std::move(values);
  suite::InputClass known;
  known.name = "known";
  e.classes = {known};
  return e;
}

TEST(NumberBoundaries, StepIsTheUnitAndValuesAreRoundedToIt) {
  auto cases = boundaries_of(number_input(0.1, 0.2, 0.01), "robust");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases), ElementsAre("nominal", "x=min-", "x=min", "x=min+", "x=max-", "x=max", "x=max+"));
  EXPECT_THAT(values_of(*cases, "x"), ElementsAre("0.15", "0.09", "0.1", "0.11", "0.19", "0.2", "0.21"));
  EXPECT_EQ(cases->at(1).find("x")->class_name, "");
  EXPECT_FALSE(cases->at(1).find("x")->valid);
  EXPECT_EQ(cases->at(2).find("x")->class_name, "in_range");
}

TEST(NumberBoundaries, AWholeStepGivesWholeNeighbours) {
  auto cases = boundaries_of(number_input(-5, 5, 0.5), "normal");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(values_of(*cases, "x"), ElementsAre("0.0", "-5.0", "-4.5", "4.5", "5.0"));
}

TEST(NumberBoundaries, ANonPositiveStepIsAnError) {
  auto cases = boundaries_of(number_input(0, 1, 0), "normal");
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().message, "technique 'boundaries' needs a positive step for input 'x'");
}

TEST(DateBoundaries, StepsOneDayAcrossYearEndAndLeapDay) {
  auto cases = boundaries_of(date_input("2023-12-31", "2024-03-01"), "robust");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases), ElementsAre("nominal", "d=min-", "d=min", "d=min+", "d=max-", "d=max", "d=max+"));
  EXPECT_THAT(values_of(*cases, "d"),
              ElementsAre("\"2024-01-30\"", "\"2023-12-30\"", "\"2023-12-31\"", "\"2024-01-01\"", "\"2024-02-29\"",
                          "\"2024-03-01\"", "\"2024-03-02\""));
  EXPECT_FALSE(cases->at(1).find("d")->valid);
  EXPECT_TRUE(cases->at(4).find("d")->valid);
}

TEST(DateBoundaries, AcrossTheEndOfFebruaryInACommonYear) {
  auto cases = boundaries_of(date_input("2023-02-01", "2023-02-28"), "robust");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(values_of(*cases, "d"),
              ElementsAre("\"2023-02-14\"", "\"2023-01-31\"", "\"2023-02-01\"", "\"2023-02-02\"", "\"2023-02-27\"",
                          "\"2023-02-28\"", "\"2023-03-01\""));
}

TEST(DateBoundaries, ThreeDaysAroundALeapDayCollapseOntoNominal) {
  auto cases = boundaries_of(date_input("2024-02-28", "2024-03-01"), "robust");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases), ElementsAre("nominal", "d=min-", "d=min", "d=max", "d=max+"));
  EXPECT_THAT(values_of(*cases, "d"),
              ElementsAre("\"2024-02-29\"", "\"2024-02-27\"", "\"2024-02-28\"", "\"2024-03-01\"", "\"2024-03-02\""));
}

TEST(DateBoundaries, DaysBeforeYearZeroAreSkipped) {
  auto cases = boundaries_of(date_input("0000-01-01", "0000-12-31"), "robust");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases), ElementsAre("nominal", "d=min", "d=min+", "d=max-", "d=max", "d=max+"));
}

TEST(StringBoundaries, LengthsStepOneCharacter) {
  auto cases = boundaries_of(string_input(2, 8, "xy"), "robust");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases), ElementsAre("nominal", "s=min-", "s=min", "s=min+", "s=max-", "s=max", "s=max+"));
  EXPECT_THAT(values_of(*cases, "s"), ElementsAre("\"xyxyx\"", "\"x\"", "\"xy\"", "\"xyx\"", "\"xyxyxyx\"",
                                                  "\"xyxyxyxy\"", "\"xyxyxyxyx\""));
  EXPECT_EQ(cases->at(6).find("s")->class_name, "too_long");
}

TEST(StringBoundaries, NoNegativeLengthBelowZero) {
  auto cases = boundaries_of(string_input(0, 10), "robust");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases), ElementsAre("nominal", "s=min", "s=min+", "s=max-", "s=max", "s=max+"));
  EXPECT_EQ(cases->at(1).find("s")->value, "");
  EXPECT_EQ(cases->at(0).find("s")->value, "abcde");
}

TEST(StringBoundaries, LengthsCountCharactersNotBytes) {
  auto cases = boundaries_of(string_input(1, 3, "äö"), "robust");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(values_of(*cases, "s"), ElementsAre("\"äö\"", "\"\"", "\"ä\"", "\"äöä\"", "\"äöäö\""));
  EXPECT_EQ(cases->at(3).find("s")->class_name, "fits");
}

TEST(StringBoundaries, OnlyAMaximumLengthIsAnError) {
  suite::Input s = string_input(1, 5);
  s.range.min.reset();
  s.classes = {valid_class("short", std::nullopt, 5)};
  auto cases = boundaries_of(s, "normal");
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().message,
            "technique 'boundaries' needs bounds for input 's' (set min_length; only max_length is set)");
}

TEST(StringBoundaries, AHugeMaximumLengthIsAnError) {
  auto cases = boundaries_of(string_input(1, 5'000'000), "normal");
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.error().message,
            "technique 'boundaries' would build a string of 5000000 characters for input 's' (the limit is 1048576)");
}

TEST(EnumBoundaries, FirstIsTheNominalSoNormalAddsTheLast) {
  auto cases = boundaries_of(enum_input({"red", "green", "blue"}), "normal");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases), ElementsAre("nominal", "e=last"));
  EXPECT_THAT(values_of(*cases, "e"), ElementsAre("\"red\"", "\"blue\""));
}

TEST(EnumBoundaries, RobustAddsAValueOutsideTheEnum) {
  auto cases = boundaries_of(enum_input({"red", "green", "blue"}), "robust");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases), ElementsAre("nominal", "e=last", "e=outside"));
  const suite::Binding& outside = *cases->at(2).find("e");
  EXPECT_EQ(outside.value, "red_x");
  EXPECT_FALSE(outside.valid);
  EXPECT_EQ(cases->at(2).expected_outcome, "invalid (e.unclassified)");
}

TEST(EnumBoundaries, TheOutsideValueAvoidsEnumValues) {
  auto cases = boundaries_of(enum_input({"a", "a_x", "a_xx"}), "robust");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_EQ(cases->back().find("e")->value, "a_xxx");
}

TEST(EnumBoundaries, NumericEnumsGoOneAboveTheLargest) {
  auto cases = boundaries_of(enum_input({1, 5, 3}), "robust");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(values_of(*cases, "e"), ElementsAre("1", "3", "6"));
}

TEST(EnumBoundaries, ADeclaredNominalLeavesFirstAndLastAsPoints) {
  suite::Input e = enum_input({"red", "green", "blue"});
  e.nominal = Value("green");
  auto cases = boundaries_of(e, "worst_case");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases), ElementsAre("e=first", "e=nominal", "e=last"));
}

TEST(BoolBoundaries, TrueIsNominalSoFalseIsThePoint) {
  suite::Input f;
  f.name = "f";
  f.type = suite::InputType::Bool;
  suite::InputClass any;
  any.name = "any";
  f.classes = {any};
  auto cases = boundaries_of(f, "robust_worst_case");
  ASSERT_TRUE(cases.ok()) << cases.error().to_string();
  EXPECT_THAT(labels_of(*cases), ElementsAre("f=nominal", "f=false"));
  EXPECT_THAT(values_of(*cases, "f"), ElementsAre("true", "false"));
}

}  // namespace
}  // namespace glassbox::generators
