#include "suites/loader/quantities.hpp"

#include <charconv>
#include <cmath>
#include <optional>

#include <fmt/format.h>

namespace glassbox::loader::detail {

namespace {

struct Unit {
  std::string_view suffix;
  double factor;
};

// A finite, non-negative decimal number followed by `suffix` among `units` ("" = bare).
std::optional<double> number_with_unit(std::string_view text, std::initializer_list<Unit> units) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  for (const Unit& unit : units) {
    if (!text.ends_with(unit.suffix)) continue;
    std::string_view number = text.substr(0, text.size() - unit.suffix.size());
    while (!number.empty() && number.back() == ' ') number.remove_suffix(1);
    if (number.starts_with('+')) number.remove_prefix(1);
    if (number.empty() || !(std::isdigit(static_cast<unsigned char>(number.front())) || number.front() == '.'))
      continue;
    double value = 0;
    auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (ec != std::errc() || end != number.data() + number.size() || !std::isfinite(value)) continue;
    return value * unit.factor;
  }
  return std::nullopt;
}

Expected<double> read_scalar(Context& ctx, const Entry& entry, std::optional<double> (*parse)(std::string_view),
                             std::string_view expected) {
  std::optional<double> value;
  if (entry.value.IsScalar()) {
    LOADER_ASSIGN(std::string text, scalar_text(ctx, entry.value));
    value = parse(text);
  }
  if (!value)
    return error_at(ctx, entry, fmt::format("'{}' must be {}, got {}", entry.key, expected, describe(entry.value)));
  return *value;
}

Status check_zero(Context& ctx, const Entry& entry, double value, Zero zero) {
  if (zero == Zero::Rejected && value <= 0)
    return error_at(ctx, entry, fmt::format("'{}' must be more than 0, got {}", entry.key, describe(entry.value)));
  return ok_status();
}

}  // namespace

std::optional<double> parse_duration_ms(std::string_view text) {
  // Longest suffixes first: "ms" before "s" and "m".
  return number_with_unit(
      text, {{"ms", 1.0}, {"s", 1000.0}, {"m", 60'000.0}, {"h", 3'600'000.0}, {"d", 86'400'000.0}, {"", 1.0}});
}

std::optional<double> parse_share(std::string_view text) { return number_with_unit(text, {{"%", 0.01}, {"", 1.0}}); }

std::optional<double> parse_rate_per_second(std::string_view text) {
  return number_with_unit(text, {{"/s", 1.0}, {"/m", 1.0 / 60}, {"/h", 1.0 / 3600}, {"", 1.0}});
}

Expected<std::chrono::milliseconds> read_duration(Context& ctx, const Entry& entry, Zero zero) {
  LOADER_ASSIGN(double ms, read_scalar(ctx, entry, parse_duration_ms,
                                       "a duration such as 150ms, 1.5s, 2m or 1h (a number is milliseconds)"));
  LOADER_TRY(check_zero(ctx, entry, ms, zero));
  if (ms > 1e15) return error_at(ctx, entry, fmt::format("'{}' is too long, got {}", entry.key, describe(entry.value)));
  // A positive duration below half a millisecond still means "some time", not none.
  auto rounded = static_cast<std::int64_t>(std::llround(ms));
  if (rounded == 0 && ms > 0) rounded = 1;
  return std::chrono::milliseconds(rounded);
}

Expected<double> read_milliseconds(Context& ctx, const Entry& entry) {
  LOADER_ASSIGN(double ms, read_scalar(ctx, entry, parse_duration_ms,
                                       "a duration such as 150ms, 1.5s, 2m or 1h (a number is milliseconds)"));
  LOADER_TRY(check_zero(ctx, entry, ms, Zero::Rejected));
  return ms;
}

Expected<double> read_share(Context& ctx, const Entry& entry, double most, Zero zero) {
  LOADER_ASSIGN(double share, read_scalar(ctx, entry, parse_share, "a percentage such as 1% or a ratio such as 0.01"));
  if (share > most) {
    return error_at(ctx, entry,
                    fmt::format("'{}' must be at most {:g}%, got {}", entry.key, most * 100, describe(entry.value)));
  }
  LOADER_TRY(check_zero(ctx, entry, share, zero));
  return share;
}

Expected<double> read_rate(Context& ctx, const Entry& entry, Zero zero) {
  LOADER_ASSIGN(double rate, read_scalar(ctx, entry, parse_rate_per_second,
                                         "a rate such as 50/s or 3000/m (a number is per second)"));
  LOADER_TRY(check_zero(ctx, entry, rate, zero));
  return rate;
}

const std::vector<std::string>& percentile_names() {
  static const std::vector<std::string> names = {"p50", "p90", "p95", "p99", "p999", "max"};
  return names;
}

std::optional<double> percentile_quantile(std::string_view name) {
  static const double quantiles[] = {0.5, 0.9, 0.95, 0.99, 0.999, 1.0};
  const auto& names = percentile_names();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return quantiles[i];
  return std::nullopt;
}

std::string percentile_name(double quantile) {
  if (quantile >= 1.0) return "max";
  // p50, p99, p999, p99.5 for quantiles OpenSLO targets may give.
  std::string digits = fmt::format("{:g}", quantile * 100);
  if (digits == "99.9") return "p999";
  return "p" + digits;
}

}  // namespace glassbox::loader::detail
