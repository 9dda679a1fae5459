#include "reports/verdicts/correlation.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace glassbox::reports {
namespace {

const std::string kTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
const std::string kOther = "dff4a4ea6e8b4002f4d4188bd9840887";
const std::string kProbeSpan = "00f067aa0ba902b7";

Span span(std::string trace, std::string id, std::string parent, std::uint64_t start, std::string name = "s",
          std::string service = "svc") {
  Span s;
  s.trace_id = std::move(trace);
  s.span_id = std::move(id);
  s.parent_span_id = std::move(parent);
  s.start_unix_nano = start;
  s.end_unix_nano = start + 10;
  s.name = std::move(name);
  s.service = std::move(service);
  return s;
}

TEST(Correlate, GroupsSpansByCaseTraceAndBuildsTheTree) {
  auto c = correlate({span(kTrace, "0000000000000002", "0000000000000001", 20, "validate"),
                      span(kTrace, "0000000000000001", kProbeSpan, 10, "POST /triangle"),
                      span(kTrace, "0000000000000003", "0000000000000001", 30, "classify"),
                      span(kTrace, "0000000000000004", "0000000000000003", 40, "inequality")},
                     {kTrace}, {kProbeSpan});
  ASSERT_EQ(c.traces.size(), 1u);
  const CaseTrace& t = c.traces.at(kTrace);
  ASSERT_EQ(t.spans.size(), 4u);
  EXPECT_EQ(t.spans[0].name, "POST /triangle");
  EXPECT_EQ(t.place[0], SpanPlace::ProbeChild);
  EXPECT_EQ(t.tops(), std::vector<std::size_t>{0});
  EXPECT_EQ(t.children[0], (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(t.depths(), (std::vector<int>{0, 1, 1, 2}));
  EXPECT_EQ(t.orphans(), 0u);
  EXPECT_EQ(c.matched, 4u);
  EXPECT_EQ(c.unmatched, 0u);
}

TEST(Correlate, CountsSpansOfNoCaseByServiceAndDropsNone) {
  auto c = correlate({span(kTrace, "0000000000000001", "", 1), span(kOther, "0000000000000002", "", 2, "x", "billing"),
                      span(kOther, "0000000000000003", "", 3, "y", "")},
                     {kTrace}, {});
  EXPECT_EQ(c.received, 3u);
  EXPECT_EQ(c.matched, 1u);
  EXPECT_EQ(c.unmatched, 2u);
  EXPECT_EQ(c.unmatched_by_service.at("billing"), 1u);
  EXPECT_EQ(c.unmatched_by_service.at("(unknown service)"), 1u);
}

TEST(Correlate, FlagsOrphansWhoseParentNeverArrived) {
  auto c = correlate({span(kTrace, "0000000000000001", kProbeSpan, 1), span(kTrace, "0000000000000005", "00000000000000ff", 2)},
                     {kTrace}, {kProbeSpan});
  const CaseTrace& t = c.traces.at(kTrace);
  EXPECT_EQ(t.orphans(), 1u);
  EXPECT_EQ(t.place[1], SpanPlace::Orphan);
  EXPECT_EQ(t.tops().size(), 2u);
}

TEST(Correlate, DuplicateSpansFromExporterRetriesCountOnce) {
  Span s = span(kTrace, "0000000000000001", "", 1);
  auto c = correlate({s, s, s}, {kTrace}, {});
  EXPECT_EQ(c.received, 3u);
  EXPECT_EQ(c.duplicates, 2u);
  EXPECT_EQ(c.matched, 1u);
}

TEST(Correlate, ACycleOfParentsIsCutSoEverySpanIsReachable) {
  auto c = correlate({span(kTrace, "0000000000000001", "0000000000000002", 1),
                      span(kTrace, "0000000000000002", "0000000000000001", 2)},
                     {kTrace}, {});
  const CaseTrace& t = c.traces.at(kTrace);
  EXPECT_EQ(t.tops().size(), 1u);
  EXPECT_EQ(t.orphans(), 1u);
}

// Any set of spans: every span is matched or unmatched exactly once, and in each trace every
// span is reachable from a top exactly once.
RC_GTEST_PROP(Correlate, EverySpanIsAccountedForAndReachableOnce, ()) {
  const int n = *rc::gen::inRange(0, 40);
  std::vector<Span> spans;
  for (int i = 0; i < n; ++i) {
    std::string trace = *rc::gen::element(kTrace, kOther);
    std::string id = "00000000000000" + std::string(1, "0123456789abcdef"[i / 16]) + "0123456789abcdef"[i % 16];
    int parent = *rc::gen::inRange(-2, n);
    std::string parent_id = parent == -2 ? "" : parent == -1 ? kProbeSpan
                            : "00000000000000" + std::string(1, "0123456789abcdef"[parent / 16]) + "0123456789abcdef"[parent % 16];
    spans.push_back(span(trace, id, parent_id, *rc::gen::inRange<std::uint64_t>(0, 100)));
  }
  auto c = correlate(spans, {kTrace}, {kProbeSpan});
  RC_ASSERT(c.matched + c.unmatched + c.duplicates == static_cast<std::size_t>(n));
  for (const auto& [id, t] : c.traces) {
    std::vector<int> reached(t.spans.size(), 0);
    std::function<void(std::size_t)> walk = [&](std::size_t i) {
      ++reached[i];
      for (std::size_t ch : t.children[i]) walk(ch);
    };
    for (std::size_t top : t.tops()) walk(top);
    for (int r : reached) RC_ASSERT(r == 1);
  }
}

}  // namespace
}  // namespace glassbox::reports

namespace glassbox::reports {
namespace {

TEST(WaterfallRows, ListParentsBeforeChildrenWithTimesFromTheFirstSpan) {
  auto c = correlate({span(kTrace, "0000000000000003", "0000000000000001", 1'500'000, "classify"),
                      span(kTrace, "0000000000000001", kProbeSpan, 1'000'000, "POST /triangle"),
                      span(kTrace, "0000000000000002", "0000000000000001", 1'200'000, "validate"),
                      span(kTrace, "0000000000000004", "0000000000000003", 1'600'000, "inequality")},
                     {kTrace}, {kProbeSpan});
  auto rows = waterfall_rows(c.traces.at(kTrace));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].name, "POST /triangle");
  EXPECT_EQ(rows[0].place, "probe_child");
  EXPECT_EQ(rows[1].name, "validate");
  EXPECT_EQ(rows[2].name, "classify");
  EXPECT_EQ(rows[3].name, "inequality");
  EXPECT_EQ(rows[3].depth, 2);
  EXPECT_DOUBLE_EQ(rows[2].start_ms, 0.5);
  EXPECT_DOUBLE_EQ(rows[0].start_ms, 0.0);
}

}  // namespace
}  // namespace glassbox::reports
