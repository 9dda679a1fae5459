#include "probes/http/trace_context.hpp"

#include <set>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace glassbox::probes {
namespace {

bool is_lower_hex(const std::string& text) {
  return text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

TEST(TraceContext, NewIdsAreLowercaseHexOfTheRightLength) {
  const std::string trace = new_trace_id();
  const std::string span = new_span_id();
  EXPECT_EQ(trace.size(), 32u);
  EXPECT_EQ(span.size(), 16u);
  EXPECT_TRUE(is_lower_hex(trace)) << trace;
  EXPECT_TRUE(is_lower_hex(span)) << span;
}

TEST(TraceContext, NewIdsDoNotRepeat) {
  std::set<std::string> traces;
  std::set<std::string> spans;
  for (int i = 0; i < 1000; ++i) {
    traces.insert(new_trace_id());
    spans.insert(new_span_id());
  }
  EXPECT_EQ(traces.size(), 1000u);
  EXPECT_EQ(spans.size(), 1000u);
}

TEST(TraceContext, MakeTraceparentIsVersionZeroAndSampled) {
  EXPECT_EQ(make_traceparent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"),
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
}

TEST(TraceContext, ParsesTheSpecExample) {
  const auto parsed = parse_traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->version, "00");
  EXPECT_EQ(parsed->trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(parsed->parent_id, "00f067aa0ba902b7");
  EXPECT_TRUE(parsed->sampled);
}

TEST(TraceContext, ReadsTheSampledFlagFromBitZero) {
  EXPECT_FALSE(parse_traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")->sampled);
  EXPECT_FALSE(parse_traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-02")->sampled);
  EXPECT_TRUE(parse_traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03")->sampled);
}

struct TraceparentCase {
  const char* header;
  bool valid;
  const char* why;
};

class TraceparentTable : public ::testing::TestWithParam<TraceparentCase> {};

TEST_P(TraceparentTable, AcceptsOrRejectsPerTheW3cSpec) {
  const auto& c = GetParam();
  EXPECT_EQ(parse_traceparent(c.header).has_value(), c.valid) << c.why << ": " << c.header;
}

INSTANTIATE_TEST_SUITE_P(
    W3c, TraceparentTable,
    ::testing::Values(
        TraceparentCase{"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", true, "spec example"},
        TraceparentCase{"cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", true, "future version, 55 chars"},
        TraceparentCase{"cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-will-be-like",
                        true, "future version with more fields"},
        TraceparentCase{"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", false,
                        "version 00 with more fields"},
        TraceparentCase{"cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01.", false,
                        "future version, extra text without '-'"},
        TraceparentCase{"ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", false, "version ff"},
        TraceparentCase{"00-00000000000000000000000000000000-00f067aa0ba902b7-01", false, "all-zero trace id"},
        TraceparentCase{"00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", false, "all-zero parent id"},
        TraceparentCase{"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", false, "uppercase trace id"},
        TraceparentCase{"00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01", false, "uppercase parent id"},
        TraceparentCase{"0A-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", false, "uppercase version"},
        TraceparentCase{"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0G", false, "non-hex flags"},
        TraceparentCase{"00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01", false, "short trace id"},
        TraceparentCase{"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-01", false, "short parent id"},
        TraceparentCase{"00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01", false, "wrong separators"},
        TraceparentCase{"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01 ", false, "trailing space"},
        TraceparentCase{"", false, "empty"}));

std::string hex_of(const std::vector<std::uint8_t>& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (const auto byte : bytes) {
    out.push_back(kDigits[byte >> 4]);
    out.push_back(kDigits[byte & 0xf]);
  }
  return out;
}

rc::Gen<std::string> gen_id(std::size_t bytes) {
  return rc::gen::map(
      rc::gen::suchThat(rc::gen::container<std::vector<std::uint8_t>>(bytes, rc::gen::arbitrary<std::uint8_t>()),
                        [](const std::vector<std::uint8_t>& v) {
                          return std::any_of(v.begin(), v.end(), [](std::uint8_t b) { return b != 0; });
                        }),
      hex_of);
}

RC_GTEST_PROP(TraceContext, MakeThenParseGivesBackTheIds, ()) {
  const auto trace_id = *gen_id(16);
  const auto span_id = *gen_id(8);
  const auto parsed = parse_traceparent(make_traceparent(trace_id, span_id));
  RC_ASSERT(parsed.has_value());
  RC_ASSERT(parsed->trace_id == trace_id);
  RC_ASSERT(parsed->parent_id == span_id);
  RC_ASSERT(parsed->version == "00");
  RC_ASSERT(parsed->sampled);
}

}  // namespace
}  // namespace glassbox::probes
