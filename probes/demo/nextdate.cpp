#include "probes/demo/nextdate.hpp"

#include <cstdint>
#include <utility>
#include <variant>

#include <fmt/format.h>

#include "probes/demo/tracing.hpp"

namespace glassbox::probes::demo {
namespace {

// Every character must be a decimal digit: unlike std::stoi, no sign, spaces or trailing text.
std::optional<int> fixed_digits(std::string_view text) {
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// The date parameter, or the 400 that refuses it; recorded as the "validate" span.
std::variant<CalendarDate, DemoResponse> validated_date(
    const std::map<std::string, std::string>& query) {
  ScopedSpan validate("validate");
  validate.set("endpoint", std::string("nextdate"));
  const auto parameter = query.find("date");
  if (parameter == query.end()) {
    validate.set("field", std::string("date"));
    validate.set_branch("missing");
    DemoResponse response = error_response(400, "missing parameter");
    response.body["field"] = "date";
    return response;
  }
  const auto date = parse_iso_date(parameter->second);
  if (!date) {
    validate.set_branch("invalid_date");
    return error_response(400, "invalid date");
  }
  if (date->year < kMinYear || date->year > kMaxYear) {
    validate.set_branch("year_out_of_range");
    DemoResponse response = error_response(400, "year out of range");
    response.body["min"] = kMinYear;
    response.body["max"] = kMaxYear;
    return response;
  }
  validate.set_branch("ok");
  return *date;
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  switch (month) {
    case 2: return is_leap_year(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11: return 30;
    default: return 31;
  }
}

std::optional<CalendarDate> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = fixed_digits(text.substr(0, 4));
  const auto month = fixed_digits(text.substr(5, 2));
  const auto day = fixed_digits(text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  if (*month < 1 || *month > 12) return std::nullopt;
  if (*day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
  return CalendarDate{*year, *month, *day};
}

std::string format_iso_date(const CalendarDate& date) {
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

CalendarDate next_day(const CalendarDate& date) {
  if (date.day < days_in_month(date.year, date.month)) {
    return {date.year, date.month, date.day + 1};
  }
  if (date.month < 12) return {date.year, date.month + 1, 1};
  return {date.year + 1, 1, 1};
}

DemoResponse nextdate_endpoint(const std::map<std::string, std::string>& query) {
  auto checked = validated_date(query);
  if (auto* refusal = std::get_if<DemoResponse>(&checked)) return std::move(*refusal);
  const CalendarDate date = std::get<CalendarDate>(checked);

  ScopedSpan step("next_day");
  step.set("date.year", std::int64_t{date.year});
  step.set("date.month", std::int64_t{date.month});
  step.set("date.day", std::int64_t{date.day});
  step.set("leap", is_leap_year(date.year));
  const CalendarDate next = next_day(date);
  step.set_branch(next.year != date.year     ? "year_end"
                  : next.month != date.month ? "month_end"
                                             : "same_month");
  DemoResponse response;
  response.body = {{"next", format_iso_date(next)}};
  return response;
}

}  // namespace glassbox::probes::demo
