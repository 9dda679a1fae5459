#include "probes/demo/router.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace glassbox::probes::demo {
namespace {

std::string percent_escape(unsigned char c) {
  constexpr char kHex[] = "0123456789ABCDEF";
  return {'%', kHex[c >> 4], kHex[c & 0xF]};
}

DemoRequest request(std::string method, std::string target, std::string body = "") {
  return {std::move(method), std::move(target), {}, std::move(body)};
}

// A router whose handlers echo what they were given.
Router echo_router() {
  Router router;
  router.add("GET", "/items/{id}", BodyKind::ignored, [](const RouteRequest& r) {
    DemoResponse response;
    response.body = {{"id", r.params.at("id")}, {"query", r.query}};
    return response;
  });
  router.add("POST", "/items", BodyKind::json_object, [](const RouteRequest& r) {
    DemoResponse response;
    response.body = r.body;
    return response;
  });
  router.add("PUT", "/items/{id}", BodyKind::ignored,
             [](const RouteRequest&) { return DemoResponse{}; });
  return router;
}

TEST(Router, PassesPathParametersAndDecodedQuery) {
  const DemoResponse response =
      echo_router().handle(request("GET", "/items/a-7?x=1%202&y=a+b&x=3"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body.dump(), R"({"id":"a-7","query":{"x":"1 2","y":"a b"}})");
}

TEST(Router, AnswersNotFoundForAnUnknownPath) {
  const DemoResponse response = echo_router().handle(request("GET", "/nothing"));
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.body.dump(), R"({"error":"not found"})");
}

TEST(Router, DoesNotMatchATrailingSlashOrAnEmptyParameter) {
  EXPECT_EQ(echo_router().handle(request("GET", "/items/7/")).status, 404);
  EXPECT_EQ(echo_router().handle(request("GET", "/items/")).status, 404);
}

TEST(Router, AnswersMethodNotAllowedWithTheAllowedMethods) {
  const DemoResponse response = echo_router().handle(request("DELETE", "/items/7"));
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.body.dump(), R"({"error":"method not allowed"})");
  EXPECT_EQ(response.headers, (ResponseHeaders{{"Allow", "GET, PUT"}}));
}

TEST(Router, RejectsMalformedJsonBeforeTheHandler) {
  for (const char* body : {"", "{", R"({"a":1,})", "{'a':1}", "\"\xff\""}) {
    const DemoResponse response = echo_router().handle(request("POST", "/items", body));
    EXPECT_EQ(response.status, 400) << body;
    EXPECT_EQ(response.body.dump(), R"({"error":"malformed JSON"})") << body;
  }
}

TEST(Router, RejectsJsonThatIsNotAnObject) {
  const DemoResponse response = echo_router().handle(request("POST", "/items", "[1,2]"));
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.body.dump(), R"({"error":"body must be a JSON object"})");
}

TEST(Router, SurvivesDeeplyNestedJson) {
  const std::string nested = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(echo_router().handle(request("POST", "/items", nested)).body.dump(),
            R"({"error":"body must be a JSON object"})");
}

TEST(Router, PassesTheParsedObjectToTheHandler) {
  const DemoResponse response =
      echo_router().handle(request("POST", "/items", R"( {"a": [1, 2]} )"));
  EXPECT_EQ(response.body.dump(), R"({"a":[1,2]})");
}

TEST(SplitTarget, KeepsTheFirstValueOfARepeatedKeyAndAllowsEmptyValues) {
  const Target target = split_target("/p?a=1&&a=2&b&c=");
  EXPECT_EQ(target.path, "/p");
  EXPECT_EQ(target.query, (QueryParams{{"a", "1"}, {"b", ""}, {"c", ""}}));
}

TEST(PercentDecode, KeepsAPercentSignThatStartsNoEscape) {
  EXPECT_EQ(percent_decode("100%"), "100%");
  EXPECT_EQ(percent_decode("%zz%4"), "%zz%4");
  EXPECT_EQ(percent_decode("%41%62"), "Ab");
}

RC_GTEST_PROP(PercentDecodeProperties, DecodesWhatFullEncodingProduced, (const std::string& text)) {
  std::string encoded;
  for (const char c : text) {
    encoded += percent_escape(static_cast<unsigned char>(c));
  }
  RC_ASSERT(percent_decode(encoded) == text);
}

}  // namespace
}  // namespace glassbox::probes::demo
