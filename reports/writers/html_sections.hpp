// The pieces of the HTML report (private to reports/writers): the stylesheet, the SVG
// charts, the page sections and the number formats they share. html_writer.cpp puts
// them together into index.html, the technique, failure and coverage pages and report.css
// (the split is html_pages.hpp's).
//
// Every function writes through an HtmlBuilder, so nothing here escapes by hand.
// Pure functions of their arguments; safe to call from several threads on distinct builders.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "reports/model/results.hpp"
#include "reports/writers/html_builder.hpp"
#include "reports/writers/html_pages.hpp"
#include "reports/writers/slo_format.hpp"

namespace glassbox::reports::html {

// Bodies of passed cases are cut to this many bytes on the technique pages so a run of
// thousands of cases stays pages a browser opens quickly; failures are shown as captured.
inline constexpr std::size_t kPassedBodyLimit = 2048;

// report_css.cpp
std::string_view report_css();

// html_format.cpp: readable numbers for people, not for parsing.
std::string format_ms(double ms);                  // "0.42 ms", "12.3 ms", "1.23 s", "2 min 3 s"
std::string format_us(std::uint64_t us);           // the same scale, from microseconds
std::string format_percent(int part, int whole);   // "92.5 %", "100 %", "0 %"; "–" when whole is 0
std::string_view verdict_word(const RunResults& results);   // "PASSED", "FAILED", "INTERRUPTED"
std::string_view verdict_class(const RunResults& results);  // "passed", "failed", "interrupted"
std::string_view outcome_word(Outcome outcome);             // "PASS", "FAIL", "ERROR", "SKIP"
std::string case_anchor(std::size_t index);                  // "case-12": ids of our own, not the case id
// The body as shown: passed cases' bodies cut at kPassedBodyLimit (on a UTF-8 boundary),
// JSON pretty-printed. elided_bytes says how much was left out.
struct ShownBody {
  std::string text;
  std::size_t elided_bytes = 0;
};
ShownBody shown_body(std::string_view body, Outcome outcome);

// svg_chart.cpp
// The latency histogram: log-scaled time axis, one bar per display bin, p50/p90/p99 markers.
void latency_chart(HtmlBuilder& b, const Histogram& latency);
// An SLO threshold drawn across a latency chart: "p99 SLO 200 ms" at 200000 µs.
struct ChartThreshold {
  std::string label;
  double value_us = 0;
};
// The same with the given percentile markers (50, 95, 99, ...) and threshold lines; the time
// axis reaches every threshold.
void latency_chart(HtmlBuilder& b, const Histogram& latency, const std::vector<int>& percentiles,
                   const std::vector<ChartThreshold>& thresholds);
// A thin stacked bar of passed/failed/error/skipped.
void outcome_bar(HtmlBuilder& b, const Totals& totals);

// html_summary.cpp: the first screen.
void verdict_banner(HtmlBuilder& b, const RunResults& results);
// A run with no case but a load phase or SLOs (slo_format.hpp's is_load_only) is judged by
// its SLOs: the banner says their outcome and the empty case panels are left out.
void latency_panel(HtmlBuilder& b, const RunResults& results);
// The load phase's latency (from intended send time), for load-only runs; nothing without load.
void load_latency_panel(HtmlBuilder& b, const RunResults& results);
// Each technique's row links to its page.
void technique_panel(HtmlBuilder& b, const RunResults& results, const PageLayout& layout);

// html_waterfall.cpp: a case's spans as an SVG waterfall (nothing when it has none), and
// the run's span counts (nothing when no spans were collected).
void waterfall(HtmlBuilder& b, const CaseResult& c);
void telemetry_line(HtmlBuilder& b, const RunResults& results);

// html_coverage.cpp: the coverage goals and items per suite and service, linking the
// covering cases (at most kCoveringCasesOnIndex per item); nothing when
// results.coverage_totals is empty. Returns the services whose lists were cut: each gets a
// page written by coverage_page().
using ServiceKey = std::pair<std::string, std::string>;   // suite, service
// Case id -> index in results.cases, for links to the case entries.
std::map<std::string, std::size_t> case_indices(const RunResults& results);
std::vector<ServiceKey> coverage_section(HtmlBuilder& b, const RunResults& results, const PageLayout& layout,
                                         const std::map<std::string, std::size_t>& indices);
// The detail of one service: every item with up to kCoveringCasesOnPage covering cases.
void coverage_page(HtmlBuilder& b, const RunResults& results, const ServiceKey& service, const PageLayout& layout,
                   const std::map<std::string, std::size_t>& indices);
// html_coverage_map.cpp: one service's operations as cards with their branch values as chips
// (reached, not reached, seen but not declared); `indices` maps case ids to their entries.
void coverage_map(HtmlBuilder& b, const RunResults& results, const std::string& suite, const std::string& service,
                  const PageLayout& layout, const std::map<std::string, std::size_t>& indices);

// html_slos.cpp: the first screen's service-level overview (SLO verdict tiles, coverage
// tiles, golden signals, the comparison with a baseline; nothing when the run has none of
// them), and the service-level section (SLO table, load charts, error budget, log checks;
// nothing when the run has no service-level results).
bool has_service_levels(const RunResults& results);
void service_level_overview(HtmlBuilder& b, const RunResults& results);
void service_level_section(HtmlBuilder& b, const RunResults& results);

// html_load_charts.cpp: SVG charts of the load phase and the error budget.
// p50 and p99 per timeline interval as lines over time, with threshold lines.
void percentiles_over_time_chart(HtmlBuilder& b, const LoadResult& load, const std::vector<ChartThreshold>& thresholds);
// The budget consumed vs remaining as one bar (consumption past the budget shown as overflow).
void error_budget_bar(HtmlBuilder& b, const ErrorBudgetResult& budget);

// html_cases.cpp: index.html's failures (the first kInlineFailures in full, then a link to
// the failures page), the failures page (every failing case, one row each), and one page of
// a technique's cases grouped by request.
void failures_section(HtmlBuilder& b, const RunResults& results, const PageLayout& layout);
void failures_list(HtmlBuilder& b, const RunResults& results, const PageLayout& layout);
void technique_cases(HtmlBuilder& b, const RunResults& results, const TechniquePages& technique, std::size_t page);

}  // namespace glassbox::reports::html
