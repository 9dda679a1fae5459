// SVG charts for the HTML report, written inline through the HtmlBuilder. Inline SVG is
// markup, not script or style, so it renders under Jenkins' CSP; colours come from
// classes in report.css, geometry from presentation attributes (x, y, width, height).
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "reports/writers/html_sections.hpp"

namespace glassbox::reports::html {
namespace {

constexpr double kWidth = 620;
constexpr double kHeight = 230;
constexpr double kLeft = 52;
constexpr double kRight = 14;
constexpr double kTop = 50;     // room for the staggered percentile labels
constexpr double kBottom = 30;  // room for the time axis labels
constexpr double kPlotWidth = kWidth - kLeft - kRight;
constexpr double kPlotHeight = kHeight - kTop - kBottom;
constexpr int kBins = 64;

std::string num(double v) { return fmt::format("{:.1f}", v); }

// The 1-2-5 sequence (1, 2, 5, 10, 20, ...) gives axis ticks people read without effort.
std::uint64_t nice_at_or_below(std::uint64_t v) {
  std::uint64_t decade = 1;
  while (decade <= v / 10) decade *= 10;
  for (std::uint64_t m : {5, 2, 1})
    if (m * decade <= v) return m * decade;
  return 1;
}

std::uint64_t nice_at_or_above(std::uint64_t v) {
  for (std::uint64_t decade = 1;; decade *= 10)
    for (std::uint64_t m : {1, 2, 5})
      if (m * decade >= v) return m * decade;
}

// Axis labels of 1-2-5 values: "500 µs", "20 ms", "1 s", without decimals.
std::string tick_label(std::uint64_t us) {
  if (us < 1000) return fmt::format("{} µs", us);
  if (us < 1'000'000) return fmt::format("{} ms", us / 1000);
  return fmt::format("{} s", us / 1'000'000);
}

std::uint64_t nice_step_down(std::uint64_t v) { return v <= 1 ? 1 : nice_at_or_below(v - 1); }
std::uint64_t nice_step_up(std::uint64_t v) { return nice_at_or_above(v + 1); }

// The time axis: a log scale from a 1-2-5 value at or below the fastest request to one at
// or above the slowest, at least a decade wide so display bins stay wider than the
// histogram's own buckets (which would otherwise show as a comb).
struct Axis {
  double lo;
  double hi;
  double x(double us) const {
    const double t = std::log(std::clamp(us, lo, hi) / lo) / std::log(hi / lo);
    return kLeft + t * kPlotWidth;
  }
  double edge(int bin) const { return lo * std::pow(hi / lo, static_cast<double>(bin) / kBins); }
  int bin(double us) const {
    const double t = std::log(std::clamp(us, lo, hi) / lo) / std::log(hi / lo);
    return std::clamp(static_cast<int>(t * kBins), 0, kBins - 1);
  }
};

// `also_us`: a value the axis must reach too (an SLO threshold beyond the slowest request).
Axis make_axis(const Histogram& h, std::uint64_t also_us) {
  std::uint64_t lo = nice_at_or_below(std::max<std::uint64_t>(also_us > 0 ? std::min(h.min(), also_us) : h.min(), 1));
  std::uint64_t hi = nice_at_or_above(std::max<std::uint64_t>(std::max(h.max(), also_us), lo + 1));
  for (bool widen_low = true; hi < lo * 10; widen_low = !widen_low) {
    if (widen_low && lo > 1) lo = nice_step_down(lo);
    else hi = nice_step_up(hi);
  }
  return Axis{static_cast<double>(lo), static_cast<double>(hi)};
}

std::vector<std::uint64_t> bin_counts(const Histogram& h, const Axis& axis) {
  std::vector<std::uint64_t> counts(kBins, 0);
  for (const auto& [index, count] : h.buckets()) {
    const double lower = static_cast<double>(h.bucket_lower(index));
    const double upper = static_cast<double>(h.bucket_upper(index));
    const double mid = std::clamp((lower + upper) / 2, static_cast<double>(h.min()), static_cast<double>(h.max()));
    counts[axis.bin(mid)] += count;
  }
  return counts;
}

void grid_and_axes(HtmlBuilder& b, const Axis& axis, std::uint64_t y_max) {
  const double baseline = kTop + kPlotHeight;
  for (std::uint64_t value : {y_max / 2, y_max}) {
    if (value == 0 || (value == y_max / 2 && y_max % 2 != 0)) continue;
    const double y = baseline - kPlotHeight * static_cast<double>(value) / static_cast<double>(y_max);
    b.element("line", {{"class", "grid"}, {"x1", num(kLeft)}, {"x2", num(kWidth - kRight)}, {"y1", num(y)}, {"y2", num(y)}}, "");
    b.element("text", {{"class", "axis-label"}, {"x", num(kLeft - 6)}, {"y", num(y + 4)}, {"text-anchor", "end"}},
              fmt::format("{}", value));
  }
  b.element("line", {{"class", "axis"}, {"x1", num(kLeft)}, {"x2", num(kWidth - kRight)}, {"y1", num(baseline)}, {"y2", num(baseline)}}, "");
  std::vector<std::uint64_t> ticks;
  for (std::uint64_t t = static_cast<std::uint64_t>(axis.lo); t <= axis.hi; t = nice_step_up(t)) ticks.push_back(t);
  // Many decades: label only the powers of ten so labels do not collide.
  const bool decades_only = ticks.size() > 9;
  for (std::uint64_t t : ticks) {
    const double x = axis.x(static_cast<double>(t));
    b.element("line", {{"class", "tick"}, {"x1", num(x)}, {"x2", num(x)}, {"y1", num(baseline)}, {"y2", num(baseline + 4)}}, "");
    const bool power_of_ten = std::to_string(t)[0] == '1';
    if (decades_only && !power_of_ten) continue;
    b.element("text", {{"class", "axis-label"}, {"x", num(x)}, {"y", num(baseline + 17)}, {"text-anchor", "middle"}},
              tick_label(t));
  }
}

void bars(HtmlBuilder& b, const Axis& axis, const std::vector<std::uint64_t>& counts, std::uint64_t y_max,
          std::uint64_t p90, std::uint64_t p99) {
  const double baseline = kTop + kPlotHeight;
  const double bin_width = kPlotWidth / kBins;
  for (int i = 0; i < kBins; ++i) {
    if (counts[i] == 0) continue;
    const double lower = axis.edge(i);
    const double upper = axis.edge(i + 1);
    const double height = std::max(1.5, kPlotHeight * static_cast<double>(counts[i]) / static_cast<double>(y_max));
    const char* tone = lower >= static_cast<double>(p99) ? "bar bar-tail" : lower >= static_cast<double>(p90) ? "bar bar-slow" : "bar";
    auto rect = b.open("rect", {{"class", tone},
                                {"x", num(kLeft + i * bin_width + 0.5)},
                                {"y", num(baseline - height)},
                                {"width", num(std::max(1.0, bin_width - 1.5))},
                                {"height", num(height)},
                                {"rx", "1.5"}});
    b.element("title", fmt::format("{} – {}: {} request{}", format_us(static_cast<std::uint64_t>(lower)),
                                   format_us(static_cast<std::uint64_t>(upper)), counts[i], counts[i] == 1 ? "" : "s"));
  }
}

void percentile_markers(HtmlBuilder& b, const Axis& axis, const Histogram& h, const std::vector<int>& percentiles) {
  double row = 14;
  for (int p : percentiles) {
    const std::uint64_t value = h.quantile(p / 100.0);
    const double x = axis.x(static_cast<double>(value));
    auto group = b.open("g", {{"class", fmt::format("marker marker-p{}", p)}});
    b.element("line", {{"x1", num(x)}, {"x2", num(x)}, {"y1", num(row + 4)}, {"y2", num(kTop + kPlotHeight)}}, "");
    const bool near_right = x > kWidth - 140;
    b.element("text", {{"x", num(near_right ? x - 5 : x + 5)}, {"y", num(row)}, {"text-anchor", near_right ? "end" : "start"}},
              fmt::format("p{} {}", p, format_us(value)));
    row += 15;
  }
}

// SLO thresholds as solid lines across the plot, labelled inside it at the bottom.
void threshold_lines(HtmlBuilder& b, const Axis& axis, const std::vector<ChartThreshold>& thresholds) {
  double row = kTop + kPlotHeight - 6;
  for (const ChartThreshold& t : thresholds) {
    const double x = axis.x(t.value_us);
    auto group = b.open("g", {{"class", "threshold"}});
    b.element("line", {{"x1", num(x)}, {"x2", num(x)}, {"y1", num(kTop - 4)}, {"y2", num(kTop + kPlotHeight)}}, "");
    const bool near_right = x > kWidth - 160;
    b.element("text", {{"x", num(near_right ? x - 5 : x + 5)}, {"y", num(row)}, {"text-anchor", near_right ? "end" : "start"}},
              t.label);
    row -= 14;
  }
}

}  // namespace

void latency_chart(HtmlBuilder& b, const Histogram& latency) { latency_chart(b, latency, {50, 90, 99}, {}); }

void latency_chart(HtmlBuilder& b, const Histogram& latency, const std::vector<int>& percentiles,
                   const std::vector<ChartThreshold>& thresholds) {
  if (latency.count() == 0) {
    b.element("p", {{"class", "muted"}}, "No latency was recorded: no request got a response.");
    return;
  }
  double farthest = 0;
  for (const ChartThreshold& t : thresholds) farthest = std::max(farthest, t.value_us);
  const Axis axis = make_axis(latency, static_cast<std::uint64_t>(farthest));
  const std::vector<std::uint64_t> counts = bin_counts(latency, axis);
  const std::uint64_t y_max = nice_at_or_above(std::max<std::uint64_t>(1, *std::max_element(counts.begin(), counts.end())));
  auto svg = b.open("svg", {{"class", "chart"},
                            {"viewBox", fmt::format("0 0 {} {}", kWidth, kHeight)},
                            {"role", "img"},
                            {"aria-label", "Latency histogram, log-scaled time axis"}});
  grid_and_axes(b, axis, y_max);
  bars(b, axis, counts, y_max, latency.quantile(0.90), latency.quantile(0.99));
  threshold_lines(b, axis, thresholds);
  percentile_markers(b, axis, latency, percentiles);
}

void outcome_bar(HtmlBuilder& b, const Totals& totals) {
  auto svg = b.open("svg", {{"class", "outcome-bar"}, {"viewBox", "0 0 1000 10"}, {"preserveAspectRatio", "none"},
                            {"role", "img"}, {"aria-label", "Share of passed, failed, errored and skipped cases"}});
  if (totals.cases == 0) {
    b.element("rect", {{"class", "seg seg-skipped"}, {"x", "0"}, {"y", "0"}, {"width", "1000"}, {"height", "10"}}, "");
    return;
  }
  struct Segment {
    int count;
    const char* css;
    const char* word;
  };
  const std::array<Segment, 4> segments = {Segment{totals.passed, "seg seg-passed", "passed"},
                                           Segment{totals.failed, "seg seg-failed", "failed"},
                                           Segment{totals.errors, "seg seg-error", "errors"},
                                           Segment{totals.skipped, "seg seg-skipped", "skipped"}};
  double x = 0;
  for (const Segment& s : segments) {
    if (s.count == 0) continue;
    const double width = 1000.0 * s.count / totals.cases;
    auto rect = b.open("rect", {{"class", s.css}, {"x", num(x)}, {"y", "0"}, {"width", num(width)}, {"height", "10"}});
    b.element("title", fmt::format("{} {}", s.count, s.word));
    x += width;
  }
}

}  // namespace glassbox::reports::html
