// Inputs: types, bounds, nominal values, written partitions and the implicit classes.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <fmt/format.h>

#include "tests/loader/loader_test_support.hpp"

namespace glassbox::loader {
namespace {

using suite::Input;
using suite::InputClass;
using suite::InputType;
using testing::load_ok;

// A suite with `inputs` as given (indented under "inputs:") and a request using every input named in `used`.
std::string suite_with_inputs(const std::string& inputs, const std::string& used) {
  return "suite: t\ntargets: {demo: builtin:demo}\ninputs:\n" + inputs + "requests:\n  r:\n    path: \"/" + used +
         "\"\n";
}

const Input& only_input(const suite::Suite& s) {
  static const Input kNone;
  if (s.inputs.size() != 1) {
    ADD_FAILURE() << "expected one input, got " << s.inputs.size();
    return kNone;
  }
  return s.inputs.front();
}

std::vector<std::string> class_names(const Input& input) {
  std::vector<std::string> names;
  for (const InputClass& c : input.classes) names.push_back((c.valid ? "+" : "-") + c.name);
  return names;
}

TEST(LoaderInputs, BoundedIntGetsInRangeBelowMinAndAboveMax) {
  suite::Suite s = load_ok(suite_with_inputs("  a: {type: int, min: 1, max: 200}\n", "{{a}}"));
  const Input& a = only_input(s);
  EXPECT_EQ(a.type, InputType::Int);
  EXPECT_EQ(a.range.min, 1);
  EXPECT_EQ(a.range.max, 200);
  ASSERT_EQ(class_names(a), (std::vector<std::string>{"+in_range", "-below_min", "-above_max"}));
  EXPECT_EQ(a.classes[0].range.min, 1);
  EXPECT_EQ(a.classes[0].range.max, 200);
  EXPECT_FALSE(a.classes[1].range.min);
  EXPECT_EQ(a.classes[1].range.max, 0);
  EXPECT_EQ(a.classes[2].range.min, 201);
  EXPECT_FALSE(a.classes[2].range.max);
  for (const InputClass& c : a.classes) {
    EXPECT_TRUE(c.implicit) << c.name;
    EXPECT_EQ(c.where.line, 4) << c.name;
  }
}

TEST(LoaderInputs, IntWithOnlyMinHasNoAboveMax) {
  const Input a = only_input(load_ok(suite_with_inputs("  a: {type: int, min: 0}\n", "{{a}}")));
  EXPECT_EQ(class_names(a), (std::vector<std::string>{"+in_range", "-below_min"}));
  EXPECT_EQ(a.classes[1].range.max, -1);
}

TEST(LoaderInputs, NumberClassesStepAwayFromTheBounds) {
  const Input amount = only_input(load_ok(suite_with_inputs("  n: {type: number, min: 0, max: 10000}\n", "{{n}}")));
  EXPECT_DOUBLE_EQ(amount.step, 0.01);
  EXPECT_EQ(amount.real.min, 0.0);
  EXPECT_EQ(amount.real.max, 10000.0);
  ASSERT_EQ(class_names(amount), (std::vector<std::string>{"+in_range", "-below_min", "-above_max"}));
  EXPECT_DOUBLE_EQ(*amount.classes[1].real.max, -0.01);
  EXPECT_DOUBLE_EQ(*amount.classes[2].real.min, 10000.01);

  const Input coarse =
      only_input(load_ok(suite_with_inputs("  n: {type: number, min: 1.5, max: 2, step: 0.5}\n", "{{n}}")));
  EXPECT_DOUBLE_EQ(*coarse.classes[1].real.max, 1.0);
  EXPECT_DOUBLE_EQ(*coarse.classes[2].real.min, 2.5);
}

TEST(LoaderInputs, DateBoundsAreDaysAndClassesStepByOneDay) {
  const Input d = only_input(
      load_ok(suite_with_inputs("  d: {type: date, min: \"1812-01-01\", max: \"2212-12-31\"}\n", "{{d}}")));
  EXPECT_EQ(d.range.min, suite::parse_date("1812-01-01"));
  EXPECT_EQ(d.range.max, suite::parse_date("2212-12-31"));
  ASSERT_EQ(class_names(d), (std::vector<std::string>{"+in_range", "-below_min", "-above_max"}));
  EXPECT_EQ(suite::format_date(*d.classes[1].range.max), "1811-12-31");
  EXPECT_EQ(suite::format_date(*d.classes[2].range.min), "2213-01-01");
}

TEST(LoaderInputs, StringGetsLengthClassesAndAPatternMismatch) {
  const Input name = only_input(load_ok(
      suite_with_inputs("  s: {type: string, min_length: 1, max_length: 40, pattern: \"^[a-z]+$\"}\n", "{{s}}")));
  ASSERT_EQ(class_names(name),
            (std::vector<std::string>{"+valid_length", "-too_short", "-too_long", "-pattern_mismatch"}));
  EXPECT_EQ(name.classes[0].range.min, 1);
  EXPECT_EQ(name.classes[0].range.max, 40);
  EXPECT_EQ(name.classes[1].range.min, 0);
  EXPECT_EQ(name.classes[1].range.max, 0);
  EXPECT_EQ(name.classes[2].range.min, 41);
  EXPECT_FALSE(name.classes[2].range.max);
  EXPECT_EQ(name.classes[3].values, std::vector<Value>{"!"});
  EXPECT_EQ(name.pattern, "^[a-z]+$");
  EXPECT_EQ(name.charset, "") << "unset: generators use a-z";
}

TEST(LoaderInputs, PatternMismatchPicksAStringOfValidLengthThePatternRejects) {
  const Input code = only_input(
      load_ok(suite_with_inputs("  s: {type: string, min_length: 3, pattern: \"^[!]+$\"}\n", "{{s}}")));
  EXPECT_EQ(class_names(code), (std::vector<std::string>{"+valid_length", "-too_short", "-pattern_mismatch"}));
  EXPECT_EQ(code.classes[2].values, std::vector<Value>{"000"});

  const Input anything = only_input(load_ok(suite_with_inputs("  s: {type: string, pattern: \".*\"}\n", "{{s}}")));
  EXPECT_EQ(class_names(anything), (std::vector<std::string>{"+any"})) << "'.*' rejects nothing";
}

TEST(LoaderInputs, EnumGetsOneValidClassPerValueAndNotListed) {
  const Input tier =
      only_input(load_ok(suite_with_inputs("  t: {type: enum, values: [gold, silver, 3]}\n", "{{t}}")));
  EXPECT_EQ(tier.enum_values, (std::vector<Value>{"gold", "silver", 3}));
  ASSERT_EQ(class_names(tier), (std::vector<std::string>{"+gold", "+silver", "+3", "-not_listed"}));
  EXPECT_EQ(tier.classes[0].values, std::vector<Value>{"gold"});
  EXPECT_EQ(tier.classes[2].values, std::vector<Value>{3});
  EXPECT_EQ(tier.classes[3].values, std::vector<Value>{"<not-listed>"});

  const Input tricky =
      only_input(load_ok(suite_with_inputs("  t: {type: enum, values: [\"<not-listed>\"]}\n", "{{t}}")));
  EXPECT_EQ(tricky.classes.back().values, std::vector<Value>{"<not-listed>-"});
}

TEST(LoaderInputs, BoolGetsTrueAndFalse) {
  const Input flag = only_input(load_ok(suite_with_inputs("  f: {type: bool}\n", "{{f}}")));
  ASSERT_EQ(class_names(flag), (std::vector<std::string>{"+true", "+false"}));
  EXPECT_EQ(flag.classes[0].values, std::vector<Value>{true});
  EXPECT_EQ(flag.classes[1].values, std::vector<Value>{false});
}

TEST(LoaderInputs, UnboundedInputsGetOneValidClassAny) {
  for (const char* type : {"int", "number", "string", "date"}) {
    const Input x = only_input(load_ok(suite_with_inputs(fmt::format("  x: {{type: {}}}\n", type), "{{x}}")));
    EXPECT_EQ(class_names(x), (std::vector<std::string>{"+any"})) << type;
    EXPECT_TRUE(x.classes[0].implicit);
  }
}

TEST(LoaderInputs, ScalarShorthandNamesTheType) {
  const Input x = only_input(load_ok(suite_with_inputs("  x: bool\n", "{{x}}")));
  EXPECT_EQ(x.type, InputType::Bool);
  EXPECT_EQ(class_names(x), (std::vector<std::string>{"+true", "+false"}));
}

TEST(LoaderInputs, WrittenPartitionsReplaceTheImplicitClasses) {
  const Input a = only_input(load_ok(suite_with_inputs(R"(  a:
    type: int
    min: 1
    max: 200
    partitions:
      valid:
        small: {min: 1, max: 9}
        large: {min: 10, expect: {json: {/kind: {exists: true}}}}
      invalid:
        zero_or_less: {max: 0, expect: {status: 400, json: {/error: "out of range"}}}
        not_an_integer: {values: ["abc", 1.5, null]}
)",
                                                       "{{a}}")));
  ASSERT_EQ(class_names(a), (std::vector<std::string>{"+small", "+large", "-zero_or_less", "-not_an_integer"}));
  for (const InputClass& c : a.classes) EXPECT_FALSE(c.implicit) << c.name;

  EXPECT_EQ(a.classes[1].range.min, 10);
  EXPECT_EQ(a.classes[1].range.max, 200) << "a valid class's open end is the input's bound";
  ASSERT_TRUE(a.classes[1].expect);
  ASSERT_EQ(a.classes[1].expect->json.size(), 1u);
  EXPECT_EQ(a.classes[1].expect->json[0].kind, suite::MatchKind::Exists);
  EXPECT_FALSE(a.classes[1].expect->status) << "a class sets only what it writes";

  EXPECT_FALSE(a.classes[2].range.min) << "invalid classes keep their open ends";
  EXPECT_EQ(a.classes[2].range.max, 0);
  ASSERT_TRUE(a.classes[2].expect);
  EXPECT_EQ(a.classes[2].expect->status->codes, std::vector<int>{400});
  EXPECT_EQ(a.classes[2].expect->json[0].pointer, "/error");
  EXPECT_EQ(a.classes[2].expect->json[0].kind, suite::MatchKind::Equals);
  EXPECT_EQ(a.classes[2].expect->json[0].operand, "out of range");

  EXPECT_EQ(a.classes[3].values, (std::vector<Value>{"abc", 1.5, nullptr}));
  EXPECT_EQ(a.classes[3].where.line, 14);
}

TEST(LoaderInputs, ClassRangesAreTypedLikeTheInput) {
  const Input d = only_input(load_ok(suite_with_inputs(R"(  d:
    type: date
    partitions:
      valid:
        leap_day: {min: "2024-02-29", max: "2024-02-29"}
)",
                                                       "{{d}}")));
  EXPECT_EQ(d.classes[0].range.min, suite::parse_date("2024-02-29"));
  const Input s = only_input(load_ok(suite_with_inputs(R"(  s:
    type: string
    partitions:
      valid: {short: {min_length: 1, max_length: 3}}
      invalid: {empty: {max_length: 0}}
)",
                                                       "{{s}}")));
  EXPECT_EQ(s.classes[0].range.max, 3);
  EXPECT_EQ(s.classes[1].range.max, 0);
}

TEST(LoaderInputs, NominalIsStoredWithTheInputsType) {
  suite::Suite s = load_ok(suite_with_inputs(R"(  i: {type: int, nominal: 7}
  n: {type: number, nominal: 2}
  d: {type: date, nominal: "2020-02-29"}
  s: {type: string, nominal: "abc"}
  e: {type: enum, values: [1, 2], nominal: 2}
  b: {type: bool, nominal: false}
)",
                                             "{{i}}{{n}}{{d}}{{s}}{{e}}{{b}}"));
  ASSERT_EQ(s.inputs.size(), 6u);
  EXPECT_EQ(*s.inputs[0].nominal, Value(7));
  EXPECT_TRUE(s.inputs[1].nominal->is_number_float());
  EXPECT_EQ(*s.inputs[2].nominal, Value("2020-02-29"));
  EXPECT_EQ(*s.inputs[3].nominal, Value("abc"));
  EXPECT_EQ(*s.inputs[4].nominal, Value(2));
  EXPECT_EQ(*s.inputs[5].nominal, Value(false));
}

// Whatever the bounds, the implicit classes of an int cover every value exactly as the
// bounds say: inside is in_range, below is below_min, above is above_max.
RC_GTEST_PROP(LoaderInputs, ImplicitIntClassesClassifyEveryValueByTheBounds, ()) {
  const auto min = *rc::gen::inRange<std::int64_t>(-1000, 1000);
  const auto max = *rc::gen::inRange<std::int64_t>(min, 1001);
  const auto v = *rc::gen::inRange<std::int64_t>(-2000, 2000);
  auto loaded = load_suite_text(suite_with_inputs(fmt::format("  a: {{type: int, min: {}, max: {}}}\n", min, max),
                                                  "{{a}}"),
                                "suite.yaml", testing::with_env());
  RC_ASSERT(loaded.ok());
  const InputClass* cls = loaded->inputs[0].classify(Value(v));
  RC_ASSERT(cls != nullptr);
  std::string expected = v < min ? "below_min" : v > max ? "above_max" : "in_range";
  RC_ASSERT(cls->name == expected);
}

}  // namespace
}  // namespace glassbox::loader
