#include "probes/load/weighted_picker.hpp"

#include <string>

#include <gtest/gtest.h>

namespace glassbox::probes::detail {
namespace {

std::string picks(WeightedPicker picker, int n) {
  std::string sequence;
  for (int i = 0; i < n; ++i) sequence.push_back(static_cast<char>('a' + picker.next()));
  return sequence;
}

TEST(WeightedPicker, InterleavesByWeightLikeNginxSmoothRoundRobin) {
  EXPECT_EQ(picks(WeightedPicker({5, 1, 1}), 14), "aabacaaaabacaa");
}

TEST(WeightedPicker, FollowsFractionalWeights) {
  EXPECT_EQ(picks(WeightedPicker({0.5, 1.5}), 8), "babbbabb");
}

TEST(WeightedPicker, NeverPicksNonPositiveWeights) {
  EXPECT_EQ(picks(WeightedPicker({0, 2, -1, 1}), 6), "bdbbdb");
  EXPECT_TRUE(WeightedPicker({0, -3}).empty());
  EXPECT_TRUE(WeightedPicker({}).empty());
}

}  // namespace
}  // namespace glassbox::probes::detail
