// The request builder applies a case's RawBodyEdit: the exact body text for each kind, at
// nested placeholders, and the text the input takes in the path, query and headers.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "suites/runner/request_builder.hpp"

namespace glassbox::runner {
namespace {

using Kind = suite::RawBodyEdit::Kind;

suite::Case edited(Kind kind, std::string raw_json, Value a = 3, std::optional<std::string> raw_text = {}) {
  suite::Case c;
  c.bindings.push_back(suite::Binding{"a", std::move(a), "x", false, "", true});
  c.bindings.push_back(suite::Binding{"b", "ok", "", true, "", false});
  c.body_edit = suite::RawBodyEdit{kind, "a", std::move(raw_json), std::move(raw_text)};
  return c;
}

std::string body(const std::string& tmpl, const suite::Case& c) {
  auto text = render_body(Value::parse(tmpl), c);
  EXPECT_TRUE(text.ok()) << text.error().message;
  return text.ok() ? *text : "";
}

TEST(BodyEdit, MissingFieldLeavesTheMemberOut) {
  EXPECT_EQ(body(R"({"a":"{{a}}","b":"{{b}}"})", edited(Kind::OmitField, "")), R"({"b":"ok"})");
}

TEST(BodyEdit, DuplicateKeyWritesTheMemberTwice) {
  EXPECT_EQ(body(R"({"a":"{{a}}","b":"{{b}}"})", edited(Kind::DuplicateKey, "null")), R"({"a":3,"a":null,"b":"ok"})");
}

TEST(BodyEdit, NaNStandsBareWhereTheValueWould) {
  EXPECT_EQ(body(R"({"a":"{{a}}","b":"{{b}}"})", edited(Kind::RawValue, "NaN", "NaN")), R"({"a":NaN,"b":"ok"})");
}

TEST(BodyEdit, LoneSurrogateIsWrittenAsAnEscape) {
  EXPECT_EQ(body(R"({"a":"{{a}}"})", edited(Kind::RawValue, "\"\\ud800\"", "\\ud800")), R"({"a":"\ud800"})");
}

TEST(BodyEdit, NestedPlaceholdersInObjectsAndArrays) {
  const std::string tmpl = R"({"order":{"lines":[{"qty":"{{a}}","sku":"{{b}}"}]},"b":"{{b}}"})";
  EXPECT_EQ(body(tmpl, edited(Kind::RawValue, "-0")), R"({"b":"ok","order":{"lines":[{"qty":-0,"sku":"ok"}]}})");
  EXPECT_EQ(body(tmpl, edited(Kind::OmitField, "")), R"({"b":"ok","order":{"lines":[{"sku":"ok"}]}})");
  EXPECT_EQ(body(tmpl, edited(Kind::DuplicateKey, "null")),
            R"({"b":"ok","order":{"lines":[{"qty":3,"qty":null,"sku":"ok"}]}})");
  EXPECT_EQ(body(R"({"tags":["{{b}}","{{a}}"]})", edited(Kind::RawValue, "Infinity")), R"({"tags":["ok",Infinity]})");
  EXPECT_EQ(body(R"({"tags":["{{a}}","{{b}}"]})", edited(Kind::OmitField, "")), R"({"tags":["ok"]})");
}

TEST(BodyEdit, EveryPlaceTheInputStandsIsEdited) {
  EXPECT_EQ(body(R"({"a":"{{a}}","copy":{"a":"{{a}}"}})", edited(Kind::RawValue, "NaN", "NaN")),
            R"({"a":NaN,"copy":{"a":NaN}})");
}

TEST(BodyEdit, InsideALongerStringTheTextIsSpliced) {
  EXPECT_EQ(body(R"({"id":"x-{{a}}-y"})", edited(Kind::RawValue, "\"\\ud800\"", "\\ud800")), R"({"id":"x-\ud800-y"})");
  EXPECT_EQ(body(R"({"id":"x-{{a}}-y"})", edited(Kind::RawValue, "NaN", "NaN")), R"({"id":"x-NaN-y"})");
  EXPECT_EQ(body(R"({"id":"x-{{a}}-y"})", edited(Kind::OmitField, "")), R"({"id":"x--y"})");
}

TEST(BodyEdit, ABodyThatIsOnlyThePlaceholder) {
  EXPECT_EQ(body(R"("{{a}}")", edited(Kind::RawValue, "NaN", "NaN")), "NaN");
  EXPECT_EQ(body(R"("{{a}}")", edited(Kind::OmitField, "")), "");
}

TEST(BodyEdit, InvalidUtf8BytesGoThroughUnchanged) {
  EXPECT_EQ(body(R"({"a":"{{a}}"})", edited(Kind::RawValue, "\"\xFF\xFE\"", "\\xff\\xfe")), "{\"a\":\"\xFF\xFE\"}");
}

TEST(BodyEdit, WithoutAnEditTheBodyRendersAsBefore) {
  suite::Case c = edited(Kind::RawValue, "");
  c.body_edit.reset();
  EXPECT_EQ(body(R"({"a":"{{a}}","b":"{{b}}"})", c), R"({"a":3,"b":"ok"})");
}

suite::Request query_request() {
  suite::Request r;
  r.path = "/items/{{a}}";
  r.query = {{"a", "{{a}}"}, {"b", "{{b}}"}, {"both", "{{a}}-{{b}}"}};
  r.headers = {{"X-A", "{{a}}"}};
  return r;
}

probes::HttpRequest build(const suite::Request& r, const suite::Case& c) {
  suite::Suite s;
  suite::Target t;
  t.url = "http://127.0.0.1:9";
  auto built = build_request(s, r, t, c);
  EXPECT_TRUE(built.ok()) << built.error().message;
  return built.ok() ? *built : probes::HttpRequest{};
}

TEST(BodyEdit, RawValuesAreTextInPathQueryAndHeaders) {
  probes::HttpRequest out = build(query_request(), edited(Kind::RawValue, "NaN", "NaN"));
  EXPECT_EQ(out.url, "http://127.0.0.1:9/items/NaN?a=NaN&b=ok&both=NaN-ok");
  EXPECT_EQ(out.headers.front(), (std::pair<std::string, std::string>{"X-A", "NaN"}));
}

TEST(BodyEdit, RawTextBytesArePercentEncodedInTheUrl) {
  probes::HttpRequest out =
      build(query_request(), edited(Kind::RawValue, "\"\\ud800\"", "\\ud800", std::string("\xED\xA0\x80")));
  EXPECT_EQ(out.url, "http://127.0.0.1:9/items/%ED%A0%80?a=%ED%A0%80&b=ok&both=%ED%A0%80-ok");
  EXPECT_EQ(out.headers.front().second, "\xED\xA0\x80");
}

TEST(BodyEdit, MissingFieldDropsTheQueryParameterAndHeaderThatAreOnlyIt) {
  probes::HttpRequest out = build(query_request(), edited(Kind::OmitField, "", "(missing)"));
  EXPECT_EQ(out.url, "http://127.0.0.1:9/items/?b=ok&both=-ok");
  EXPECT_EQ(out.headers.front().first, "Accept");
}

TEST(BodyEdit, PathValuesArePercentEncodedAsOneSegment) {
  suite::Case c;
  c.bindings.push_back(suite::Binding{"a", "../../etc/passwd", "", true, "", true});
  suite::Request r;
  r.path = "/files/{{a}}";
  EXPECT_EQ(build(r, c).url, "http://127.0.0.1:9/files/..%2F..%2Fetc%2Fpasswd");
}

// A raw value that is plain JSON gives the body the value itself would, at any depth, and
// leaving the member out gives the body without it.
RC_GTEST_PROP(BodyEdit, RawJsonOfAValueMatchesRenderingTheValue, (std::int64_t v, std::uint8_t depth)) {
  Value tmpl = Value::object({{"a", "{{a}}"}, {"b", "{{b}}"}});
  for (int k = 0; k < depth % 5; ++k) tmpl = Value::object({{"n", tmpl}, {"list", Value::array({tmpl})}});
  suite::Case plain = edited(Kind::RawValue, "", v);
  plain.body_edit.reset();
  auto want = render_body(tmpl, plain);
  auto got = render_body(tmpl, edited(Kind::RawValue, std::to_string(v), v));
  RC_ASSERT(want.ok() && got.ok());
  RC_ASSERT(*got == *want);

  auto omitted = render_body(tmpl, edited(Kind::OmitField, "", v));
  RC_ASSERT(omitted.ok());
  RC_ASSERT(Value::parse(*omitted).dump().find("\"a\"") == std::string::npos);
  RC_ASSERT(Value::parse(*omitted).dump().find("\"b\"") != std::string::npos);
}

}  // namespace
}  // namespace glassbox::runner
