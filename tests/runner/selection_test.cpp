#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "suites/runner/runner.hpp"

namespace glassbox::runner {
namespace {

TEST(ParseShard, AcceptsIOverN) {
  auto s = parse_shard("2/3");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->index, 2);
  EXPECT_EQ(s->count, 3);
}

TEST(ParseShard, RejectsMalformedAndOutOfRange) {
  EXPECT_EQ(parse_shard("2-3").error().message, "--shard must look like I/N (e.g. 2/3), got '2-3'");
  EXPECT_EQ(parse_shard("0/3").error().message, "--shard 0/3: I must be between 1 and N");
  EXPECT_EQ(parse_shard("4/3").error().message, "--shard 4/3: I must be between 1 and N");
}

TEST(SelectCases, FilterIsAGlobOverIds) {
  std::vector<std::string> ids = {"classify/partitions/weak_robust/a=short", "classify/boundaries/robust/a=min",
                                  "discount/boundaries/robust/amount=max+"};
  EXPECT_EQ(select_cases(ids, "*/boundaries/*", std::nullopt), (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(select_cases(ids, "classify/*", std::nullopt), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(select_cases(ids, "", std::nullopt).size(), 3u);
}

RC_GTEST_PROP(SelectCases, ShardsPartitionTheCasesExactly, ()) {
  const int n = *rc::gen::inRange(0, 200);
  const int shards = *rc::gen::inRange(1, 8);
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) ids.push_back("case-" + std::to_string(i));
  std::vector<int> seen(n, 0);
  for (int s = 1; s <= shards; ++s) {
    auto part = select_cases(ids, "", Shard{s, shards});
    // Round robin: shard sizes differ by at most one.
    RC_ASSERT(static_cast<int>(part.size()) >= n / shards);
    RC_ASSERT(static_cast<int>(part.size()) <= n / shards + 1);
    for (std::size_t i : part) ++seen[i];
  }
  for (int count : seen) RC_ASSERT(count == 1);
}

}  // namespace
}  // namespace glassbox::runner
