// The demo's tracer: ids, parenting and OTLP flags, and the spans the API's branches emit.
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "probes/demo/demo_api.hpp"
#include "probes/demo/tracing.hpp"
#include "probes/demo/tracing_middleware.hpp"

namespace glassbox::probes::demo {
namespace {

constexpr const char* kTraceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

class CollectingSink final : public SpanSink {
 public:
  void submit(SpanRecord span) override { spans.push_back(std::move(span)); }
  const SpanRecord& named(const std::string& name) const {
    for (const auto& span : spans) {
      if (span.name == name) return span;
    }
    throw std::runtime_error("no span named " + name);
  }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& span : spans) out.push_back(span.name);
    return out;
  }
  std::vector<SpanRecord> spans;
};

std::string text(const SpanRecord& span, const std::string& key) {
  const AttributeValue* value = span.find(key);
  if (value == nullptr) return "<absent>";
  if (const auto* s = std::get_if<std::string>(value)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(value)) return std::to_string(*i);
  if (const auto* b = std::get_if<bool>(value)) return *b ? "true" : "false";
  return std::to_string(std::get<double>(*value));
}

bool is_lower_hex(const std::string& id, std::size_t length) {
  return id.size() == length && id.find_first_not_of("0123456789abcdef") == std::string::npos &&
         id.find_first_not_of('0') != std::string::npos;
}

TEST(Tracer, ServerSpanContinuesTraceparentWithTheProbeSpanAsRemoteParent) {
  CollectingSink sink;
  { ServerSpan span(sink, kTraceparent, "POST"); }
  ASSERT_EQ(sink.spans.size(), 1u);
  const SpanRecord& span = sink.spans[0];
  EXPECT_EQ(span.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(span.parent_span_id, "00f067aa0ba902b7");
  EXPECT_TRUE(is_lower_hex(span.span_id, 16));
  EXPECT_NE(span.span_id, "00f067aa0ba902b7");
  EXPECT_EQ(span.flags, 0x301u);  // has-is-remote | is-remote | sampled
  EXPECT_EQ(span.kind, SpanKind::server);
}

TEST(Tracer, ServerSpanWithoutTraceparentStartsANewRootTrace) {
  CollectingSink sink;
  { ServerSpan first(sink, "", "GET"); }
  { ServerSpan second(sink, "", "GET"); }
  ASSERT_EQ(sink.spans.size(), 2u);
  EXPECT_TRUE(is_lower_hex(sink.spans[0].trace_id, 32));
  EXPECT_EQ(sink.spans[0].parent_span_id, "");
  EXPECT_EQ(sink.spans[0].flags, 0x101u);  // has-is-remote (not remote) | sampled
  EXPECT_NE(sink.spans[0].trace_id, sink.spans[1].trace_id);
}

TEST(Tracer, InvalidTraceparentIsIgnoredAndStartsANewTrace) {
  CollectingSink sink;
  { ServerSpan span(sink, "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "GET"); }
  ASSERT_EQ(sink.spans.size(), 1u);
  EXPECT_NE(sink.spans[0].trace_id, "00000000000000000000000000000000");
  EXPECT_EQ(sink.spans[0].parent_span_id, "");
}

TEST(Tracer, UnsampledTraceparentRecordsNoSpans) {
  CollectingSink sink;
  {
    ServerSpan span(sink, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00", "GET");
    ScopedSpan child("validate");
    EXPECT_FALSE(span.recording());
    EXPECT_FALSE(child.recording());
  }
  EXPECT_TRUE(sink.spans.empty());
}

TEST(Tracer, ScopedSpansAreChildrenOfTheInnermostOpenSpan) {
  CollectingSink sink;
  {
    ServerSpan server(sink, kTraceparent, "POST");
    ScopedSpan classify("classify");
    { ScopedSpan inequality("inequality"); }
    ScopedSpan sibling_of_inequality("after");
  }
  ASSERT_EQ(sink.names(), (std::vector<std::string>{"inequality", "after", "classify", "POST"}));
  const SpanRecord& server = sink.named("POST");
  const SpanRecord& classify = sink.named("classify");
  EXPECT_EQ(classify.parent_span_id, server.span_id);
  EXPECT_EQ(sink.named("inequality").parent_span_id, classify.span_id);
  EXPECT_EQ(sink.named("after").parent_span_id, classify.span_id);
  for (const auto& span : sink.spans) EXPECT_EQ(span.trace_id, server.trace_id);
  EXPECT_EQ(classify.flags, 0x101u);  // local parent: has-is-remote without is-remote
  EXPECT_EQ(classify.kind, SpanKind::internal);
}

TEST(Tracer, SpanTimesAreRealAndChildrenLieWithinTheirParent) {
  CollectingSink sink;
  const std::uint64_t before = unix_nanos_now();
  {
    ServerSpan server(sink, "", "GET");
    ScopedSpan child("child");
  }
  const std::uint64_t after = unix_nanos_now();
  const SpanRecord& server = sink.named("GET");
  const SpanRecord& child = sink.named("child");
  EXPECT_LE(before, server.start_unix_nano);
  EXPECT_LE(server.start_unix_nano, child.start_unix_nano);
  EXPECT_LE(child.start_unix_nano, child.end_unix_nano);
  EXPECT_LE(child.end_unix_nano, server.end_unix_nano);
  EXPECT_LE(server.end_unix_nano, after);
}

TEST(Tracer, ScopedSpanOutsideARequestRecordsNothing) {
  ScopedSpan orphan("validate");
  EXPECT_FALSE(orphan.recording());
  EXPECT_EQ(current_server_span(), nullptr);
}

// Opens `depth` nested spans below the current one.
void open_nested(unsigned depth) {
  if (depth == 0) return;
  ScopedSpan span("level" + std::to_string(depth));
  open_nested(depth - 1);
}

RC_GTEST_PROP(Tracer, NestedSpansFormOneChainToTheServerSpan, (unsigned depth_seed)) {
  const unsigned depth = depth_seed % 24;
  CollectingSink sink;
  {
    ServerSpan server(sink, kTraceparent, "GET");
    open_nested(depth);
  }
  RC_ASSERT(sink.spans.size() == depth + 1);
  // Innermost first: each span's parent is the span finished right after it.
  for (std::size_t i = 0; i + 1 < sink.spans.size(); ++i) {
    RC_ASSERT(sink.spans[i].parent_span_id == sink.spans[i + 1].span_id);
    RC_ASSERT(sink.spans[i].trace_id == "4bf92f3577b34da6a3ce929d0e0e4736");
  }
  RC_ASSERT(sink.spans.back().parent_span_id == "00f067aa0ba902b7");
  RC_ASSERT(current_server_span() == nullptr);
}

// --- The API's spans, in process ----------------------------------------------------------

DemoRequest request(std::string method, std::string target, std::string body = "") {
  DemoRequest r;
  r.method = std::move(method);
  r.target = std::move(target);
  r.body = std::move(body);
  r.headers["traceparent"] = kTraceparent;
  return r;
}

struct TracedApi {
  CollectingSink sink;
  DemoHandler handler = with_tracing(make_demo_api(), sink, {"127.0.0.1", 8080});
};

TEST(TracedApi, ServerSpanFollowsTheHttpSemanticConventions) {
  TracedApi api;
  EXPECT_EQ(api.handler(request("POST", "/triangle?x=1", R"({"a":3,"b":4,"c":5})")).status, 200);
  const SpanRecord& server = api.sink.named("POST /triangle");
  EXPECT_EQ(text(server, "http.request.method"), "POST");
  EXPECT_EQ(text(server, "url.path"), "/triangle");
  EXPECT_EQ(text(server, "url.scheme"), "http");
  EXPECT_EQ(text(server, "http.route"), "/triangle");
  EXPECT_EQ(text(server, "http.response.status_code"), "200");
  EXPECT_EQ(text(server, "server.address"), "127.0.0.1");
  EXPECT_EQ(text(server, "server.port"), "8080");
  EXPECT_EQ(text(server, "network.protocol.version"), "1.1");
  EXPECT_EQ(server.status, SpanStatus::unset);
}

TEST(TracedApi, TriangleRecordsParseValidateClassifyAndInequality) {
  TracedApi api;
  api.handler(request("POST", "/triangle", R"({"a":3,"b":4,"c":5})"));
  EXPECT_EQ(api.sink.names(), (std::vector<std::string>{"parse_body", "validate", "inequality",
                                                        "classify", "POST /triangle"}));
  EXPECT_EQ(text(api.sink.named("parse_body"), "branch"), "ok");
  EXPECT_EQ(text(api.sink.named("validate"), "branch"), "ok");
  EXPECT_EQ(text(api.sink.named("classify"), "branch"), "scalene");
  EXPECT_EQ(text(api.sink.named("inequality"), "branch"), "holds");
  EXPECT_EQ(api.sink.named("inequality").parent_span_id, api.sink.named("classify").span_id);
}

TEST(TracedApi, DegenerateTriangleFailsTheInequality) {
  TracedApi api;
  api.handler(request("POST", "/triangle", R"({"a":1,"b":2,"c":3})"));
  EXPECT_EQ(text(api.sink.named("inequality"), "branch"), "fails");
  EXPECT_EQ(text(api.sink.named("classify"), "branch"), "not_a_triangle");
}

TEST(TracedApi, ValidateBranchNamesTheFieldError) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {R"({"b":1,"c":1})", "missing"},
      {R"({"a":1.5,"b":1,"c":1})", "not_integer"},
      {R"({"a":1,"b":1,"c":0})", "out_of_range"},
  };
  for (const auto& [body, branch] : cases) {
    TracedApi api;
    EXPECT_EQ(api.handler(request("POST", "/triangle", body)).status, 400);
    EXPECT_EQ(text(api.sink.named("validate"), "branch"), branch) << body;
    EXPECT_EQ(api.sink.names(),
              (std::vector<std::string>{"parse_body", "validate", "POST /triangle"}));
  }
}

TEST(TracedApi, MalformedBodyStopsAtParseBody) {
  TracedApi api;
  api.handler(request("POST", "/discount", "{nope"));
  EXPECT_EQ(api.sink.names(), (std::vector<std::string>{"parse_body", "POST /discount"}));
  EXPECT_EQ(text(api.sink.named("parse_body"), "branch"), "malformed");
  EXPECT_EQ(text(api.sink.named("POST /discount"), "http.response.status_code"), "400");
}

TEST(TracedApi, NextdateRecordsTheDayStepAndLeapYear) {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases{
      {"2024-02-28", "same_month", "true"},
      {"2023-02-28", "month_end", "false"},
      {"2023-12-31", "year_end", "false"},
  };
  for (const auto& [date, branch, leap] : cases) {
    TracedApi api;
    api.handler(request("GET", "/nextdate?date=" + date));
    EXPECT_EQ(text(api.sink.named("next_day"), "branch"), branch) << date;
    EXPECT_EQ(text(api.sink.named("next_day"), "leap"), leap) << date;
    EXPECT_EQ(text(api.sink.named("GET /nextdate"), "http.route"), "/nextdate");
  }
  TracedApi api;
  api.handler(request("GET", "/nextdate?date=1700-01-01"));
  EXPECT_EQ(text(api.sink.named("validate"), "branch"), "year_out_of_range");
}

TEST(TracedApi, DiscountRecordsRuleAndBonusUnderDecide) {
  TracedApi api;
  api.handler(request("POST", "/discount", R"({"member":false,"amount":1500,"coupon":true})"));
  const SpanRecord& decide = api.sink.named("decide");
  EXPECT_EQ(text(decide, "branch"), "R3");
  EXPECT_EQ(text(api.sink.named("rule.R3"), "branch"), "!member&coupon");
  EXPECT_EQ(api.sink.named("rule.R3").parent_span_id, decide.span_id);
  EXPECT_EQ(text(api.sink.named("bonus"), "branch"), "applied");
  EXPECT_EQ(api.sink.named("bonus").parent_span_id, decide.span_id);
}

TEST(TracedApi, OrderTransitionsRecordEventStatesAndOutcome) {
  TracedApi api;
  api.handler(request("POST", "/orders", R"({"item":"book","quantity":1})"));
  api.handler(request("POST", "/orders/o-1/pay"));
  api.handler(request("POST", "/orders/o-1/deliver"));
  api.handler(request("POST", "/orders/o-9/ship"));
  std::vector<std::string> outcomes;
  for (const auto& span : api.sink.spans) {
    if (span.name != "transition") continue;
    outcomes.push_back(text(span, "event") + " " + text(span, "from") + "->" + text(span, "to") +
                       " " + text(span, "branch"));
  }
  EXPECT_EQ(outcomes, (std::vector<std::string>{"pay created->paid allowed",
                                                "deliver paid-><absent> invalid_transition",
                                                "ship <absent>-><absent> not_found"}));
  EXPECT_EQ(text(api.sink.named("POST /orders/{id}/pay"), "http.route"), "/orders/{id}/pay");
}

TEST(TracedApi, UnknownPathServerSpanIsNamedByMethodOnly) {
  TracedApi api;
  api.handler(request("GET", "/nope"));
  ASSERT_EQ(api.sink.names(), (std::vector<std::string>{"GET"}));
  EXPECT_EQ(text(api.sink.spans[0], "http.route"), "<absent>");
  EXPECT_EQ(text(api.sink.spans[0], "http.response.status_code"), "404");
}

TEST(TracedApi, HandlerFailureMarksTheServerSpanAsError) {
  CollectingSink sink;
  DemoHandler failing = with_tracing(
      [](const DemoRequest&) -> DemoResponse { throw std::runtime_error("boom"); }, sink,
      {"127.0.0.1", 8080});
  EXPECT_THROW(failing(request("GET", "/healthz")), std::runtime_error);
  ASSERT_EQ(sink.spans.size(), 1u);
  EXPECT_EQ(sink.spans[0].status, SpanStatus::error);
  EXPECT_EQ(sink.spans[0].status_message, "boom");
  EXPECT_EQ(text(sink.spans[0], "http.response.status_code"), "500");
}

}  // namespace
}  // namespace glassbox::probes::demo
