// The whole API in memory: the route table as make_demo_api() wires it.
#include "probes/demo/demo_api.hpp"

#include <gtest/gtest.h>

namespace glassbox::probes::demo {
namespace {

DemoResponse call(const DemoHandler& api, std::string method, std::string target,
                  std::string body = "") {
  return api({std::move(method), std::move(target), {}, std::move(body)});
}

std::string answer(const DemoResponse& response) {
  return std::to_string(response.status) + " " + response.body.dump();
}

TEST(DemoApi, AnswersHealthz) {
  EXPECT_EQ(answer(call(make_demo_api(), "GET", "/healthz")), R"(200 {"status":"ok"})");
}

TEST(DemoApi, RoutesEveryEndpoint) {
  const DemoHandler api = make_demo_api();
  EXPECT_EQ(answer(call(api, "POST", "/triangle", R"({"a":2,"b":2,"c":3})")),
            R"(200 {"kind":"isosceles"})");
  EXPECT_EQ(answer(call(api, "GET", "/nextdate?date=2024-02-28")), R"(200 {"next":"2024-02-29"})");
  EXPECT_EQ(
      answer(call(api, "POST", "/discount", R"({"member":true,"amount":1000,"coupon":false})")),
      R"(200 {"bonus":true,"discount_pct":15,"rule":"R2"})");
  EXPECT_EQ(call(api, "POST", "/orders", R"({"item":"pen","quantity":3})").status, 201);
  EXPECT_EQ(answer(call(api, "GET", "/orders/o-1")),
            R"(200 {"id":"o-1","item":"pen","quantity":3,"state":"created"})");
  EXPECT_EQ(call(api, "POST", "/orders/o-1/pay").body["state"], "paid");
  EXPECT_EQ(call(api, "POST", "/orders/o-1/ship").body["state"], "shipped");
  EXPECT_EQ(call(api, "POST", "/orders/o-1/deliver").body["state"], "delivered");
  EXPECT_EQ(answer(call(api, "POST", "/orders/o-1/cancel")),
            R"(409 {"error":"invalid transition","event":"cancel","state":"delivered"})");
  EXPECT_EQ(answer(call(api, "POST", "/orders/o-404/pay")), R"(404 {"error":"no such order"})");
}

TEST(DemoApi, EachApiHasItsOwnOrderBook) {
  const DemoHandler first = make_demo_api();
  EXPECT_EQ(call(first, "POST", "/orders", R"({"item":"pen","quantity":3})").status, 201);
  EXPECT_EQ(call(make_demo_api(), "GET", "/orders/o-1").status, 404);
}

TEST(DemoApi, TreatsAnUnknownOrderEventAsAnUnknownPath) {
  EXPECT_EQ(answer(call(make_demo_api(), "POST", "/orders/o-1/refund")),
            R"(404 {"error":"not found"})");
}

TEST(DemoApi, AnswersWrongMethodsWithTheAllowHeader) {
  const DemoHandler api = make_demo_api();
  const DemoResponse healthz = call(api, "POST", "/healthz");
  EXPECT_EQ(answer(healthz), R"(405 {"error":"method not allowed"})");
  EXPECT_EQ(healthz.headers, (ResponseHeaders{{"Allow", "GET"}}));
  EXPECT_EQ(call(api, "GET", "/orders").headers, (ResponseHeaders{{"Allow", "POST"}}));
  EXPECT_EQ(call(api, "GET", "/orders/o-1/pay").headers, (ResponseHeaders{{"Allow", "POST"}}));
  EXPECT_EQ(call(api, "DELETE", "/orders/o-1").headers, (ResponseHeaders{{"Allow", "GET"}}));
}

TEST(DemoApi, RejectsMalformedJsonOnEveryBodyEndpoint) {
  const DemoHandler api = make_demo_api();
  for (const char* target : {"/triangle", "/discount", "/orders"}) {
    EXPECT_EQ(answer(call(api, "POST", target, "{\"a\":")), R"(400 {"error":"malformed JSON"})")
        << target;
  }
}

TEST(DemoApi, EchoesTheTraceId) {
  DemoRequest request{"GET", "/nothing", {}, ""};
  request.headers["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  const DemoResponse response = make_demo_api()(request);
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.headers,
            (ResponseHeaders{{"x-trace-id", "0af7651916cd43dd8448eb211c80319c"}}));
}

}  // namespace
}  // namespace glassbox::probes::demo
