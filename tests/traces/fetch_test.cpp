// Fetching traces from a fake Jaeger/Tempo on loopback: polling until complete, deadlines,
// remote parents, errors and bounded concurrency.
#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "probes/traces/trace_source.hpp"
#include "tests/probes/test_server.hpp"

namespace glassbox::probes {
namespace {

using namespace std::chrono_literals;
using testing::ReceivedRequest;
using testing::Reply;
using testing::TestServer;

constexpr const char* kTraceId = "4bf92f3577b34da600f067aa0ba902b7";
constexpr const char* kProbeSpan = "a1b2c3d4e5f60718";   // the probe's traceparent parent-id
constexpr const char* kRoot = "00f067aa0ba902b7";
constexpr const char* kChild = "53995c3f42cd8ad8";
constexpr const char* kGrandchild = "1111111111111111";

struct SpanRef {
  const char* id;
  const char* parent;   // "" for a root
};

Reply json_reply(int status, const Value& body) {
  return Reply{testing::http_response(status, body.dump(), {{"Content-Type", "application/json"}})};
}

Reply jaeger_trace(const std::vector<SpanRef>& refs) {
  Value spans = Value::array();
  for (const auto& ref : refs) {
    Value span{{"traceID", kTraceId}, {"spanID", ref.id}, {"operationName", "op"}, {"processID", "p1"},
               {"startTime", 1700000000000000}, {"duration", 10}, {"tags", Value::array()}};
    span["references"] = std::string_view(ref.parent).empty()
                             ? Value::array()
                             : Value::array({{{"refType", "CHILD_OF"}, {"traceID", kTraceId}, {"spanID", ref.parent}}});
    spans.push_back(std::move(span));
  }
  const Value processes{{"p1", {{"serviceName", "frontend"}, {"tags", Value::array()}}}};
  return json_reply(200, {{"data", Value::array({{{"traceID", kTraceId}, {"spans", spans}, {"processes", processes}}})},
                          {"errors", nullptr}});
}

Reply jaeger_not_found() {
  return json_reply(404, Value::parse(R"({"data":null,"total":0,"limit":0,"offset":0,
                                          "errors":[{"code":404,"msg":"trace not found"}]})"));
}

// A fake backend: GET /api/traces/{id} gets the n-th reply scripted for that id, the last
// one repeating once the script runs out; anything else is a plain 404.
class FakeBackend final {
 public:
  using Script = std::map<std::string, std::vector<Reply>>;   // by trace id

  explicit FakeBackend(Script script, std::chrono::milliseconds delay = 0ms)
      : script_(std::move(script)),
        delay_(delay),
        server_([this](const ReceivedRequest& request) { return answer(request); }) {}

  std::string base_url() const { return server_.url(""); }
  const TestServer& server() const { return server_; }

 private:
  // Runs on the server's thread only.
  Reply answer(const ReceivedRequest& request) {
    constexpr std::string_view prefix = "/api/traces/";
    const auto found = request.target.rfind(prefix, 0) == 0 ? script_.find(request.target.substr(prefix.size()))
                                                            : script_.end();
    if (found == script_.end() || found->second.empty()) return testing::respond(404, "404 page not found");
    const std::size_t poll = polls_[found->first]++;
    Reply reply = found->second[std::min(poll, found->second.size() - 1)];
    reply.delay = delay_;
    return reply;
  }

  Script script_;
  std::chrono::milliseconds delay_;
  std::map<std::string, std::size_t> polls_;
  TestServer server_;
};

std::unique_ptr<TraceSource> source(const std::string& kind, const FakeBackend& backend) {
  auto made = make_trace_source(kind + ":" + backend.base_url() + "/");
  EXPECT_TRUE(made.ok()) << made.error().message;
  return made.ok() ? std::move(*made) : nullptr;
}

TraceQueryOptions quick(std::chrono::milliseconds deadline) {
  TraceQueryOptions options;
  options.deadline = deadline;
  options.poll_interval = 10ms;
  return options;
}

TEST(JaegerFetch, PollsAGrowingTraceUntilItIsCompleteAndStable) {
  // Not yet written, then a child whose parent has not arrived, then all of it.
  const FakeBackend backend({{kTraceId,
                              {jaeger_not_found(), jaeger_trace({{kRoot, kProbeSpan}, {kGrandchild, kChild}}),
                               jaeger_trace({{kRoot, kProbeSpan}, {kChild, kRoot}, {kGrandchild, kChild}})}}});
  auto results = source("jaeger", backend)->fetch({kTraceId}, {kProbeSpan}, quick(5000ms));

  ASSERT_EQ(results.count(kTraceId), 1u);
  const FetchedTrace& trace = results[kTraceId];
  EXPECT_TRUE(trace.complete);
  EXPECT_EQ(trace.polls, 4);   // 404, orphan, complete, the same again
  EXPECT_EQ(trace.spans.size(), 3u);
  EXPECT_EQ(trace.error, "");
  const auto requests = backend.server().requests();
  ASSERT_EQ(requests.size(), 4u);
  EXPECT_EQ(requests[0].target, fmt::format("/api/traces/{}", kTraceId));
  EXPECT_EQ(requests[0].header("accept"), "application/json");
}

TEST(JaegerFetch, StopsAtTheDeadlineWhenTheTraceNeverCompletes) {
  const FakeBackend backend({{kTraceId, {jaeger_trace({{kRoot, kProbeSpan}, {kGrandchild, kChild}})}}});
  const auto started = std::chrono::steady_clock::now();
  auto results = source("jaeger", backend)->fetch({kTraceId}, {kProbeSpan}, quick(500ms));
  const auto elapsed = std::chrono::steady_clock::now() - started;

  const FetchedTrace& trace = results[kTraceId];
  EXPECT_FALSE(trace.complete);
  EXPECT_GE(trace.polls, 2);
  EXPECT_EQ(trace.spans.size(), 2u);   // what there is, for the report
  EXPECT_EQ(trace.error, "");
  EXPECT_GE(elapsed, 450ms);
  EXPECT_LT(elapsed, 2500ms);
}

TEST(JaegerFetch, RootWithARemoteParentIsIncompleteUnlessTheParentIsKnown) {
  const FakeBackend backend({{kTraceId, {jaeger_trace({{kRoot, kProbeSpan}, {kChild, kRoot}})}}});
  auto unknown = source("jaeger", backend)->fetch({kTraceId}, {}, quick(200ms));
  EXPECT_FALSE(unknown[kTraceId].complete);

  auto known = source("jaeger", backend)->fetch({kTraceId}, {kProbeSpan}, quick(5000ms));
  EXPECT_TRUE(known[kTraceId].complete);
  EXPECT_EQ(known[kTraceId].polls, 2);
}

TEST(JaegerFetch, TraceStillMissingAtTheDeadlineReportsTheBackendsMessage) {
  const FakeBackend backend({{kTraceId, {jaeger_not_found()}}});
  auto results = source("jaeger", backend)->fetch({kTraceId}, {kProbeSpan}, quick(500ms));
  const FetchedTrace& trace = results[kTraceId];
  EXPECT_FALSE(trace.complete);
  EXPECT_GE(trace.polls, 2);
  EXPECT_TRUE(trace.spans.empty());
  EXPECT_EQ(trace.error, "jaeger: 404 trace not found");
}

TEST(JaegerFetch, ServerErrorIsRecordedWithTheFirstLineOfItsBody) {
  const FakeBackend backend({{kTraceId, {testing::respond(500, "storage unavailable\nstack trace...")}}});
  auto results = source("jaeger", backend)->fetch({kTraceId}, {kProbeSpan}, quick(100ms));
  EXPECT_FALSE(results[kTraceId].complete);
  EXPECT_EQ(results[kTraceId].error, "jaeger: 500 storage unavailable");
}

TEST(JaegerFetch, UnreadableBodyIsRecorded) {
  const FakeBackend backend({{kTraceId, {testing::respond(200, "<html>login</html>")}}});
  auto results = source("jaeger", backend)->fetch({kTraceId}, {kProbeSpan}, quick(100ms));
  EXPECT_EQ(results[kTraceId].error, "jaeger: response is not valid JSON");
}

TEST(JaegerFetch, UnreachableBackendIsRecorded) {
  const auto port = testing::closed_port();
  auto made = make_trace_source(fmt::format("jaeger:http://127.0.0.1:{}", port));
  ASSERT_TRUE(made.ok()) << made.error().message;
  auto results = (*made)->fetch({kTraceId}, {}, quick(100ms));
  EXPECT_FALSE(results[kTraceId].complete);
  EXPECT_GE(results[kTraceId].polls, 1);
  EXPECT_EQ(results[kTraceId].error, fmt::format("jaeger: connect to 127.0.0.1:{}: connection refused", port));
}

TEST(JaegerFetch, KeepsAtMostConcurrencyRequestsInFlight) {
  FakeBackend::Script script;
  std::vector<std::string> ids;
  for (int i = 1; i <= 6; ++i) {
    ids.push_back(fmt::format("{:032x}", i));
    script[ids.back()] = {jaeger_trace({{kRoot, ""}})};
  }
  // Each answer takes a while, so requests overlap when the client lets them.
  const FakeBackend backend(std::move(script), 20ms);
  TraceQueryOptions options = quick(5000ms);
  options.concurrency = 2;
  auto results = source("jaeger", backend)->fetch(ids, {}, options);

  EXPECT_EQ(results.size(), 6u);
  for (const auto& id : ids) {
    EXPECT_TRUE(results[id].complete) << id;
    EXPECT_EQ(results[id].polls, 2) << id;
  }
  EXPECT_EQ(backend.server().max_concurrent_requests(), 2);
}

TEST(JaegerFetch, DeadlineShorterThanOnePollStillPollsOnce) {
  const FakeBackend backend({{kTraceId, {jaeger_trace({{kRoot, ""}})}}});
  auto results = source("jaeger", backend)->fetch({kTraceId}, {}, quick(1ms));
  EXPECT_EQ(results[kTraceId].polls, 1);
  EXPECT_EQ(results[kTraceId].spans.size(), 1u);
  EXPECT_FALSE(results[kTraceId].complete);   // one poll cannot show the trace stopped growing
}

TEST(JaegerFetch, NoTraceIdsMeansNoRequests) {
  const FakeBackend backend({});
  auto results = source("jaeger", backend)->fetch({}, {}, quick(1000ms));
  EXPECT_TRUE(results.empty());
  EXPECT_TRUE(backend.server().requests().empty());
}

Reply tempo_trace(bool with_child) {
  // Tempo's jsonpb: base64 ids. Trace 4bf9...02b7, root 00f067aa0ba902b7 under the probe's
  // a1b2c3d4e5f60718, child 53995c3f42cd8ad8.
  Value spans = Value::array({{{"traceId", "S/kvNXezTaYA8GeqC6kCtw=="}, {"spanId", "APBnqgupArc="},
                               {"parentSpanId", "obLD1OX2Bxg="}, {"name", "GET /orders"}}});
  if (with_child) {
    spans.push_back({{"traceId", "S/kvNXezTaYA8GeqC6kCtw=="}, {"spanId", "U5lcP0LNitg="},
                     {"parentSpanId", "APBnqgupArc="}, {"name", "SELECT"}});
  }
  return json_reply(200, {{"batches", Value::array({{{"scopeSpans", Value::array({{{"spans", spans}}})}}})}});
}

TEST(TempoFetch, PollsUntilTheTraceStopsGrowing) {
  const FakeBackend backend(
      {{kTraceId, {testing::respond(404, "trace not found"), tempo_trace(false), tempo_trace(true)}}});
  auto results = source("tempo", backend)->fetch({kTraceId}, {kProbeSpan}, quick(5000ms));

  const FetchedTrace& trace = results[kTraceId];
  EXPECT_TRUE(trace.complete);
  EXPECT_EQ(trace.polls, 4);   // 404, root only, root and child, the same again
  ASSERT_EQ(trace.spans.size(), 2u);
  EXPECT_EQ(trace.spans[0].trace_id, kTraceId);
  EXPECT_EQ(trace.spans[0].parent_span_id, kProbeSpan);
  EXPECT_EQ(trace.spans[1].parent_span_id, kRoot);
  const auto requests = backend.server().requests();
  ASSERT_FALSE(requests.empty());
  EXPECT_EQ(requests[0].target, fmt::format("/api/traces/{}", kTraceId));
  EXPECT_EQ(requests[0].header("accept"), "application/json");
}

TEST(TempoFetch, TraceStillMissingAtTheDeadlineReportsThePlainTextBody) {
  const FakeBackend backend({{kTraceId, {testing::respond(404, "trace not found")}}});
  auto results = source("tempo", backend)->fetch({kTraceId}, {kProbeSpan}, quick(100ms));
  EXPECT_FALSE(results[kTraceId].complete);
  EXPECT_EQ(results[kTraceId].error, "tempo: 404 trace not found");
}

}  // namespace
}  // namespace glassbox::probes
