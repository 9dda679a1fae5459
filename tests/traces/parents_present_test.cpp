// parents_present: the connectedness half of "the trace is complete".
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "probes/traces/polling.hpp"

namespace glassbox::probes {
namespace {

Span span(std::string id, std::string parent) {
  Span s;
  s.span_id = std::move(id);
  s.parent_span_id = std::move(parent);
  return s;
}

TEST(ParentsPresent, EmptyTraceIsNotConnected) { EXPECT_FALSE(parents_present({}, {})); }

TEST(ParentsPresent, RootAndItsChildrenAreConnected) {
  EXPECT_TRUE(parents_present({span("a", ""), span("b", "a"), span("c", "b")}, {}));
}

TEST(ParentsPresent, SpanWhoseParentIsMissingIsAnOrphan) {
  EXPECT_FALSE(parents_present({span("a", ""), span("c", "b")}, {}));
}

TEST(ParentsPresent, KnownParentsCountAsPresent) {
  EXPECT_FALSE(parents_present({span("a", "probe"), span("b", "a")}, {}));
  EXPECT_TRUE(parents_present({span("a", "probe"), span("b", "a")}, {"probe"}));
}

// A chain hanging from a known parent stays connected in any order, and removing any span
// but the last orphans its child.
RC_GTEST_PROP(ParentsPresent, ChainIsConnectedUntilALinkIsRemoved, ()) {
  const auto length = *rc::gen::inRange<std::size_t>(2, 20);
  std::vector<Span> chain;
  for (std::size_t i = 0; i < length; ++i) {
    chain.push_back(span("s" + std::to_string(i), i == 0 ? "probe" : "s" + std::to_string(i - 1)));
  }
  const std::set<std::string> known{"probe"};
  auto shuffled = *rc::gen::container<std::vector<int>>(length, rc::gen::arbitrary<int>());
  std::vector<Span> reordered = chain;
  for (std::size_t i = 0; i < length; ++i) std::swap(reordered[i], reordered[std::size_t(std::abs(shuffled[i] % int(length)))]);
  RC_ASSERT(parents_present(reordered, known));
  const auto removed = *rc::gen::inRange<std::size_t>(0, length - 1);
  chain.erase(chain.begin() + static_cast<std::ptrdiff_t>(removed));
  RC_ASSERT(!parents_present(chain, known));
}

}  // namespace
}  // namespace glassbox::probes
