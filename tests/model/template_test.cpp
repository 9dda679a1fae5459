#include "suites/model/template.hpp"

#include <gtest/gtest.h>

namespace glassbox::suite {
namespace {

Lookup values(Value object) {
  return [object](std::string_view name) -> std::optional<Value> {
    auto it = object.find(std::string(name));
    if (it == object.end()) return std::nullopt;
    return *it;
  };
}

TEST(Template, WholePlaceholderKeepsTheValueType) {
  auto v = render_value(Value::parse(R"({"a":"{{a}}","list":["{{b}}", "x{{a}}"],"n":null})"),
                        values({{"a", 3}, {"b", true}}));
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->dump(), R"({"a":3,"list":[true,"x3"],"n":null})");
}

TEST(Template, TextSplicesStringsAsIsAndOthersAsJson) {
  auto t = render_text("/orders/{{ id }}?q={{q}}&n={{n}}", values({{"id", "o-1"}, {"q", "a b"}, {"n", 1.5}}));
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(*t, "/orders/o-1?q=a b&n=1.5");
}

TEST(Template, UnknownPlaceholderIsAnErrorNamingIt) {
  auto t = render_text("/x/{{nope}}", values({{"a", 1}}));
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().message, "unknown input 'nope' in template '/x/{{nope}}'");
}

TEST(Template, PlaceholdersAreListedInOrder) {
  EXPECT_EQ(placeholders("{{a}}-{{b}}-{{a}}"), (std::vector<std::string>{"a", "b", "a"}));
  EXPECT_TRUE(placeholders("no {{ placeholders").empty());
  std::vector<std::string> names;
  collect_placeholders(Value::parse(R"({"x":["{{c}}",{"y":"{{d}}"}]})"), names);
  EXPECT_EQ(names, (std::vector<std::string>{"c", "d"}));
}

}  // namespace
}  // namespace glassbox::suite
