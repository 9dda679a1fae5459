#include "suites/model/input.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

namespace glassbox::suite {

std::string_view to_string(InputType type) {
  switch (type) {
    case InputType::Int: return "int";
    case InputType::Number: return "number";
    case InputType::String: return "string";
    case InputType::Enum: return "enum";
    case InputType::Bool: return "bool";
    case InputType::Date: return "date";
  }
  return "?";
}

const InputClass* Input::find_class(std::string_view class_name) const {
  for (const InputClass& c : classes)
    if (c.name == class_name) return &c;
  return nullptr;
}

namespace {

// Whether `v` satisfies the constraints `c` sets for an input of type `type`.
bool class_contains(const Input& input, const InputClass& c, const Value& v) {
  if (!c.values.empty()) return std::find(c.values.begin(), c.values.end(), v) != c.values.end();
  switch (input.type) {
    case InputType::Int:
      return v.is_number_integer() && c.range.contains(v.get<std::int64_t>());
    case InputType::Number:
      return v.is_number() && c.real.contains(v.get<double>());
    case InputType::Date: {
      if (!v.is_string()) return false;
      auto days = parse_date(v.get<std::string>());
      return days && c.range.contains(*days);
    }
    case InputType::String: {
      if (!v.is_string()) return false;
      // Lengths count code points, as a person reading the suite would.
      std::int64_t n = 0;
      for (unsigned char ch : v.get<std::string>()) n += (ch & 0xC0) != 0x80;
      return c.range.contains(n);
    }
    case InputType::Enum:
      return std::find(input.enum_values.begin(), input.enum_values.end(), v) != input.enum_values.end();
    case InputType::Bool:
      return v.is_boolean();
  }
  return false;
}

}  // namespace

const InputClass* Input::classify(const Value& v) const {
  for (const InputClass& c : classes)
    if (c.valid && class_contains(*this, c, v)) return &c;
  for (const InputClass& c : classes)
    if (!c.valid && class_contains(*this, c, v)) return &c;
  return nullptr;
}

// Civil-from-days and days-from-civil after H. Hinnant's public-domain algorithms.
std::optional<std::int64_t> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto num = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
    int v = 0;
    auto [p, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, v);
    if (ec != std::errc() || p != text.data() + pos + len) return std::nullopt;
    return v;
  };
  auto y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
  int month_days = kDays[*m - 1] + (*m == 2 && leap ? 1 : 0);
  if (*d > month_days) return std::nullopt;
  std::int64_t yy = *y - (*m <= 2);
  std::int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
  std::int64_t yoe = yy - era * 400;
  std::int64_t doy = (153 * (*m + (*m > 2 ? -3 : 9)) + 2) / 5 + *d - 1;
  std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string format_date(std::int64_t days) {
  days += 719468;
  std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  std::int64_t doe = days - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = yoe + era * 400;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  return fmt::format("{:04}-{:02}-{:02}", y + (m <= 2), m, d);
}

}  // namespace glassbox::suite
