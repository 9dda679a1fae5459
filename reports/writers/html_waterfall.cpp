// A case's trace as an SVG waterfall: one row per span, indented by depth, the bar placed
// by start and duration on the trace's own time axis. SVG attributes carry geometry and
// CSS classes carry colour, so it reads under Jenkins' CSP (no inline style).
#include <algorithm>

#include <fmt/format.h>

#include "reports/writers/html_sections.hpp"

namespace glassbox::reports::html {

namespace {

constexpr double kWidth = 900;
constexpr double kLabelWidth = 300;
constexpr double kRowHeight = 22;
constexpr double kIndent = 14;
constexpr double kRight = 70;   // room for the duration text after a bar at the far end

std::string num(double v) { return fmt::format("{:.1f}", v); }

std::string bar_class(const TraceSpan& s) {
  if (s.status == "error") return "span-bar span-error";
  if (s.place == "orphan") return "span-bar span-orphan";
  return s.kind == "server" ? "span-bar span-server" : "span-bar";
}

// The hover text: what the span is, where it sits, and its attributes.
std::string tooltip(const TraceSpan& s) {
  std::string text = fmt::format("{} ({}, {})\nservice: {}\nstart {} · duration {}", s.name, s.kind, s.status,
                                 s.service.empty() ? "(unknown)" : s.service, format_ms(s.start_ms),
                                 format_ms(s.duration_ms));
  if (!s.status_message.empty()) text += "\nstatus: " + s.status_message;
  if (s.place == "orphan") text += "\nparent span " + s.parent_span_id + " never arrived";
  for (const auto& [key, value] : s.attributes.items())
    text += "\n" + key + " = " + (value.is_string() ? value.get<std::string>() : value.dump(-1, ' ', false, Value::error_handler_t::replace));
  return text;
}

}  // namespace

void waterfall(HtmlBuilder& b, const CaseResult& c) {
  if (c.spans.empty()) return;
  b.element("h4", fmt::format("Trace ({} spans)", c.spans.size()));
  double end = 0;
  for (const TraceSpan& s : c.spans) end = std::max(end, s.start_ms + s.duration_ms);
  if (end <= 0) end = 1;
  const double plot = kWidth - kLabelWidth - kRight;
  const double height = kRowHeight * static_cast<double>(c.spans.size()) + 4;
  auto svg = b.open("svg", {{"class", "waterfall"},
                            {"viewBox", fmt::format("0 0 {} {}", kWidth, num(height))},
                            {"role", "img"},
                            {"aria-label", fmt::format("Span waterfall of trace {}", c.trace_id)}});
  for (std::size_t i = 0; i < c.spans.size(); ++i) {
    const TraceSpan& s = c.spans[i];
    const double y = kRowHeight * static_cast<double>(i);
    auto row = b.open("g", {{"class", i % 2 ? "span-row" : "span-row span-row-alt"}});
    b.element("title", tooltip(s));
    b.element("rect", {{"class", "span-band"}, {"x", "0"}, {"y", num(y)}, {"width", num(kWidth)}, {"height", num(kRowHeight)}}, "");
    std::string label = s.name + (s.place == "orphan" ? "  (orphan)" : "");
    b.element("text", {{"class", "span-label"}, {"x", num(4 + kIndent * std::min(s.depth, 12))}, {"y", num(y + 15)}}, label);
    const double x = kLabelWidth + plot * s.start_ms / end;
    const double width = std::max(2.0, plot * s.duration_ms / end);
    b.element("rect", {{"class", bar_class(s)}, {"x", num(x)}, {"y", num(y + 5)}, {"width", num(width)}, {"height", "12"}, {"rx", "2"}}, "");
    b.element("text", {{"class", "span-duration"}, {"x", num(x + width + 4)}, {"y", num(y + 15)}}, format_ms(s.duration_ms));
  }
}

void telemetry_line(HtmlBuilder& b, const RunResults& r) {
  const Telemetry& t = r.telemetry;
  if (!t.collected) return;
  auto p = b.open("p", {{"class", t.unmatched || t.orphans ? "telemetry telemetry-warn" : "telemetry"}});
  std::string text = fmt::format("Spans: {} received, {} matched to cases, {} of no case", t.received, t.matched,
                                 t.unmatched);
  if (t.duplicates) text += fmt::format(", {} duplicates", t.duplicates);
  if (t.orphans) text += fmt::format(", {} orphans (parent never arrived)", t.orphans);
  if (!t.unmatched_by_service.empty()) {
    std::string by;
    for (const auto& [service, n] : t.unmatched_by_service) by += (by.empty() ? "" : ", ") + fmt::format("{} {}", service, n);
    text += " (" + by + ")";
  }
  b.text(text + " · " + t.source);
}

}  // namespace glassbox::reports::html
