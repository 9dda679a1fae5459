#include "reports/verdicts/objective_verdict.hpp"

#include <cmath>

#include <fmt/format.h>

#include "reports/verdicts/sli_format.hpp"

namespace glassbox::reports {

namespace {

using suite::ObjectiveKind;

bool warns_at_all(double warn_at) { return warn_at > 0 && warn_at < 1; }

// The value in the objective's unit as messages write it.
std::string format_value(ObjectiveKind kind, double value) {
  switch (kind) {
    case ObjectiveKind::Latency: return format_ms(value);
    case ObjectiveKind::ErrorRate:
    case ObjectiveKind::Availability: return format_percent(value);
    case ObjectiveKind::Throughput: return format_per_second(value);
  }
  return format_number(value);
}

// A difference in the objective's unit: ratios differ by points, not by percent.
std::string format_room(ObjectiveKind kind, double room) {
  switch (kind) {
    case ObjectiveKind::Latency: return format_ms(room);
    case ObjectiveKind::ErrorRate:
    case ObjectiveKind::Availability: return format_points(room);
    case ObjectiveKind::Throughput: return format_per_second(room);
  }
  return format_number(room);
}

// The value beyond which a passing measurement warns; nullopt when it never warns.
std::optional<double> warn_level(ObjectiveKind kind, double threshold, double warn_at) {
  if (!warns_at_all(warn_at)) return std::nullopt;
  switch (kind) {
    case ObjectiveKind::Latency:
    case ObjectiveKind::ErrorRate: return warn_at * threshold;
    case ObjectiveKind::Availability: return 1 - warn_at * (1 - threshold);
    case ObjectiveKind::Throughput: return threshold / warn_at;
  }
  return std::nullopt;
}

}  // namespace

bool is_upper_bound(ObjectiveKind kind) { return kind == ObjectiveKind::Latency || kind == ObjectiveKind::ErrorRate; }

ObjectiveVerdict judge_objective(const suite::Objective& objective, std::optional<double> measured, double warn_at,
                                 std::string_view not_measured_reason) {
  const ObjectiveKind kind = objective.kind;
  const double threshold = objective.threshold;
  const bool upper = is_upper_bound(kind);
  ObjectiveVerdict out;
  out.comparison = upper ? "<=" : ">=";
  out.unit = kind == ObjectiveKind::Latency ? "ms" : kind == ObjectiveKind::Throughput ? "/s" : "%";
  if (!measured || std::isnan(*measured)) {
    out.message = fmt::format("{} not measured: {}", objective.name(), not_measured_reason);
    return out;
  }
  const double value = *measured;
  const double margin = upper ? threshold - value : value - threshold;
  out.margin = margin;
  const std::string head = fmt::format("{} {}", objective.name(), format_value(kind, value));
  const std::string bound = format_value(kind, threshold);
  if (margin < 0) {
    out.verdict = Verdict::Fail;
    const std::string op = upper ? ">" : "<";
    if (threshold == 0) {
      out.message = fmt::format("{} {} {}", head, op, bound);
    } else if (kind == ObjectiveKind::Availability) {
      // A share below its target is said in points: "3% under" 99.9% would read as 96.9%.
      out.message = fmt::format("{} {} {} ({} under)", head, op, bound, format_points(-margin));
    } else {
      out.message = fmt::format("{} {} {} ({} {})", head, op, bound, format_share(-margin / threshold),
                                upper ? "over" : "under");
    }
    return out;
  }
  const std::optional<double> level = warn_level(kind, threshold, warn_at);
  const bool warns = level && (upper ? value > *level : value < *level);
  out.verdict = warns ? Verdict::Warn : Verdict::Pass;
  out.message = fmt::format("{} {} {} (margin {}", head, out.comparison, bound, format_room(kind, margin));
  if (warns) out.message += fmt::format("; warns {} {}", upper ? "above" : "below", format_value(kind, *level));
  out.message += ")";
  return out;
}

}  // namespace glassbox::reports
