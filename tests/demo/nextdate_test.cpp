#include "probes/demo/nextdate.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace glassbox::probes::demo {
namespace {

// The endpoint's answer for one date, as compact JSON.
std::string next_of(const std::string& date) {
  const DemoResponse response = nextdate_endpoint({{"date", date}});
  return std::to_string(response.status) + " " + response.body.dump();
}

TEST(NextDate, AdvancesWithinAMonth) {
  EXPECT_EQ(next_of("2024-05-14"), R"(200 {"next":"2024-05-15"})");
}

TEST(NextDate, AcceptsTheFirstDayOfTheRange) {
  EXPECT_EQ(next_of("1812-01-01"), R"(200 {"next":"1812-01-02"})");
}

TEST(NextDate, AcceptsTheLastDayOfTheRangeAndLeavesIt) {
  EXPECT_EQ(next_of("2212-12-31"), R"(200 {"next":"2213-01-01"})");
}

TEST(NextDate, RollsOverTheYearOnDecember31) {
  EXPECT_EQ(next_of("1999-12-31"), R"(200 {"next":"2000-01-01"})");
}

TEST(NextDate, RollsOverMonthsOf30And31Days) {
  EXPECT_EQ(next_of("2023-04-30"), R"(200 {"next":"2023-05-01"})");
  EXPECT_EQ(next_of("2023-01-31"), R"(200 {"next":"2023-02-01"})");
  EXPECT_EQ(next_of("2023-04-29"), R"(200 {"next":"2023-04-30"})");
}

TEST(NextDate, TreatsYear2000AsLeapBecauseItIsDivisibleBy400) {
  EXPECT_EQ(next_of("2000-02-28"), R"(200 {"next":"2000-02-29"})");
  EXPECT_EQ(next_of("2000-02-29"), R"(200 {"next":"2000-03-01"})");
}

TEST(NextDate, TreatsYear1900AsCommonBecauseItIsACentury) {
  EXPECT_EQ(next_of("1900-02-28"), R"(200 {"next":"1900-03-01"})");
  EXPECT_EQ(next_of("1900-02-29"), R"(400 {"error":"invalid date"})");
}

TEST(NextDate, TreatsYear2024AsLeap) {
  EXPECT_EQ(next_of("2024-02-28"), R"(200 {"next":"2024-02-29"})");
  EXPECT_EQ(next_of("2024-02-29"), R"(200 {"next":"2024-03-01"})");
  EXPECT_EQ(next_of("2023-02-28"), R"(200 {"next":"2023-03-01"})");
}

TEST(NextDate, RejectsImpossibleDates) {
  EXPECT_EQ(next_of("2021-02-30"), R"(400 {"error":"invalid date"})");
  EXPECT_EQ(next_of("2021-04-31"), R"(400 {"error":"invalid date"})");
  EXPECT_EQ(next_of("2021-13-01"), R"(400 {"error":"invalid date"})");
  EXPECT_EQ(next_of("2021-00-10"), R"(400 {"error":"invalid date"})");
  EXPECT_EQ(next_of("2021-01-00"), R"(400 {"error":"invalid date"})");
}

TEST(NextDate, RejectsMalformedDates) {
  for (const char* text : {"", "2021-1-01", "2021-01-1", "20210101", "2021/01/01", "2021-01-01 ",
                           "+202-01-01", "2021-0a-01", "abcd-ef-gh", "2021-01-01T00:00"}) {
    EXPECT_EQ(next_of(text), R"(400 {"error":"invalid date"})") << '"' << text << '"';
  }
}

TEST(NextDate, RejectsYearsJustOutsideTheRange) {
  EXPECT_EQ(next_of("1811-12-31"), R"(400 {"error":"year out of range","max":2212,"min":1812})");
  EXPECT_EQ(next_of("2213-01-01"), R"(400 {"error":"year out of range","max":2212,"min":1812})");
}

TEST(NextDate, ChecksTheCalendarBeforeTheYearRange) {
  EXPECT_EQ(next_of("1700-02-30"), R"(400 {"error":"invalid date"})");
}

TEST(NextDate, ReportsAMissingDateParameter) {
  const DemoResponse response = nextdate_endpoint({{"day", "2024-01-01"}});
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.body.dump(), R"({"error":"missing parameter","field":"date"})");
}

TEST(LeapYear, FollowsTheGregorianRules) {
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_TRUE(is_leap_year(1812));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_FALSE(is_leap_year(2100));
  EXPECT_FALSE(is_leap_year(2023));
}

RC_GTEST_PROP(NextDateProperties, NextDayIsAValidDateThatRoundTrips, ()) {
  const int year = *rc::gen::inRange(kMinYear, kMaxYear + 1);
  const int month = *rc::gen::inRange(1, 13);
  const int day = *rc::gen::inRange(1, days_in_month(year, month) + 1);
  const CalendarDate date{year, month, day};
  RC_ASSERT(parse_iso_date(format_iso_date(date)) == std::optional<CalendarDate>(date));
  const CalendarDate next = next_day(date);
  RC_ASSERT(parse_iso_date(format_iso_date(next)) == std::optional<CalendarDate>(next));
  // The next day is the first of a month exactly when the date was the month's last day.
  RC_ASSERT((next.day == 1) == (day == days_in_month(year, month)));
}

}  // namespace
}  // namespace glassbox::probes::demo
