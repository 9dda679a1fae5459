#include "probes/logs/log_timestamp.hpp"

#include <gtest/gtest.h>

namespace glassbox::probes::logs {
namespace {

std::string problem(std::string_view text,
                    TimestampPrecision precision = TimestampPrecision::microseconds) {
  return timestamp_problem("timestamp", text, precision).value_or("");
}

TEST(LogTimestamp, AcceptsUtcWithMicroseconds) {
  EXPECT_EQ(problem("2026-11-25T11:54:25.900707Z"), "");
  EXPECT_EQ(problem("2026-11-25T11:54:25.900707+00:00"), "");
  EXPECT_EQ(problem("2026-11-25t11:54:25.900707z"), "");
  EXPECT_EQ(problem("2024-02-29T23:59:60.000000Z"), "");  // leap day, leap second
}

TEST(LogTimestamp, CountsFractionalDigits) {
  EXPECT_EQ(problem("2026-11-25T11:54:25.9Z"),
            "timestamp '2026-11-25T11:54:25.9Z' has 1 fractional digit, microseconds need 6");
  EXPECT_EQ(problem("2026-11-25T11:54:25.900Z"),
            "timestamp '2026-11-25T11:54:25.900Z' has 3 fractional digits, microseconds need 6");
  EXPECT_EQ(problem("2026-11-25T11:54:25.900707123Z"),
            "timestamp '2026-11-25T11:54:25.900707123Z' has 9 fractional digits, microseconds need 6");
  EXPECT_EQ(problem("2026-11-25T11:54:25Z"),
            "timestamp '2026-11-25T11:54:25Z' has no fractional digits, microseconds need 6");
}

TEST(LogTimestamp, LongFractionsAreCountedAndShownShortened) {
  std::string text = "2026-11-25T11:54:25." + std::string(70, '1') + "Z";
  EXPECT_EQ(problem(text), "timestamp '" + text.substr(0, 64) +
                               "...' has 70 fractional digits, microseconds need 6");
}

TEST(LogTimestamp, AtLeastMillisecondsAcceptsThreeOrMoreDigits) {
  auto ms = TimestampPrecision::at_least_milliseconds;
  EXPECT_EQ(problem("2026-11-25T11:54:25.900Z", ms), "");
  EXPECT_EQ(problem("2026-11-25T11:54:25.900707123Z", ms), "");
  EXPECT_EQ(problem("2026-11-25T11:54:25.90Z", ms),
            "timestamp '2026-11-25T11:54:25.90Z' has 2 fractional digits, milliseconds need at least 3");
  EXPECT_EQ(problem("2026/11/25", ms),
            "timestamp '2026/11/25' is not RFC 3339 (YYYY-MM-DDTHH:MM:SS.fffZ)");
}

TEST(LogTimestamp, RejectsOtherOffsets) {
  EXPECT_EQ(problem("2026-11-25T12:54:25.900707+01:00"),
            "timestamp '2026-11-25T12:54:25.900707+01:00' has offset +01:00, expected UTC ('Z' or +00:00)");
  // RFC 3339 4.3: -00:00 means the offset to local time is unknown.
  EXPECT_EQ(problem("2026-11-25T11:54:25.900707-00:00"),
            "timestamp '2026-11-25T11:54:25.900707-00:00' has offset -00:00, expected UTC ('Z' or +00:00)");
}

TEST(LogTimestamp, RejectsWhatIsNotRfc3339) {
  for (std::string_view text : {"2026-11-25 11:54:25.900707Z", "2026-11-25T11:54:25.900707",
                                "2026-11-25T11:54:25.Z", "2026-11-25T11:54Z", "1764071665.900707",
                                "2026-11-25T11:54:25.900707+0000", "2026-11-25T11:54:25.900707Z ",
                                ""}) {
    EXPECT_EQ(problem(text), "timestamp '" + std::string(text) +
                                 "' is not RFC 3339 (YYYY-MM-DDTHH:MM:SS.ffffffZ)");
  }
}

TEST(LogTimestamp, RejectsImpossibleDatesAndTimes) {
  for (std::string_view text : {"2026-02-29T00:00:00.000000Z", "2026-13-01T00:00:00.000000Z",
                                "2026-00-10T00:00:00.000000Z", "2026-04-31T00:00:00.000000Z",
                                "2026-11-25T24:00:00.000000Z", "2026-11-25T11:60:00.000000Z",
                                "2026-11-25T11:54:61.000000Z", "2100-02-29T00:00:00.000000Z"}) {
    EXPECT_EQ(problem(text), "timestamp '" + std::string(text) + "' is not a valid date and time");
  }
}

}  // namespace
}  // namespace glassbox::probes::logs
