// The timestamp rule of the log checks: RFC 3339 in UTC with a required fractional precision.
// Internal to probes/logs (log_checks.cpp), in its own file because date validation is the
// only part of the rules with arithmetic in it.
//
// Pure function, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "probes/logs/log_checks.hpp"

namespace glassbox::probes::logs {

// Why `text` is not an acceptable timestamp, or nullopt. `field` names it in the message:
//   "timestamp '2026/11/25' is not RFC 3339 (YYYY-MM-DDTHH:MM:SS.ffffffZ)"
//   "timestamp '2026-02-30T00:00:00.000000Z' is not a valid date and time"
//   "timestamp '2026-11-25T11:54:25.900707+01:00' has offset +01:00, expected UTC ('Z' or +00:00)"
//   "timestamp '2026-11-25T11:54:25.9Z' has 1 fractional digit, microseconds need 6"
std::optional<std::string> timestamp_problem(std::string_view field, std::string_view text,
                                             TimestampPrecision precision);

}  // namespace glassbox::probes::logs
