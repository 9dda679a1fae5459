// The load engine against a loopback server: what it sends, and what it measures.
#include "probes/load/load_driver.hpp"

#include <atomic>
#include <chrono>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "load_plans.hpp"
#include "loopback_server.hpp"
#include "probes/http/trace_context.hpp"

namespace glassbox::probes::testing {
namespace {

using namespace std::chrono_literals;

TEST(LoadDriver, OpenProfileLatencyFromIntendedTimeShowsAStallTheServiceTimeHides) {
  // 200/s for 2 s over one connection; the 50th request stalls 400 ms. About 80 requests
  // fall due during the stall and wait behind it: measured from their intended send time
  // they are late, measured from when the connection took them they are fast.
  LoopbackServer server({.stall_on = 50, .stall = 400ms});
  const auto result = run_load(open_plan({get_request(server, "/")}, 200, {{200, 2000ms}}, 1));

  EXPECT_EQ(result.sent, 400u);
  EXPECT_EQ(result.completed, 400u);
  EXPECT_EQ(result.errors, 0u);
  EXPECT_GE(result.latency.quantile(0.99), 200'000u);
  EXPECT_LT(result.service_time.quantile(0.99), 50'000u);
  EXPECT_GE(result.service_time.max(), 400'000u);   // the stalled request itself
  EXPECT_GE(result.late, 40u);
  EXPECT_EQ(result.model, "open");
  EXPECT_EQ(result.profile, "open: 200/s for 2 s");
  EXPECT_EQ(result.planned_rate, 200);
  EXPECT_FALSE(result.interrupted);
}

TEST(LoadDriver, ClosedProfileWithCountStopsAtExactlyCount) {
  LoopbackServer server;
  LoadPlan plan = closed_plan({get_request(server, "/")}, 4);
  plan.profile.count = 250;
  const auto result = run_load(plan);

  EXPECT_EQ(result.sent, 250u);
  EXPECT_EQ(result.completed, 250u);
  EXPECT_EQ(server.requests(), 250u);
  EXPECT_EQ(result.statuses, (std::map<int, std::uint64_t>{{200, 250}}));
  EXPECT_EQ(result.latency.count(), 250u);
  EXPECT_EQ(result.service_time.count(), 250u);
  EXPECT_EQ(result.model, "closed");
  EXPECT_LE(server.connections(), 4);
  EXPECT_GT(result.duration_s, 0);
  std::uint64_t in_timeline = 0;
  for (const auto& interval : result.timeline) in_timeline += interval.requests;
  EXPECT_EQ(in_timeline, 250u);
}

TEST(LoadDriver, WarmupRequestsAreSentButNotMeasured) {
  LoopbackServer server;
  LoadPlan plan = closed_plan({get_request(server, "/")}, 2);
  plan.profile.count = 100;
  plan.profile.warmup = 100ms;
  const auto result = run_load(plan);

  EXPECT_EQ(result.sent, 100u);
  EXPECT_EQ(result.completed, 100u);
  EXPECT_GT(server.requests(), 100u);
}

TEST(LoadDriver, MixFollowsTheRequestWeights) {
  LoopbackServer server;
  LoadPlan plan = closed_plan({get_request(server, "/a", 3), get_request(server, "/b", 1)}, 2);
  plan.profile.count = 400;
  const auto result = run_load(plan);

  EXPECT_EQ(result.requests_by_request, (std::map<std::string, std::uint64_t>{{"shop/a", 300}, {"shop/b", 100}}));
  EXPECT_EQ(server.requests_by_path(), (std::map<std::string, std::uint64_t>{{"/a", 300}, {"/b", 100}}));
  EXPECT_EQ(result.latency_by_request.at("shop/a").count(), 300u);
  EXPECT_EQ(result.latency_by_request.at("shop/b").count(), 100u);
}

TEST(LoadDriver, RampingStagesSendThePlannedNumberOfRequests) {
  // 0 -> 400/s over 1 s (200 requests), then 400/s for 0.5 s (200 more).
  LoopbackServer server;
  LoadPlan plan = open_plan({get_request(server, "/")}, 0, {{400, 1000ms}, {400, 500ms}}, 4);
  plan.interval = 500ms;
  const auto result = run_load(plan);

  EXPECT_NEAR(static_cast<double>(result.sent), 400, 8);
  EXPECT_EQ(result.completed, result.sent);
  EXPECT_EQ(result.planned_rate, 400);
  EXPECT_EQ(result.profile, "open: 2 stages, 0/s -> 400/s over 1.5 s");
  // Placed by intended time: a quarter of the ramp's requests in its first half.
  ASSERT_EQ(result.timeline.size(), 3u);
  EXPECT_NEAR(static_cast<double>(result.timeline[0].requests), 50, 2);
  EXPECT_NEAR(static_cast<double>(result.timeline[1].requests), 150, 2);
  EXPECT_NEAR(static_cast<double>(result.timeline[2].requests), 200, 2);
  EXPECT_EQ(result.timeline[1].start_s, 0.5);
}

TEST(LoadDriver, MaxInFlightHoldsSendsBackButLatencyCountsFromTheirIntendedTime) {
  // One request at a time although 4 connections are open: the 10th stalls 300 ms, and
  // the requests due meanwhile wait in the driver rather than in the client.
  LoopbackServer server({.stall_on = 10, .stall = 300ms});
  LoadPlan plan = open_plan({get_request(server, "/")}, 200, {{200, 1000ms}}, 4);
  plan.profile.max_in_flight = 1;
  const auto result = run_load(plan);

  EXPECT_EQ(result.sent, 200u);
  EXPECT_EQ(result.completed, 200u);
  EXPECT_GE(result.latency.quantile(0.99), 150'000u);
  EXPECT_LT(result.service_time.quantile(0.99), 50'000u);
  EXPECT_GE(result.late, 20u);
  EXPECT_EQ(server.connections(), 1);
}

TEST(LoadDriver, SendsAFreshUnsampledTraceparentWithEveryRequest) {
  LoopbackServer server({.keep_heads = 5});
  LoadPlan plan = closed_plan({get_request(server, "/")}, 1);
  plan.requests[0].request.trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";   // ignored
  plan.profile.count = 5;
  run_load(plan);

  const auto heads = server.heads();
  ASSERT_EQ(heads.size(), 5u);
  std::set<std::string> trace_ids;
  for (const std::string& head : heads) {
    const auto at = head.find("\r\ntraceparent: ");
    ASSERT_NE(at, std::string::npos) << head;
    const std::string value = head.substr(at + 15, 55);
    EXPECT_EQ(value.substr(53), "00") << value;
    const auto parsed = parse_traceparent(value);
    ASSERT_TRUE(parsed.has_value()) << value;
    EXPECT_FALSE(parsed->sampled);
    trace_ids.insert(parsed->trace_id);
  }
  EXPECT_EQ(trace_ids.size(), 5u);
  EXPECT_EQ(trace_ids.count("4bf92f3577b34da6a3ce929d0e0e4736"), 0u);
}

}  // namespace
}  // namespace glassbox::probes::testing
