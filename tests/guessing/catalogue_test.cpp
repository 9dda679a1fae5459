// The error-guessing catalogue as data: ids, categories, which types each entry applies to,
// what a guess holds, and that the reference documents every entry.
#include "generators/error_guessing/catalogue.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace glassbox::generators::guessing {
namespace {

using suite::InputType;
using testing::ElementsAre;

const Entry& entry(std::string_view id) {
  for (const Entry& e : builtin_catalogue())
    if (e.id == id) return e;
  ADD_FAILURE() << "no entry " << id;
  static const Entry none;
  return none;
}

std::vector<std::string> ids_for(InputType type) {
  std::vector<std::string> ids;
  for (const Entry& e : builtin_catalogue())
    if (applies_to(e, type)) ids.push_back(e.id);
  return ids;
}

TEST(GuessingCatalogue, IdsAreUniqueAndStartWithTheirCategory) {
  std::set<std::string> seen;
  for (const Entry& e : builtin_catalogue()) {
    EXPECT_TRUE(seen.insert(e.id).second) << e.id << " twice";
    EXPECT_EQ(e.id.rfind(e.category + ".", 0), 0u) << e.id;
    EXPECT_FALSE(e.sent.empty()) << e.id;
  }
  EXPECT_GE(seen.size(), 50u);
}

TEST(GuessingCatalogue, CategoriesInCatalogueOrderWithExtraLast) {
  EXPECT_THAT(categories(), ElementsAre("field", "type", "string", "whitespace", "unicode", "number", "integer", "sql",
                                        "shell", "path", "format", "injection", "json", "extra"));
}

TEST(GuessingCatalogue, NumberEntriesApplyToNumbersOnly) {
  for (std::string_view id : {"number.nan", "number.infinity", "number.negative_zero", "integer.int64_max_plus_one"}) {
    EXPECT_TRUE(applies_to(entry(id), InputType::Int)) << id;
    EXPECT_TRUE(applies_to(entry(id), InputType::Number)) << id;
    EXPECT_FALSE(applies_to(entry(id), InputType::String)) << id;
    EXPECT_FALSE(applies_to(entry(id), InputType::Bool)) << id;
  }
  EXPECT_TRUE(applies_to(entry("number.fraction"), InputType::Int));
  EXPECT_FALSE(applies_to(entry("number.fraction"), InputType::Number));  // 0.5 is a fine number
}

TEST(GuessingCatalogue, UnicodeAndLongStringsApplyToStringValuedTypes) {
  for (std::string_view id : {"unicode.rtl", "unicode.emoji", "unicode.lone_surrogate", "string.long"}) {
    for (InputType t : {InputType::String, InputType::Enum, InputType::Date}) EXPECT_TRUE(applies_to(entry(id), t));
    for (InputType t : {InputType::Int, InputType::Number, InputType::Bool}) EXPECT_FALSE(applies_to(entry(id), t));
  }
}

TEST(GuessingCatalogue, WrongTypeEntriesSkipTheTypeTheyWouldMatch) {
  EXPECT_FALSE(applies_to(entry("type.string"), InputType::String));
  EXPECT_TRUE(applies_to(entry("type.string"), InputType::Int));
  EXPECT_FALSE(applies_to(entry("type.number"), InputType::Int));
  EXPECT_TRUE(applies_to(entry("type.number"), InputType::String));
  EXPECT_FALSE(applies_to(entry("type.bool"), InputType::Bool));
  EXPECT_FALSE(applies_to(entry("whitespace.surrounding"), InputType::Bool));
}

TEST(GuessingCatalogue, PayloadsAndMissingFieldsApplyToEveryType) {
  for (std::string_view id : {"field.missing", "field.null", "sql.quote", "shell.substitution", "path.traversal",
                              "format.printf", "json.duplicate_key"}) {
    for (InputType t : {InputType::Int, InputType::Number, InputType::String, InputType::Enum, InputType::Bool,
                        InputType::Date})
      EXPECT_TRUE(applies_to(entry(id), t)) << id;
  }
}

TEST(GuessingCatalogue, PerTypeCountsAreStable) {
  // Adding an entry changes these on purpose: case counts in suites and e2e tests follow.
  EXPECT_EQ(ids_for(InputType::Int).size(), 41u);
  EXPECT_EQ(ids_for(InputType::Number).size(), 41u);
  EXPECT_EQ(ids_for(InputType::String).size(), 35u);
  EXPECT_EQ(ids_for(InputType::Bool).size(), 25u);
}

TEST(GuessingInstantiate, RawNumbersCarryTheBareTextAndShowItAsAString) {
  Guess g = instantiate(entry("number.nan"), "a", 5);
  EXPECT_EQ(g.value, "NaN");
  ASSERT_TRUE(g.edit);
  EXPECT_EQ(g.edit->kind, suite::RawBodyEdit::Kind::RawValue);
  EXPECT_EQ(g.edit->input, "a");
  EXPECT_EQ(g.edit->raw_json, "NaN");
  EXPECT_EQ(text_outside_body(g), "NaN");
}

TEST(GuessingInstantiate, LoneSurrogateIsAnEscapeInJsonAndRawBytesElsewhere) {
  Guess g = instantiate(entry("unicode.lone_surrogate"), "s", "abc");
  ASSERT_TRUE(g.edit);
  EXPECT_EQ(g.edit->raw_json, "\"\\ud800\"");
  EXPECT_EQ(text_outside_body(g), "\xED\xA0\x80");
  EXPECT_EQ(g.value, "\\ud800");  // valid UTF-8, so reports can show it
}

TEST(GuessingInstantiate, DerivedEntriesStartFromTheNominalValue) {
  EXPECT_EQ(instantiate(entry("whitespace.surrounding"), "a", 42).value, "  42  ");
  EXPECT_EQ(instantiate(entry("whitespace.surrounding"), "d", "2000-01-01").value, "  2000-01-01  ");
  Guess zeros = instantiate(entry("number.leading_zeros"), "a", 42);
  EXPECT_EQ(zeros.value, "0042");
  ASSERT_TRUE(zeros.edit);
  EXPECT_EQ(zeros.edit->raw_json, "0042");
  EXPECT_EQ(instantiate(entry("number.leading_zeros"), "a", -7).edit->raw_json, "-007");
}

TEST(GuessingInstantiate, MissingAndDuplicateAreEdits) {
  Guess missing = instantiate(entry("field.missing"), "a", 42);
  ASSERT_TRUE(missing.edit);
  EXPECT_EQ(missing.edit->kind, suite::RawBodyEdit::Kind::OmitField);
  EXPECT_EQ(text_outside_body(missing), "");
  Guess duplicate = instantiate(entry("json.duplicate_key"), "a", 42);
  EXPECT_EQ(duplicate.value, 42);
  ASSERT_TRUE(duplicate.edit);
  EXPECT_EQ(duplicate.edit->kind, suite::RawBodyEdit::Kind::DuplicateKey);
  EXPECT_EQ(duplicate.edit->raw_json, "null");
  EXPECT_FALSE(instantiate(entry("sql.quote"), "a", 42).edit);
}

TEST(GuessingCatalogue, TheReferenceListsEveryEntry) {
  std::ifstream in(std::string(GLASSBOX_SOURCE_DIR) + "/docs/suite-format.md");
  std::stringstream doc;
  doc << in.rdbuf();
  for (const Entry& e : builtin_catalogue())
    EXPECT_NE(doc.str().find("| `" + e.id + "` |"), std::string::npos) << e.id << " is not in the docs table";
}

}  // namespace
}  // namespace glassbox::generators::guessing
