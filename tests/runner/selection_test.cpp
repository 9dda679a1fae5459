#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

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
    for (std::size_t i : part) ++seen[i];
  }
  for (int count : seen) RC_ASSERT(count == 1);
}

RC_GTEST_PROP(SelectCases, ACaseKeepsItsShardWhenOtherCasesAreAddedOrRemoved, ()) {
  const auto ids = *rc::gen::container<std::vector<std::string>>(rc::gen::nonEmpty(rc::gen::string<std::string>()));
  const auto others = *rc::gen::container<std::vector<std::string>>(rc::gen::string<std::string>());
  const int shards = *rc::gen::inRange(2, 9);
  std::vector<std::string> grown = others;
  grown.insert(grown.begin() + static_cast<std::ptrdiff_t>(grown.size() / 2), ids.begin(), ids.end());
  for (int s = 1; s <= shards; ++s) {
    std::vector<std::string> alone, among;
    for (std::size_t i : select_cases(ids, "", Shard{s, shards})) alone.push_back(ids[i]);
    for (std::size_t i : select_cases(grown, "", Shard{s, shards}))
      if (std::find(ids.begin(), ids.end(), grown[i]) != ids.end()) among.push_back(grown[i]);
    std::sort(alone.begin(), alone.end());
    std::sort(among.begin(), among.end());
    among.erase(std::unique(among.begin(), among.end()), among.end());
    alone.erase(std::unique(alone.begin(), alone.end()), alone.end());
    RC_ASSERT(alone == among);
  }
}

TEST(SelectCases, ShardsOfManyCasesAreBalanced) {
  std::vector<std::string> ids;
  for (int i = 0; i < 3000; ++i) ids.push_back("classify/boundaries/robust/a=" + std::to_string(i));
  for (int s = 1; s <= 3; ++s) {
    const auto part = select_cases(ids, "", Shard{s, 3});
    EXPECT_GT(part.size(), 900u) << "shard " << s;
    EXPECT_LT(part.size(), 1100u) << "shard " << s;
  }
}

}  // namespace
}  // namespace glassbox::runner
