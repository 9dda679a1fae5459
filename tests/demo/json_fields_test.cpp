#include "probes/demo/json_fields.hpp"

#include <gtest/gtest.h>

namespace glassbox::probes::demo {
namespace {

using nlohmann::json;

template <typename T>
std::string error_of(const FieldResult<T>& result) {
  const auto* error = std::get_if<FieldError>(&result);
  return error == nullptr ? "(no error)" : error->to_response().body.dump();
}

TEST(IntegerField, RejectsHugeUnsignedValuesAsOutOfRangeRatherThanWrapping) {
  const json body = json::parse(R"({"n":18446744073709551615})");
  EXPECT_EQ(error_of(integer_field(body, "n", 1, 200)),
            R"({"error":"out of range","field":"n","max":200,"min":1})");
}

TEST(IntegerField, RejectsNullAsNotAnInteger) {
  EXPECT_EQ(error_of(integer_field(json{{"n", nullptr}}, "n", 1, 2)),
            R"({"error":"not an integer","field":"n"})");
}

TEST(NumberField, AcceptsIntegersAndFractions) {
  EXPECT_EQ(std::get<double>(number_field(json{{"x", 7}}, "x", 0, 10)), 7.0);
  EXPECT_EQ(std::get<double>(number_field(json{{"x", 9.5}}, "x", 0, 10)), 9.5);
}

TEST(NumberField, PrintsWholeBoundsAsIntegers) {
  EXPECT_EQ(error_of(number_field(json{{"x", -0.01}}, "x", 0, 10000)),
            R"({"error":"out of range","field":"x","max":10000,"min":0})");
}

TEST(BooleanField, RejectsZeroAndOneAsNotABoolean) {
  EXPECT_EQ(error_of(boolean_field(json{{"flag", 1}}, "flag")),
            R"({"error":"not a boolean","field":"flag"})");
}

TEST(StringField, CountsCharactersNotBytes) {
  const std::string forty_umlauts = [] {
    std::string text;
    for (int i = 0; i < 40; ++i) text += "\xC3\xBC";  // U+00FC, two bytes each
    return text;
  }();
  EXPECT_EQ(std::get<std::string>(string_field(json{{"s", forty_umlauts}}, "s", 1, 40)),
            forty_umlauts);
  EXPECT_EQ(error_of(string_field(json{{"s", forty_umlauts + "x"}}, "s", 1, 40)),
            R"({"error":"length out of range","field":"s","max":40,"min":1})");
}

TEST(StringField, RejectsANumberAsNotAString) {
  EXPECT_EQ(error_of(string_field(json{{"s", 5}}, "s", 1, 40)),
            R"({"error":"not a string","field":"s"})");
}

}  // namespace
}  // namespace glassbox::probes::demo
