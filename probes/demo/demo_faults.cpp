// Parsing, checking and scheduling of the demo's injected faults (see demo_faults.hpp).
#include "probes/demo/demo_faults.hpp"

#include <charconv>
#include <cmath>
#include <optional>
#include <set>
#include <utility>

#include <fmt/format.h>

namespace glassbox::probes {
namespace {

constexpr std::uint64_t kMillion = 1000000;
constexpr std::string_view kHealthPath = "/healthz";
constexpr std::string_view kKnownKeys = "latency_ms, latency_ratio, error_ratio, error_status or paths";

Error fault_error(std::string message) { return Error(std::move(message)); }

// The whole text must be the number: "30ms" and " 30" are not 30.
template <typename Number>
std::optional<Number> parse_number(std::string_view text) {
  Number value{};
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

bool latency_in_range(int ms) { return ms >= 0 && ms <= kMaxDemoLatencyMs; }
bool ratio_in_range(double ratio) { return ratio >= 0.0 && ratio <= 1.0; }  // false for NaN
bool status_in_range(int status) { return status >= 400 && status <= 599; }
bool path_is_prefix(std::string_view path) { return path.empty() || path.front() == '/'; }

std::string latency_message(std::string_view value) {
  return fmt::format("demo fault latency_ms={}: not a whole number of milliseconds between 0 and {}", value,
                     kMaxDemoLatencyMs);
}
std::string ratio_message(std::string_view key, std::string_view value) {
  return fmt::format("demo fault {}={}: not a ratio between 0 and 1", key, value);
}
std::string status_message(std::string_view value) {
  return fmt::format("demo fault error_status={}: not an error status between 400 and 599", value);
}
std::string paths_message(std::string_view value) {
  return fmt::format("demo fault paths={}: not a path prefix starting with '/'", value);
}

// The settings that only mean something together with another one.
Status check_combinations(const DemoFaults& faults) {
  if (faults.latency_ms == 0 && faults.latency_ratio != 1.0)
    return fault_error(fmt::format("demo fault latency_ratio={} needs latency_ms", faults.latency_ratio));
  if (faults.error_ratio == 0 && faults.error_status != 500)
    return fault_error(fmt::format("demo fault error_status={} needs error_ratio", faults.error_status));
  if (!faults.paths.empty() && !faults.any())
    return fault_error(fmt::format("demo fault paths={} needs latency_ms or error_ratio", faults.paths));
  return ok_status();
}

Status apply(DemoFaults& faults, std::string_view key, std::string_view value) {
  if (key == "latency_ms") {
    auto ms = parse_number<int>(value);
    if (!ms || !latency_in_range(*ms)) return fault_error(latency_message(value));
    faults.latency_ms = *ms;
  } else if (key == "latency_ratio" || key == "error_ratio") {
    auto ratio = parse_number<double>(value);
    if (!ratio || !ratio_in_range(*ratio)) return fault_error(ratio_message(key, value));
    (key == "latency_ratio" ? faults.latency_ratio : faults.error_ratio) = *ratio;
  } else if (key == "error_status") {
    auto status = parse_number<int>(value);
    if (!status || !status_in_range(*status)) return fault_error(status_message(value));
    faults.error_status = *status;
  } else if (key == "paths") {
    if (value.empty() || !path_is_prefix(value)) return fault_error(paths_message(value));
    faults.paths = std::string(value);
  } else {
    return fault_error(fmt::format("unknown demo fault '{}' (expected {})", key, kKnownKeys));
  }
  return ok_status();
}

std::string percent(std::uint64_t parts_per_million) {
  return fmt::format("{}%", static_cast<double>(parts_per_million) / 10000.0);
}

}  // namespace

std::uint64_t to_parts_per_million(double ratio) {
  if (!(ratio > 0.0)) return 0;
  if (ratio >= 1.0) return kMillion;
  return static_cast<std::uint64_t>(std::llround(ratio * static_cast<double>(kMillion)));
}

bool is_hit(std::uint64_t n, std::uint64_t parts_per_million) {
  if (n == 0 || parts_per_million == 0) return false;
  return n * parts_per_million / kMillion > (n - 1) * parts_per_million / kMillion;
}

Expected<DemoFaults> parse_demo_faults(std::string_view query) {
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  DemoFaults faults;
  std::set<std::string, std::less<>> seen;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view item = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (item.empty()) continue;  // "a=1&&b=2", a trailing '&'
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos)
      return fault_error(fmt::format("demo fault '{}' has no value (expected key=value)", item));
    const std::string_view key = item.substr(0, eq);
    if (!seen.insert(std::string(key)).second)
      return fault_error(fmt::format("demo fault '{}' is given twice", key));
    if (Status applied = apply(faults, key, item.substr(eq + 1)); !applied) return applied.error();
  }
  if (Status combined = check_combinations(faults); !combined) return combined.error();
  return faults;
}

Status validate_demo_faults(const DemoFaults& faults) {
  if (!latency_in_range(faults.latency_ms)) return fault_error(latency_message(std::to_string(faults.latency_ms)));
  if (!ratio_in_range(faults.latency_ratio))
    return fault_error(ratio_message("latency_ratio", fmt::format("{}", faults.latency_ratio)));
  if (!ratio_in_range(faults.error_ratio))
    return fault_error(ratio_message("error_ratio", fmt::format("{}", faults.error_ratio)));
  if (!status_in_range(faults.error_status)) return fault_error(status_message(std::to_string(faults.error_status)));
  if (!path_is_prefix(faults.paths)) return fault_error(paths_message(faults.paths));
  return check_combinations(faults);
}

std::string describe_demo_faults(const DemoFaults& faults) {
  if (!faults.any()) return "no faults";
  std::string text;
  if (faults.latency_ms > 0)
    text = fmt::format("latency {} ms on {} of requests", faults.latency_ms,
                       percent(to_parts_per_million(faults.latency_ratio)));
  if (faults.error_ratio > 0) {
    if (!text.empty()) text += ", ";
    text += fmt::format("status {} on {} of requests", faults.error_status,
                        percent(to_parts_per_million(faults.error_ratio)));
  }
  text += faults.paths.empty() ? fmt::format(" (every path but {})", kHealthPath)
                               : fmt::format(" (paths starting with {})", faults.paths);
  return text;
}

FaultPlan::FaultPlan(DemoFaults faults)
    : faults_(std::move(faults)),
      latency_ppm_(faults_.latency_ms > 0 ? to_parts_per_million(faults_.latency_ratio) : 0),
      error_ppm_(to_parts_per_million(faults_.error_ratio)) {}

bool FaultPlan::applies_to(std::string_view target) const {
  const std::string_view path = target.substr(0, target.find('?'));
  if (faults_.paths.empty()) return path != kHealthPath;
  return path.substr(0, faults_.paths.size()) == faults_.paths;
}

FaultDecision FaultPlan::decide(std::string_view target) {
  FaultDecision decision;
  if ((latency_ppm_ == 0 && error_ppm_ == 0) || !applies_to(target)) return decision;
  ++counter_;
  if (is_hit(counter_, latency_ppm_)) decision.delay = std::chrono::milliseconds(faults_.latency_ms);
  if (is_hit(counter_, error_ppm_)) decision.error_status = faults_.error_status;
  return decision;
}

}  // namespace glassbox::probes
