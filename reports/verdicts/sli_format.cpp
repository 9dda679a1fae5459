#include "reports/verdicts/sli_format.hpp"

#include <cmath>

#include <fmt/format.h>

namespace glassbox::reports {

std::string format_number(double value, int max_decimals) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  std::string text = fmt::format("{:.{}f}", value, max_decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

std::string format_ms(double ms) { return format_number(ms) + " ms"; }

std::string format_percent(double ratio) { return format_number(ratio * 100, 3) + "%"; }

std::string format_points(double ratio_delta) {
  const std::string number = format_number(ratio_delta * 100, 3);
  return number + (number == "1" || number == "-1" ? " point" : " points");
}

std::string format_per_second(double rate) { return format_number(rate) + "/s"; }

std::string format_share(double share) {
  const double percent = share * 100;
  return format_number(percent, std::fabs(percent) >= 10 ? 0 : 1) + "%";
}

std::string format_change(double relative) {
  const std::string share = format_share(relative);
  return share.front() == '-' ? share : "+" + share;
}

std::string format_duration(std::chrono::seconds duration) {
  const long long s = duration.count();
  if (s <= 0) return "0s";
  struct Unit { long long seconds; char suffix; };
  for (const Unit unit : {Unit{86400, 'd'}, Unit{3600, 'h'}, Unit{60, 'm'}})
    if (s % unit.seconds == 0) return fmt::format("{}{}", s / unit.seconds, unit.suffix);
  return fmt::format("{}s", s);
}

}  // namespace glassbox::reports
