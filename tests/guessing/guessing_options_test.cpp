// Mistakes in an error_guessing use's options and form: errors at the use, naming the option.
#include <gtest/gtest.h>

#include "generators/generator.hpp"
#include "suites/loader/loader.hpp"

namespace glassbox::generators {
namespace {

// The use starts at line 11, column 9 of the suite.
std::string suite_with(const std::string& use) {
  return R"(suite: shop
targets: {demo: builtin:demo}
inputs:
  item: {type: string, min_length: 1, max_length: 40}
requests:
  order:
    method: POST
    path: /orders
    body: {item: "{{item}}"}
    techniques:
      - )" + use + "\n";
}

std::string error_of(const std::string& use) {
  auto loaded = loader::load_suite_text(suite_with(use), "shop.yaml");
  if (!loaded) return "load failed: " + loaded.error().to_string();
  auto cases = generate_all(*loaded, 1);
  if (cases) return "no error";
  return cases.error().to_string();
}

constexpr std::string_view kPrefix = "shop.yaml:11:9: technique 'error_guessing' of request 'order': ";

TEST(ErrorGuessingOptions, UnknownOptionSuggestsTheClosest) {
  EXPECT_EQ(error_of("{technique: error_guessing, options: {skp: [sql]}}"),
            std::string(kPrefix) + "unknown option 'skp' (did you mean 'skip'? options: only, skip, expect, extra)");
}

TEST(ErrorGuessingOptions, OnlyAndSkipNameCategoriesOrEntries) {
  EXPECT_EQ(error_of("{technique: error_guessing, options: {only: [sqll]}}"),
            std::string(kPrefix) + "option 'only' names unknown category or entry 'sqll' (did you mean 'sql'?)");
  EXPECT_EQ(error_of("{technique: error_guessing, options: {skip: [number.nann]}}"),
            std::string(kPrefix) + "option 'skip' names unknown category or entry 'number.nann' (did you mean "
                                   "'number.nan'?)");
  EXPECT_EQ(error_of("{technique: error_guessing, options: {skip: sql}}"),
            std::string(kPrefix) + "option 'skip' must be a list of categories or entry ids, got \"sql\"");
}

TEST(ErrorGuessingOptions, ExpectIsNo5xxOrInvalid) {
  EXPECT_EQ(error_of("{technique: error_guessing, options: {expect: valid}}"),
            std::string(kPrefix) + "option 'expect' must be 'no_5xx' or 'invalid', got \"valid\"");
  EXPECT_EQ(error_of("{technique: error_guessing, options: {expect: no_5xx}}"), "no error");
}

TEST(ErrorGuessingOptions, ExtraEntriesAreChecked) {
  EXPECT_EQ(error_of("{technique: error_guessing, options: {extra: [{types: [string], value: x}]}}"),
            std::string(kPrefix) + "option 'extra': each entry needs an 'id' (a name), got "
                                   "{\"types\":[\"string\"],\"value\":\"x\"}");
  EXPECT_EQ(error_of("{technique: error_guessing, options: {extra: [{id: mine}]}}"),
            std::string(kPrefix) + "option 'extra': entry 'mine' needs a 'value'");
  EXPECT_EQ(error_of("{technique: error_guessing, options: {extra: [{id: sql.quote, value: x}]}}"),
            std::string(kPrefix) + "option 'extra': 'sql.quote' is a built-in entry; give yours another id");
  EXPECT_EQ(error_of("{technique: error_guessing, options: {extra: [{id: a, value: 1}, {id: a, value: 2}]}}"),
            std::string(kPrefix) + "option 'extra': id 'a' is listed twice");
  EXPECT_EQ(error_of("{technique: error_guessing, options: {extra: [{id: a, types: [strng], value: x}]}}"),
            std::string(kPrefix) + "option 'extra': entry 'a' names unknown type 'strng' (did you mean 'string'? "
                                   "types: int, number, string, enum, bool, date)");
  EXPECT_EQ(error_of("{technique: error_guessing, options: {extra: [{id: a, vlue: x}]}}"),
            std::string(kPrefix) + "option 'extra': entry 'a' has unknown key 'vlue' (did you mean 'value'? "
                                   "keys: id, types, value)");
  EXPECT_EQ(error_of("{technique: error_guessing, options: {extra: [{id: a, raw: x}]}}"),
            std::string(kPrefix) + "option 'extra': entry 'a' has unknown key 'raw' (keys: id, types, value)");
  EXPECT_EQ(error_of("{technique: error_guessing, options: {extra: {id: a}}}"),
            std::string(kPrefix) + "option 'extra' must be a list of {id, types, value}, got {\"id\":\"a\"}");
}

TEST(ErrorGuessingOptions, OnlyMayNameAnExtraEntry) {
  EXPECT_EQ(error_of("{technique: error_guessing, options: {only: [mine], extra: [{id: mine, value: x}]}}"),
            "no error");
}

TEST(ErrorGuessingOptions, UnknownFormListsTheCategories) {
  EXPECT_EQ(error_of("{technique: error_guessing, form: unicod}"),
            "shop.yaml:11:9: technique 'error_guessing' has no form 'unicod' (did you mean 'unicode'? forms: all, "
            "field, type, string, whitespace, unicode, number, integer, sql, shell, path, format, injection, json, "
            "extra)");
}

}  // namespace
}  // namespace glassbox::generators
