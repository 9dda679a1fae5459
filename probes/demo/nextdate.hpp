// GET /nextdate?date=YYYY-MM-DD: the day after a Gregorian calendar date.
//
//   -> 200 {"next":"YYYY-MM-DD"}     (2212-12-31 gives 2213-01-01: the range limits the input)
//   -> 400 {"error":"missing parameter","field":"date"}   no date parameter
//   -> 400 {"error":"invalid date"}  not exactly YYYY-MM-DD digits, or no such day (2021-02-30)
//   -> 400 {"error":"year out of range","min":1812,"max":2212}   a real date outside the years
// The shape and the calendar are checked before the year range, so 1700-02-30 is "invalid date".
// Spans (in a traced request): "validate" (branch ok | missing | invalid_date |
// year_out_of_range), then "next_day" (branch same_month | month_end | year_end, and
// leap: whether the date's year is a leap year).
//
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "probes/demo/demo_http.hpp"

namespace glassbox::probes::demo {

struct CalendarDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
};

inline constexpr int kMinYear = 1812;
inline constexpr int kMaxYear = 2212;

bool is_leap_year(int year);
int days_in_month(int year, int month);

// Exactly "YYYY-MM-DD" naming a real day (any year 0000..9999); nullopt otherwise.
std::optional<CalendarDate> parse_iso_date(std::string_view text);
std::string format_iso_date(const CalendarDate& date);
CalendarDate next_day(const CalendarDate& date);

DemoResponse nextdate_endpoint(const std::map<std::string, std::string>& query);

}  // namespace glassbox::probes::demo
