// Readable service-level figures shared by the console, Markdown, JUnit and HTML writers, so
// one SLO reads the same in every report: "310 ms", "0.30%", "199.8/s", "-110 ms", "+0.20 points".
// Ratios arrive as 0..1 (results model) and are shown as percent.
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "reports/model/results.hpp"

namespace glassbox::reports {

// "2.1 ms", "46 ms", "310 ms", "1.25 s": a tenth of a millisecond below 100 ms.
std::string slo_ms(double ms);
// A ratio as percent with enough decimals that it never reads as 0% or 100% unless it is:
// 0.003 -> "0.3%", 0.9995 -> "99.95%", 1 -> "100%".
std::string slo_percent(double ratio);
// A measured value or threshold in the SLO's unit ("ms", "%" for ratios, "/s", else "<v> <unit>").
std::string slo_value(double value, std::string_view unit);
std::string slo_value(const std::optional<double>& value, std::string_view unit);   // "not measured" when unset
// A margin with its sign: "+46 ms", "-110 ms", "+0.20 points"; "–" when unset.
std::string slo_margin(const std::optional<double>& margin, std::string_view unit);
// "<= 200 ms": the comparison and threshold as the objective reads.
std::string slo_objective(const SloResult& slo);
// "PASS", "WARN", "FAIL", "NOT MEASURED".
std::string_view verdict_label(Verdict v);
// "1.40x"; "not measured" when unset.
std::string burn_text(const std::optional<double>& burn);
// The load phase in one line: "open 200/s for 30 s — 6000 sent, 199.8/s, p50 2.1 ms p95 4.0 ms
// p99 310 ms max 402 ms, 0.3% errors".
std::string load_summary(const LoadResult& load);

// A run with no case but a load phase or SLOs (a beta run with `cases: none`): its outcome is
// its SLOs', and reports lead with them instead of an empty case count.
bool is_load_only(const RunResults& results);
// "1 of 5 SLOs failed", "All 5 SLOs met", "The SLO was met"; with no SLO, the load phase:
// "Load phase: 6000 requests sent, 12 errors".
std::string slo_outcome_line(const RunResults& results);

}  // namespace glassbox::reports
