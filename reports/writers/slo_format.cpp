#include "reports/writers/slo_format.hpp"

#include <cmath>
#include <cstdint>

#include <fmt/format.h>

namespace glassbox::reports {

std::string slo_ms(double ms) {
  if (!std::isfinite(ms)) return "–";
  const double magnitude = std::fabs(ms);
  if (magnitude < 100) return fmt::format("{:.1f} ms", ms);
  if (magnitude < 1000) return fmt::format("{:.0f} ms", ms);
  return fmt::format("{:.2f} s", ms / 1000);
}

std::string slo_percent(double ratio) {
  if (!std::isfinite(ratio)) return "–";
  const double percent = ratio * 100;
  if (percent == 0 || percent == 100) return fmt::format("{:.0f}%", percent);
  // More decimals until the shown value is neither a rounded 0 nor a rounded 100.
  for (int decimals = 1; decimals < 4; ++decimals) {
    const std::string text = fmt::format("{:.{}f}", percent, decimals);
    const double shown = std::stod(text);
    if (shown != 0 && std::fabs(shown) != 100) return text + "%";
  }
  return fmt::format("{:.4f}%", percent);
}

std::string slo_value(double value, std::string_view unit) {
  if (unit == "ms") return slo_ms(value);
  if (unit == "%") return slo_percent(value);
  if (unit == "/s") return fmt::format("{:.1f}/s", value);
  if (unit.empty()) return fmt::format("{:g}", value);
  return fmt::format("{:g} {}", value, unit);
}

std::string slo_value(const std::optional<double>& value, std::string_view unit) {
  return value ? slo_value(*value, unit) : "not measured";
}

std::string slo_margin(const std::optional<double>& margin, std::string_view unit) {
  if (!margin || !std::isfinite(*margin)) return "–";
  const std::string_view sign = *margin < 0 ? "-" : "+";
  const double magnitude = std::fabs(*margin);
  if (unit == "%") return fmt::format("{}{:.2f} points", sign, magnitude * 100);
  return fmt::format("{}{}", sign, slo_value(magnitude, unit));
}

std::string slo_objective(const SloResult& slo) {
  const std::string threshold = slo_value(slo.threshold, slo.unit);
  return slo.comparison.empty() ? threshold : fmt::format("{} {}", slo.comparison, threshold);
}

std::string_view verdict_label(Verdict v) {
  switch (v) {
    case Verdict::Pass: return "PASS";
    case Verdict::Warn: return "WARN";
    case Verdict::Fail: return "FAIL";
    case Verdict::NotMeasured: return "NOT MEASURED";
  }
  return "NOT MEASURED";
}

std::string burn_text(const std::optional<double>& burn) {
  return burn && std::isfinite(*burn) ? fmt::format("{:.2f}x", *burn) : "not measured";
}

std::string load_summary(const LoadResult& l) {
  // LoadProfile::describe() reads "open: 200/s for 30 s"; in a sentence the colon goes.
  std::string profile = l.profile;
  if (!l.model.empty() && profile.starts_with(l.model + ": ")) profile.erase(l.model.size(), 1);
  const Histogram& h = l.latency;
  const auto ms = [&](double q) { return slo_ms(static_cast<double>(h.quantile(q)) / 1000.0); };
  std::string text = fmt::format("{} — {} sent, {:.1f}/s", profile.empty() ? "load" : profile, l.sent, l.throughput());
  if (h.count() > 0)
    text += fmt::format(", p50 {} p95 {} p99 {} max {}", ms(0.50), ms(0.95), ms(0.99),
                        slo_ms(static_cast<double>(h.max()) / 1000.0));
  text += fmt::format(", {} errors", slo_percent(l.error_rate()));
  if (l.interrupted) text += " (interrupted)";
  return text;
}

bool is_load_only(const RunResults& r) { return r.cases.empty() && (!r.load.empty() || !r.slos.empty()); }

std::string slo_outcome_line(const RunResults& r) {
  int failed = 0;
  for (const SloResult& s : r.slos) failed += s.verdict == Verdict::Fail;
  const std::size_t total = r.slos.size();
  if (total == 0) {
    std::uint64_t sent = 0, errors = 0;
    for (const LoadResult& l : r.load) {
      sent += l.sent;
      errors += l.errors;
    }
    return fmt::format("Load phase: {} request{} sent, {} error{}", sent, sent == 1 ? "" : "s", errors, errors == 1 ? "" : "s");
  }
  if (failed > 0) return fmt::format("{} of {} SLO{} failed", failed, total, total == 1 ? "" : "s");
  return total == 1 ? std::string("The SLO was met") : fmt::format("All {} SLOs met", total);
}

}  // namespace glassbox::reports
