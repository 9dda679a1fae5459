// The values a property case draws stay inside the classes they are drawn from, whatever
// the class: properties over random classes of every input type.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "generators/property/draws.hpp"
#include "generators/values.hpp"

namespace glassbox::generators::property {
namespace {

suite::Input input_of(suite::InputType type, suite::InputClass cls) {
  suite::Input input;
  input.name = "x";
  input.type = type;
  input.classes = {std::move(cls)};
  return input;
}

suite::InputClass ranged(std::int64_t lo, std::int64_t hi) {
  suite::InputClass cls;
  cls.name = "c";
  cls.range = {lo, hi};
  return cls;
}

RC_GTEST_PROP(PropertyDraws, IntValuesStayInsideTheClassRange, ()) {
  const auto lo = *rc::gen::inRange<std::int64_t>(-1000000, 1000000);
  const auto width = *rc::gen::inRange<std::int64_t>(0, 5000);
  const suite::Input input = input_of(suite::InputType::Int, ranged(lo, lo + width));
  const Value v = *class_draw(input, input.classes.front());
  RC_ASSERT(v.is_number_integer());
  RC_ASSERT(v.get<std::int64_t>() >= lo);
  RC_ASSERT(v.get<std::int64_t>() <= lo + width);
}

RC_GTEST_PROP(PropertyDraws, IntValuesOfAHalfOpenClassStayOnItsSide, (bool open_above)) {
  const auto end = *rc::gen::inRange<std::int64_t>(-1000, 1000);
  suite::InputClass cls;
  cls.name = "c";
  if (open_above)
    cls.range.min = end;
  else
    cls.range.max = end;
  const suite::Input input = input_of(suite::InputType::Int, cls);
  const auto v = (*class_draw(input, cls)).get<std::int64_t>();
  const bool inside = open_above ? (v >= end && v <= end + kIntSpread) : (v <= end && v >= end - kIntSpread);
  RC_ASSERT(inside);
}

RC_GTEST_PROP(PropertyDraws, DatesStayInsideTheClassRange, ()) {
  const auto lo = *rc::gen::inRange<std::int64_t>(-50000, 50000);
  const auto width = *rc::gen::inRange<std::int64_t>(0, 2000);
  const suite::Input input = input_of(suite::InputType::Date, ranged(lo, lo + width));
  const Value v = *class_draw(input, input.classes.front());
  const auto days = suite::parse_date(v.get<std::string>());
  RC_ASSERT(days.has_value());
  RC_ASSERT(*days >= lo);
  RC_ASSERT(*days <= lo + width);
}

RC_GTEST_PROP(PropertyDraws, StringsHaveAClassLengthAndCharsetCharacters, ()) {
  const auto lo = *rc::gen::inRange<std::int64_t>(0, 40);
  const auto width = *rc::gen::inRange<std::int64_t>(0, 40);
  suite::Input input = input_of(suite::InputType::String, ranged(lo, lo + width));
  input.charset = "xyz";
  const std::string s = (*class_draw(input, input.classes.front())).get<std::string>();
  RC_ASSERT(static_cast<std::int64_t>(s.size()) >= lo);
  RC_ASSERT(static_cast<std::int64_t>(s.size()) <= lo + width);
  RC_ASSERT(s.find_first_not_of("xyz") == std::string::npos);
}

RC_GTEST_PROP(PropertyDraws, NumbersStayInsideTheClassOnTheStepGrid, ()) {
  const double lo = static_cast<double>(*rc::gen::inRange(-10000, 10000)) / 100.0;
  const double width = static_cast<double>(*rc::gen::inRange(0, 100000)) / 100.0;
  suite::InputClass cls;
  cls.name = "c";
  cls.real = {lo, lo + width};
  suite::Input input = input_of(suite::InputType::Number, cls);
  input.step = 0.01;
  const double v = (*class_draw(input, cls)).get<double>();
  RC_ASSERT(v >= lo - 1e-9);
  RC_ASSERT(v <= lo + width + 1e-9);
  const double steps = (v - lo) / 0.01;
  RC_ASSERT(std::abs(steps - std::round(steps)) < 1e-6);
}

RC_GTEST_PROP(PropertyDraws, ValuesOfSeveralClassesBelongToOneOfThem, ()) {
  const auto a = *rc::gen::inRange<std::int64_t>(-1000, 1000);
  const auto b = *rc::gen::inRange<std::int64_t>(a + 100, a + 2000);
  suite::Input input;
  input.name = "x";
  input.classes = {ranged(a, a + 10), ranged(b, b + 10)};
  input.classes[1].name = "d";
  const auto v = (*input_draw(input, {&input.classes[0], &input.classes[1]})).get<std::int64_t>();
  RC_ASSERT((v >= a && v <= a + 10) || (v >= b && v <= b + 10));
}

TEST(PropertyDraws, EnumValuesComeFromTheEnumAndListedValuesFromTheClass) {
  suite::Input colour;
  colour.name = "colour";
  colour.type = suite::InputType::Enum;
  colour.enum_values = {"red", "green", "blue"};
  suite::InputClass any;
  any.name = "any";
  colour.classes = {any};
  suite::InputClass listed;
  listed.name = "listed";
  listed.values = {"green"};
  EXPECT_TRUE(rc::check([&] {
    const Value v = *class_draw(colour, any);
    RC_ASSERT(std::find(colour.enum_values.begin(), colour.enum_values.end(), v) != colour.enum_values.end());
    RC_ASSERT(*class_draw(colour, listed) == Value("green"));
  }));
}

TEST(PropertyDraws, AnInputWithoutClassesToDrawFromStaysAtItsNominalValue) {
  suite::Input input;
  input.name = "x";
  input.range = {10, 20};
  input.classes = {ranged(10, 20)};
  EXPECT_TRUE(rc::check([&] { RC_ASSERT(*input_draw(input, {}) == nominal_value(input)); }));
}

}  // namespace
}  // namespace glassbox::generators::property
