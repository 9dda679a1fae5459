#include "probes/load/arrival_schedule.hpp"

#include <chrono>
#include <cmath>

#include <gtest/gtest.h>

namespace glassbox::probes::detail {
namespace {

using namespace std::chrono_literals;

std::vector<std::chrono::nanoseconds> all(ArrivalSchedule schedule) {
  std::vector<std::chrono::nanoseconds> offsets;
  while (auto offset = schedule.next()) offsets.push_back(*offset);
  return offsets;
}

suite::LoadProfile open_profile(double start_rate, std::vector<suite::LoadStage> stages) {
  suite::LoadProfile profile;
  profile.model = suite::LoadModel::Open;
  profile.start_rate = start_rate;
  profile.stages = std::move(stages);
  return profile;
}

TEST(ArrivalSchedule, SpacesAConstantRateEvenlyFromTheStart) {
  const auto offsets = all(ArrivalSchedule::of_stages(open_profile(4, {{4, 1000ms}})));
  ASSERT_EQ(offsets.size(), 4u);
  EXPECT_EQ(offsets[0], 0ms);
  EXPECT_EQ(offsets[1], 250ms);
  EXPECT_EQ(offsets[2], 500ms);
  EXPECT_EQ(offsets[3], 750ms);
}

TEST(ArrivalSchedule, RampSendsTheIntegralOfItsRateWithGapsShrinking) {
  // 0 -> 100/s over 2 s holds 100 arrivals, the n-th at sqrt(n / 25) seconds.
  const auto offsets = all(ArrivalSchedule::of_stages(open_profile(0, {{100, 2000ms}})));
  ASSERT_EQ(offsets.size(), 100u);
  EXPECT_NEAR(std::chrono::duration<double>(offsets[25]).count(), 1.0, 1e-6);
  EXPECT_GT(offsets[1] - offsets[0], offsets[99] - offsets[98]);
}

TEST(ArrivalSchedule, CarriesOnAcrossStagesAndSkipsIdleOnes) {
  // 10/s for 1 s, nothing for 1 s (10 -> 0 ramps down: 5 more), 0 for 1 s, 20/s for 0.5 s.
  const auto schedule = ArrivalSchedule::of_stages(open_profile(10, {{10, 1000ms}, {0, 1000ms}, {0, 1000ms}, {20, 500ms}}));
  EXPECT_EQ(schedule.total(), 20u);
  const auto offsets = all(schedule);
  ASSERT_EQ(offsets.size(), 20u);
  EXPECT_EQ(offsets[9], 900ms);
  EXPECT_EQ(offsets[10], 1000ms);   // the 10th is due as the ramp down begins
  EXPECT_LT(offsets[14], 2000ms);
  // The last stage starts with a rate of 0 and ramps to 20/s: its first arrival is at its start.
  EXPECT_EQ(offsets[15], 3000ms);
  EXPECT_LT(offsets[19], 3500ms);
}

TEST(ArrivalSchedule, OffsetsNeverGoBackwards) {
  const auto offsets = all(ArrivalSchedule::of_stages(open_profile(50, {{500, 700ms}, {20, 300ms}, {300, 900ms}})));
  for (std::size_t i = 1; i < offsets.size(); ++i) ASSERT_GE(offsets[i], offsets[i - 1]) << i;
  EXPECT_NEAR(static_cast<double>(offsets.size()), 0.7 * 275 + 0.3 * 260 + 0.9 * 160, 1.0);
}

}  // namespace
}  // namespace glassbox::probes::detail
