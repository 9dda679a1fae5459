// "Did you mean": typos and abbreviations find their name; unrelated words find none.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "suites/loader/did_you_mean.hpp"

namespace glassbox::loader::detail {
namespace {

const std::vector<std::string> kRequestKeys = {"target",     "method", "path",   "query",          "headers", "body",
                                               "timeout_ms", "retry",  "expect", "expect_invalid", "techniques"};

TEST(DidYouMean, FindsTyposAndAbbreviations) {
  EXPECT_EQ(closest_name("timout", kRequestKeys), "timeout_ms");
  EXPECT_EQ(closest_name("timeout", kRequestKeys), "timeout_ms");
  EXPECT_EQ(closest_name("heders", kRequestKeys), "headers");
  EXPECT_EQ(closest_name("Method", kRequestKeys), "method");
  EXPECT_EQ(closest_name("integer", {"int", "number", "string"}), "int");
  EXPECT_EQ(closest_name("d", {"a", "b", "c"}), "a");
}

TEST(DidYouMean, PrefersAPlainTypoOverAnAbbreviation) {
  EXPECT_EQ(closest_name("expetc", kRequestKeys), "expect");
}

TEST(DidYouMean, FindsNothingForUnrelatedWords) {
  EXPECT_EQ(closest_name("zebra", kRequestKeys), std::nullopt);
  EXPECT_EQ(closest_name("anything", {}), std::nullopt);
  EXPECT_EQ(closest_name("prod-hunter2", {"demo", "api"}), std::nullopt) << "a long word is no slip for a short one";
}

TEST(DidYouMean, HintSuggestsListsOrSaysThereAreNone) {
  EXPECT_EQ(name_hint("pth", kRequestKeys, "keys"), " (did you mean 'path'?)");
  EXPECT_EQ(name_hint("zebra", {"a", "b"}, "inputs"), " (inputs: a, b)");
  EXPECT_EQ(name_hint("zebra", {}, "inputs", "the suite declares no inputs"), " (the suite declares no inputs)");
}

// One slip of the finger on a name of three or more letters still finds it.
RC_GTEST_PROP(DidYouMean, OneEditAwayFindsTheName, ()) {
  const std::string name = *rc::gen::container<std::string>(rc::gen::inRange('a', 'z')).as("name");
  RC_PRE(name.size() >= 3);
  const auto position = *rc::gen::inRange<std::size_t>(0, name.size());
  const int edit = *rc::gen::inRange(0, 3);
  std::string typed = name;
  if (edit == 0) typed.erase(position, 1);
  else if (edit == 1) typed.insert(position, 1, 'q');
  else typed[position] = typed[position] == 'z' ? 'y' : 'z';
  RC_ASSERT(closest_name(typed, {name}) == std::optional<std::string>(name));
}

}  // namespace
}  // namespace glassbox::loader::detail
