// Nominal values, representatives and name suggestions.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "generators/did_you_mean.hpp"
#include "generators/representatives.hpp"
#include "generators/values.hpp"
#include "tests/generators/suite_builder.hpp"

namespace glassbox::generators {
namespace {

using namespace fixtures;

suite::Input typed(suite::InputType type) {
  suite::Input input;
  input.name = "v";
  input.type = type;
  return input;
}

TEST(NominalValue, IntIsTheFloorOfTheMidpoint) {
  EXPECT_EQ(nominal_value(bounded_int("a", -3, 0)), -2);
  EXPECT_EQ(nominal_value(bounded_int("a", 1, 10)), 5);
}

TEST(NominalValue, ADeclaredNominalWins) {
  suite::Input a = bounded_int("a", 1, 10);
  a.nominal = Value(9);
  EXPECT_EQ(nominal_value(a), 9);
}

TEST(NominalValue, OneEndedRangeUsesThatEnd) {
  suite::Input a = bounded_int("a", 1, 10);
  a.range = {std::nullopt, 10};
  a.classes = {valid_class("small", std::nullopt, 10)};
  EXPECT_EQ(nominal_value(a), 10);
}

TEST(NominalValue, UnboundedInputTakesTheFirstListedValidValue) {
  suite::Input a = typed(suite::InputType::Int);
  a.classes = {valid_class("listed", std::nullopt, std::nullopt)};
  a.classes[0].values = {7, 8};
  EXPECT_EQ(nominal_value(a), 7);
  a.classes[0].values.clear();
  EXPECT_EQ(nominal_value(a), 0);
}

TEST(NominalValue, DateIsTheMiddleDay) {
  suite::Input d = typed(suite::InputType::Date);
  d.range = {suite::parse_date("2024-02-01"), suite::parse_date("2024-03-31")};
  EXPECT_EQ(nominal_value(d), "2024-03-01");
  EXPECT_EQ(nominal_value(typed(suite::InputType::Date)), "2000-01-01");
}

TEST(NominalValue, NumberIsTheMidpointRoundedToTheStep) {
  suite::Input x = typed(suite::InputType::Number);
  x.real = {0.0, 0.25};
  x.step = 0.01;
  EXPECT_EQ(nominal_value(x).dump(), "0.13");  // 0.125 rounds half away from zero
}

TEST(NominalValue, StringHasTheMidpointLengthDefaultingToOneToSixteen) {
  suite::Input s = typed(suite::InputType::String);
  EXPECT_EQ(nominal_value(s), "abcdefgh");
  s.range = {20, std::nullopt};
  EXPECT_EQ(nominal_value(s).get<std::string>().size(), 20u);
  s.range = {4, 6};
  s.charset = "01";
  EXPECT_EQ(nominal_value(s), "01010");
}

TEST(NominalValue, EnumIsTheFirstValueAndBoolIsTrue) {
  suite::Input e = typed(suite::InputType::Enum);
  e.enum_values = {"b", "a"};
  EXPECT_EQ(nominal_value(e), "b");
  EXPECT_EQ(nominal_value(typed(suite::InputType::Bool)), true);
}

TEST(Representative, StringsAreMadeOfTheCharsetWithinTheClassLengths) {
  suite::Input s = typed(suite::InputType::String);
  s.range = {3, 6};
  s.charset = "xyz";
  s.classes = {valid_class("fits", 3, 6), invalid_class("too_long", 7, std::nullopt)};
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    std::string fits = representative(s, s.classes[0], seed, "r").get<std::string>();
    EXPECT_GE(fits.size(), 3u);
    EXPECT_LE(fits.size(), 6u);
    EXPECT_EQ(fits.find_first_not_of("xyz"), std::string::npos) << fits;
    std::string too_long = representative(s, s.classes[1], seed, "r").get<std::string>();
    EXPECT_GE(too_long.size(), 7u);
    EXPECT_LE(too_long.size(), 22u);  // 15 characters beyond the closed end
  }
}

TEST(Representative, NumbersLieOnTheStepGridOfTheClass) {
  suite::Input x = typed(suite::InputType::Number);
  x.step = 0.25;
  suite::InputClass c;
  c.name = "range";
  c.real = {1.0, 3.0};
  x.classes = {c};
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    double v = representative(x, x.classes[0], seed, "r").get<double>();
    EXPECT_GE(v, 1.0);
    EXPECT_LE(v, 3.0);
    EXPECT_EQ(std::fmod(v - 1.0, 0.25), 0.0) << v;
  }
}

TEST(Representative, DatesLieWithinTheClassAndOpenEndsWithinAYear) {
  suite::Input d = typed(suite::InputType::Date);
  auto first = suite::parse_date("2024-01-01"), last = suite::parse_date("2024-12-31");
  d.classes = {valid_class("this_year", first, last), invalid_class("later", *last + 1, std::nullopt)};
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    auto days = suite::parse_date(representative(d, d.classes[0], seed, "r").get<std::string>());
    ASSERT_TRUE(days);
    EXPECT_GE(*days, *first);
    EXPECT_LE(*days, *last);
    auto later = suite::parse_date(representative(d, d.classes[1], seed, "r").get<std::string>());
    ASSERT_TRUE(later);
    EXPECT_GT(*later, *last);
    EXPECT_LE(*later, *last + 366);
  }
}

TEST(Representative, InvalidEnumClassWithoutValuesIsNotAnEnumValue) {
  suite::Input e = typed(suite::InputType::Enum);
  e.enum_values = {"red", "not-red"};
  suite::InputClass bad;
  bad.name = "unknown";
  bad.valid = false;
  e.classes = {bad};
  EXPECT_EQ(representative(e, e.classes[0], 1, "r"), "not-red-x");
}

TEST(Representative, DependsOnTheSeedButIsStableForIt) {
  suite::Input a = bounded_int("a", 1, 1000000);
  std::set<std::int64_t> seen;
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    Value v = representative(a, a.classes[1], seed, "r");
    EXPECT_EQ(v, representative(a, a.classes[1], seed, "r"));
    seen.insert(v.get<std::int64_t>());
  }
  EXPECT_GT(seen.size(), 10u);
}

TEST(DidYouMean, SuggestsTheClosestPlausibleName) {
  EXPECT_EQ(did_you_mean("robst", {"normal", "robust", "worst_case"}), "robust");
  EXPECT_EQ(did_you_mean("d", {"a", "b"}), "a");
  EXPECT_EQ(did_you_mean("PARTITIONS", {"partitions"}), "partitions");
  EXPECT_EQ(did_you_mean("fuzzing", {"partitions", "boundaries"}), std::nullopt);
  EXPECT_EQ(did_you_mean("x", {}), std::nullopt);
}

TEST(DidYouMean, JoinsNamesWithCommas) {
  EXPECT_EQ(join_names({"a", "b", "c"}), "a, b, c");
  EXPECT_EQ(join_names({}), "");
}

}  // namespace
}  // namespace glassbox::generators
