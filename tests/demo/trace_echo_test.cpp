#include "probes/demo/trace_echo.hpp"

#include <gtest/gtest.h>

namespace glassbox::probes::demo {
namespace {

constexpr const char* kTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
constexpr const char* kTraceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

TEST(TraceIdOf, ReadsTheTraceIdOfAValidHeader) { EXPECT_EQ(trace_id_of(kTraceparent), kTraceId); }

TEST(TraceIdOf, AcceptsAFutureVersionWithExtraFields) {
  EXPECT_EQ(trace_id_of("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"), kTraceId);
}

TEST(TraceIdOf, RejectsInvalidHeaders) {
  for (const char* header : {
           "",
           "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",  // 00 has no extras
           "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",        // version ff
           "00-00000000000000000000000000000000-00f067aa0ba902b7-01",        // zero trace id
           "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",        // zero parent id
           "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",        // uppercase
           "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",         // short trace id
           "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",        // separators
           "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",       // extra without '-'
       }) {
    EXPECT_EQ(trace_id_of(header), std::nullopt) << header;
  }
}

DemoHandler fixed_answer() {
  return [](const DemoRequest&) {
    DemoResponse response;
    response.headers.emplace_back("Location", "/x");
    return response;
  };
}

TEST(WithTraceEcho, AddsTheTraceIdHeaderWhenTraceparentIsValid) {
  DemoRequest request;
  request.headers["traceparent"] = kTraceparent;
  const DemoResponse response = with_trace_echo(fixed_answer())(request);
  EXPECT_EQ(response.headers, (ResponseHeaders{{"Location", "/x"}, {"x-trace-id", kTraceId}}));
}

TEST(WithTraceEcho, LeavesTheResponseAloneWithoutAValidTraceparent) {
  DemoRequest request;
  EXPECT_EQ(with_trace_echo(fixed_answer())(request).headers,
            (ResponseHeaders{{"Location", "/x"}}));
  request.headers["traceparent"] = "garbage";
  EXPECT_EQ(with_trace_echo(fixed_answer())(request).headers,
            (ResponseHeaders{{"Location", "/x"}}));
}

}  // namespace
}  // namespace glassbox::probes::demo
