// How service-level numbers read in verdict messages: milliseconds, ratios as percentages,
// percentage points, rates per second, relative changes and PromQL-style durations. One home
// so SLO, error-budget and comparison messages agree.
//
// Pure functions; thread-safe.
#pragma once

#include <chrono>
#include <string>

namespace glassbox::reports {

// At most `max_decimals` decimals, trailing zeros dropped: 312 -> "312", 85.456 -> "85.46",
// -0.001 -> "0". Infinity reads "inf", NaN "nan".
std::string format_number(double value, int max_decimals = 2);

std::string format_ms(double ms);                 // "312 ms"
std::string format_percent(double ratio);         // 0.9995 -> "99.95%" (3 decimals at most)
std::string format_points(double ratio_delta);    // 0.0005 -> "0.05 points", 0.01 -> "1 point"
std::string format_per_second(double rate);       // "45.2/s"
// A share of a reference value for "56% over": 0.56 -> "56%", 0.055 -> "5.5%" (one decimal
// below 10%, none above).
std::string format_share(double share);
// A signed relative change: 0.23 -> "+23%", -0.055 -> "-5.5%", 0 -> "+0%".
std::string format_change(double relative);

// PromQL duration text in the largest unit that divides it: 3600 s -> "1h", 259200 s -> "3d",
// 1800 s -> "30m", 47 s -> "47s", 90 s -> "90s". Zero or negative -> "0s".
std::string format_duration(std::chrono::seconds duration);

}  // namespace glassbox::reports
