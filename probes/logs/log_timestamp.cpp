#include "probes/logs/log_timestamp.hpp"

#include <fmt/format.h>

namespace glassbox::probes::logs {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The number in text[at, at + count) when all of it is digits.
std::optional<int> digits_at(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (!is_digit(text[i])) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool char_at(std::string_view text, std::size_t at, std::string_view allowed) {
  return at < text.size() && allowed.find(text[at]) != std::string_view::npos;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

struct Parsed {
  int year, month, day, hour, minute, second;
  std::size_t fraction_digits;
  std::string_view offset;  // "Z", "z" or "+HH:MM" / "-HH:MM"
};

// RFC 3339 date-time syntax (section 5.6); ranges are checked separately.
std::optional<Parsed> parse(std::string_view t) {
  auto year = digits_at(t, 0, 4), month = digits_at(t, 5, 2), day = digits_at(t, 8, 2);
  auto hour = digits_at(t, 11, 2), minute = digits_at(t, 14, 2), second = digits_at(t, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
  if (!char_at(t, 4, "-") || !char_at(t, 7, "-") || !char_at(t, 10, "Tt") ||
      !char_at(t, 13, ":") || !char_at(t, 16, ":")) {
    return std::nullopt;
  }
  std::size_t at = 19;
  std::size_t fraction_digits = 0;
  if (char_at(t, at, ".")) {
    ++at;
    while (at < t.size() && is_digit(t[at])) ++at, ++fraction_digits;
    if (fraction_digits == 0) return std::nullopt;
  }
  std::string_view offset = t.substr(std::min(at, t.size()));
  bool zulu = offset == "Z" || offset == "z";
  bool numeric = offset.size() == 6 && char_at(offset, 0, "+-") && digits_at(offset, 1, 2) &&
                 char_at(offset, 3, ":") && digits_at(offset, 4, 2);
  if (!zulu && !numeric) return std::nullopt;
  return Parsed{*year, *month, *day, *hour, *minute, *second, fraction_digits, offset};
}

bool in_range(const Parsed& p) {
  if (p.month < 1 || p.month > 12) return false;
  if (p.day < 1 || p.day > days_in_month(p.year, p.month)) return false;
  // 60 is a leap second, which RFC 3339 allows.
  if (p.hour > 23 || p.minute > 59 || p.second > 60) return false;
  if (p.offset.size() == 6) {
    auto offset_hours = digits_at(p.offset, 1, 2);
    auto offset_minutes = digits_at(p.offset, 4, 2);
    if (*offset_hours > 23 || *offset_minutes > 59) return false;
  }
  return true;
}

std::string digits_text(std::size_t count) {
  if (count == 0) return "no fractional digits";
  return fmt::format("{} fractional digit{}", count, count == 1 ? "" : "s");
}

}  // namespace

std::optional<std::string> timestamp_problem(std::string_view field, std::string_view text,
                                             TimestampPrecision precision) {
  bool micro = precision == TimestampPrecision::microseconds;
  auto parsed = parse(text);
  const std::string shown = shorten(text);
  if (!parsed) {
    return fmt::format("{} '{}' is not RFC 3339 ({})", field, shown,
                       micro ? "YYYY-MM-DDTHH:MM:SS.ffffffZ" : "YYYY-MM-DDTHH:MM:SS.fffZ");
  }
  if (!in_range(*parsed)) return fmt::format("{} '{}' is not a valid date and time", field, shown);
  // "-00:00" means "offset unknown" in RFC 3339 (section 4.3), so it is not UTC.
  if (parsed->offset != "Z" && parsed->offset != "z" && parsed->offset != "+00:00") {
    return fmt::format("{} '{}' has offset {}, expected UTC ('Z' or +00:00)", field, shown,
                       parsed->offset);
  }
  if (micro && parsed->fraction_digits != 6) {
    return fmt::format("{} '{}' has {}, microseconds need 6", field, shown,
                       digits_text(parsed->fraction_digits));
  }
  if (!micro && parsed->fraction_digits < 3) {
    return fmt::format("{} '{}' has {}, milliseconds need at least 3", field, shown,
                       digits_text(parsed->fraction_digits));
  }
  return std::nullopt;
}

}  // namespace glassbox::probes::logs
