// SVG charts of the load phase and the error budget, written inline through the HtmlBuilder:
// geometry in presentation attributes, colours from report.css classes, no style attribute,
// so they render under Jenkins' CSP.
#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "reports/writers/html_sections.hpp"
#include "reports/writers/slo_format.hpp"

namespace glassbox::reports::html {
namespace {

constexpr double kWidth = 620;
constexpr double kHeight = 230;
constexpr double kLeft = 58;
constexpr double kRight = 14;
constexpr double kTop = 26;
constexpr double kBottom = 30;
constexpr double kPlotWidth = kWidth - kLeft - kRight;
constexpr double kPlotHeight = kHeight - kTop - kBottom;
constexpr std::size_t kMaxPointMarkers = 120;   // beyond this, the lines alone carry the shape

std::string num(double v) { return fmt::format("{:.1f}", v); }

std::string decade_label(double us) {
  if (us < 1000) return fmt::format("{:.0f} µs", us);
  if (us < 1'000'000) return fmt::format("{:.0f} ms", us / 1000);
  return fmt::format("{:.0f} s", us / 1'000'000);
}

// Time on x (seconds of the measured part), latency on a log y axis between two decades.
struct Frame {
  double t0, t1;
  double lo, hi;   // microseconds, powers of ten
  double x(double t) const { return kLeft + (t1 > t0 ? (t - t0) / (t1 - t0) : 0) * kPlotWidth; }
  double y(double us) const {
    const double v = std::clamp(us, lo, hi);
    return kTop + kPlotHeight * (1 - std::log10(v / lo) / std::log10(hi / lo));
  }
};

Frame make_frame(const LoadResult& load, const std::vector<ChartThreshold>& thresholds) {
  double smallest = 1e300, largest = 1;
  for (const LoadInterval& i : load.timeline) {
    if (i.latency.count() == 0) continue;
    smallest = std::min(smallest, static_cast<double>(std::max<std::uint64_t>(1, i.latency.quantile(0.50))));
    largest = std::max(largest, static_cast<double>(i.latency.quantile(0.99)));
  }
  for (const ChartThreshold& t : thresholds) {
    smallest = std::min(smallest, std::max(1.0, t.value_us));
    largest = std::max(largest, t.value_us);
  }
  if (smallest > largest) smallest = 1;
  double lo = std::pow(10.0, std::floor(std::log10(smallest)));
  double hi = std::pow(10.0, std::ceil(std::log10(largest)));
  if (hi <= lo) hi = lo * 10;
  const LoadInterval& last = load.timeline.back();
  const double step = load.timeline.size() > 1 ? load.timeline[1].start_s - load.timeline[0].start_s : 1.0;
  return Frame{load.timeline.front().start_s, last.start_s + std::max(step, 1e-3), lo, hi};
}

void axes(HtmlBuilder& b, const Frame& f) {
  const double baseline = kTop + kPlotHeight;
  for (double d = f.lo; d <= f.hi * 1.0001; d *= 10) {
    const double y = f.y(d);
    b.element("line", {{"class", "grid"}, {"x1", num(kLeft)}, {"x2", num(kWidth - kRight)}, {"y1", num(y)}, {"y2", num(y)}}, "");
    b.element("text", {{"class", "axis-label"}, {"x", num(kLeft - 6)}, {"y", num(y + 4)}, {"text-anchor", "end"}}, decade_label(d));
  }
  b.element("line", {{"class", "axis"}, {"x1", num(kLeft)}, {"x2", num(kWidth - kRight)}, {"y1", num(baseline)}, {"y2", num(baseline)}}, "");
  // About six time ticks on whole seconds.
  const double span = f.t1 - f.t0;
  const double raw = span / 6;
  double step = 1;
  for (double s : {1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0})
    if (s >= raw) {
      step = s;
      break;
    }
  for (double t = std::ceil(f.t0 / step) * step; t <= f.t1 + 1e-9; t += step) {
    const double x = f.x(t);
    b.element("line", {{"class", "tick"}, {"x1", num(x)}, {"x2", num(x)}, {"y1", num(baseline)}, {"y2", num(baseline + 4)}}, "");
    b.element("text", {{"class", "axis-label"}, {"x", num(x)}, {"y", num(baseline + 17)}, {"text-anchor", "middle"}},
              fmt::format("{:g} s", t));
  }
}

void series(HtmlBuilder& b, const LoadResult& load, const Frame& f, int percentile) {
  const double step = (f.t1 - f.t0) / static_cast<double>(load.timeline.size());
  std::string points;
  for (const LoadInterval& i : load.timeline) {
    if (i.latency.count() == 0) continue;
    if (!points.empty()) points += ' ';
    points += fmt::format("{},{}", num(f.x(i.start_s + step / 2)),
                          num(f.y(static_cast<double>(i.latency.quantile(percentile / 100.0)))));
  }
  if (points.empty()) return;
  b.element("polyline", {{"class", fmt::format("series series-p{}", percentile)}, {"points", points}}, "");
}

// A dot per interval with its figures on hover; intervals with errors get a red tick below.
void interval_marks(HtmlBuilder& b, const LoadResult& load, const Frame& f) {
  const double step = (f.t1 - f.t0) / static_cast<double>(load.timeline.size());
  const bool dots = load.timeline.size() <= kMaxPointMarkers;
  for (const LoadInterval& i : load.timeline) {
    const double x = f.x(i.start_s + step / 2);
    const std::string figures =
        fmt::format("{:g} s: {} requests, {} errors, p50 {}, p99 {}", i.start_s, i.requests, i.errors,
                    format_us(i.latency.quantile(0.50)), format_us(i.latency.quantile(0.99)));
    if (i.errors > 0) {
      auto rect = b.open("rect", {{"class", "error-mark"}, {"x", num(x - 2)}, {"y", num(kTop + kPlotHeight - 8)},
                                  {"width", "4"}, {"height", "8"}});
      b.element("title", figures);
    }
    if (!dots || i.latency.count() == 0) continue;
    auto circle = b.open("circle", {{"class", "point"}, {"cx", num(x)},
                                    {"cy", num(f.y(static_cast<double>(i.latency.quantile(0.99))))}, {"r", "2.5"}});
    b.element("title", figures);
  }
}

void thresholds_across(HtmlBuilder& b, const Frame& f, const std::vector<ChartThreshold>& thresholds) {
  for (const ChartThreshold& t : thresholds) {
    const double y = f.y(t.value_us);
    auto group = b.open("g", {{"class", "threshold"}});
    b.element("line", {{"x1", num(kLeft)}, {"x2", num(kWidth - kRight)}, {"y1", num(y)}, {"y2", num(y)}}, "");
    b.element("text", {{"x", num(kWidth - kRight - 4)}, {"y", num(y - 4)}, {"text-anchor", "end"}}, t.label);
  }
}

void legend(HtmlBuilder& b) {
  double x = kLeft;
  for (const auto& [css, label] : {std::pair{"legend legend-p50", "p50"}, {"legend legend-p99", "p99"}}) {
    auto group = b.open("g", {{"class", css}});
    b.element("line", {{"x1", num(x)}, {"x2", num(x + 18)}, {"y1", "12"}, {"y2", "12"}}, "");
    b.element("text", {{"x", num(x + 23)}, {"y", "16"}}, label);
    x += 64;
  }
}

}  // namespace

void percentiles_over_time_chart(HtmlBuilder& b, const LoadResult& load, const std::vector<ChartThreshold>& thresholds) {
  if (load.timeline.empty()) {
    b.element("p", {{"class", "muted"}}, "No timeline was recorded for this load phase.");
    return;
  }
  const Frame frame = make_frame(load, thresholds);
  auto svg = b.open("svg", {{"class", "chart timeline-chart"},
                            {"viewBox", fmt::format("0 0 {} {}", kWidth, kHeight)},
                            {"role", "img"},
                            {"aria-label", "Latency percentiles per interval over the load phase, log-scaled"}});
  axes(b, frame);
  thresholds_across(b, frame, thresholds);
  series(b, load, frame, 50);
  series(b, load, frame, 99);
  interval_marks(b, load, frame);
  legend(b);
}

void error_budget_bar(HtmlBuilder& b, const ErrorBudgetResult& budget) {
  const double consumed = std::isfinite(budget.consumed) ? std::max(0.0, budget.consumed) : 0.0;
  auto svg = b.open("svg", {{"class", "budget-bar"}, {"viewBox", "0 0 1000 16"}, {"preserveAspectRatio", "none"},
                            {"role", "img"}, {"aria-label", "Error budget consumed and remaining"}});
  if (consumed >= 1) {
    auto rect = b.open("rect", {{"class", "budget-over"}, {"x", "0"}, {"y", "0"}, {"width", "1000"}, {"height", "16"}});
    b.element("title", fmt::format("{} of the budget consumed: none remains", slo_percent(consumed)));
    return;
  }
  const double used = 1000 * consumed;
  {
    auto rect = b.open("rect", {{"class", "budget-consumed"}, {"x", "0"}, {"y", "0"}, {"width", num(used)}, {"height", "16"}});
    b.element("title", fmt::format("{} consumed", slo_percent(consumed)));
  }
  auto rect = b.open("rect", {{"class", "budget-remaining"}, {"x", num(used)}, {"y", "0"}, {"width", num(1000 - used)}, {"height", "16"}});
  b.element("title", fmt::format("{} remaining", slo_percent(1 - consumed)));
}

}  // namespace glassbox::reports::html
