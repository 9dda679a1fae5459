// The load engine when things go wrong: errors, refused connections, interrupts.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>

#include <gtest/gtest.h>

#include "load_plans.hpp"
#include "loopback_server.hpp"
#include "probes/load/load_driver.hpp"

namespace glassbox::probes::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// A loopback port nothing listens on: bound, then closed.
std::uint16_t closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

TEST(LoadDriver, CountsServerErrorsPerRequestAndStatus) {
  LoopbackServer server;
  LoadPlan plan = closed_plan({get_request(server, "/ok"), get_request(server, "/fail")}, 2);
  plan.profile.count = 100;
  const auto result = run_load(plan);

  EXPECT_EQ(result.errors, 50u);
  EXPECT_EQ(result.transport_errors, 0u);
  EXPECT_EQ(result.statuses, (std::map<int, std::uint64_t>{{200, 50}, {503, 50}}));
  EXPECT_EQ(result.errors_by_request, (std::map<std::string, std::uint64_t>{{"shop/fail", 50}, {"shop/ok", 0}}));
  EXPECT_DOUBLE_EQ(result.error_rate(), 0.5);
  std::uint64_t errors_in_timeline = 0;
  for (const auto& interval : result.timeline) errors_in_timeline += interval.errors;
  EXPECT_EQ(errors_in_timeline, 50u);
}

TEST(LoadDriver, CountsTransportErrorsByKindWithoutRetrying) {
  LoadRequest refused;
  refused.key = "shop/refused";
  refused.request.url = "http://127.0.0.1:" + std::to_string(closed_port()) + "/";
  refused.request.retry.retries = 3;   // load requests are never retried
  LoadPlan plan = closed_plan({refused}, 1);
  plan.profile.count = 3;
  const auto result = run_load(plan);

  EXPECT_EQ(result.sent, 3u);
  EXPECT_EQ(result.completed, 3u);
  EXPECT_EQ(result.errors, 3u);
  EXPECT_EQ(result.transport_errors, 3u);
  EXPECT_EQ(result.error_kinds, (std::map<std::string, std::uint64_t>{{"connect", 3}}));
  EXPECT_EQ(result.statuses, (std::map<int, std::uint64_t>{{0, 3}}));
}

TEST(LoadDriver, InterruptStopsAClosedProfileAndReturnsWhatWasMeasured) {
  LoopbackServer server;
  LoadPlan plan = closed_plan({get_request(server, "/")}, 2);
  plan.profile.duration = 60s;
  std::atomic<bool> interrupted{false};
  plan.interrupted = &interrupted;
  int reports = 0;
  plan.on_progress = [&](const LoadProgress& progress) {
    ++reports;
    if (progress.completed > 0) interrupted = true;
  };
  const auto started = Clock::now();
  const auto result = run_load(plan);

  EXPECT_LT(Clock::now() - started, 10s);
  EXPECT_TRUE(result.interrupted);
  EXPECT_GT(result.completed, 0u);
  EXPECT_LE(result.completed, result.sent);
  EXPECT_EQ(result.latency.count(), result.completed);
  EXPECT_GE(reports, 2);   // the one that interrupted, and the final one
}

TEST(LoadDriver, InterruptCancelsTheRequestsOutstandingBehindAStall) {
  // The third request stalls for 1.5 s; the interrupt comes while it is outstanding.
  LoopbackServer server({.stall_on = 3, .stall = 1500ms});
  LoadPlan plan = open_plan({get_request(server, "/")}, 20, {{20, 60000ms}}, 1);
  std::atomic<bool> interrupted{false};
  plan.interrupted = &interrupted;
  plan.on_progress = [&](const LoadProgress& progress) {
    if (progress.sent >= 5) interrupted = true;
  };
  const auto started = Clock::now();
  const auto result = run_load(plan);

  EXPECT_LT(Clock::now() - started, 1000ms);
  EXPECT_TRUE(result.interrupted);
  EXPECT_EQ(result.completed, 2u);   // the stalled request and those queued behind it were cut short
  EXPECT_GE(result.sent, 5u);
  EXPECT_EQ(result.errors, 0u);
}

TEST(LoadDriver, SendsNothingWithoutARequestOfPositiveWeight) {
  LoopbackServer server;
  LoadPlan plan = closed_plan({get_request(server, "/", 0)}, 2);
  plan.profile.count = 10;
  const auto result = run_load(plan);

  EXPECT_EQ(result.sent, 0u);
  EXPECT_EQ(server.requests(), 0u);
  EXPECT_EQ(result.profile, "closed: 2 workers, 10 requests");
}

}  // namespace
}  // namespace glassbox::probes::testing
