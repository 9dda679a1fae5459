// The service levels in the HTML report. On the first screen, right under the verdict: one
// tile per SLO objective and error budget (verdict first), one per coverage total, the golden
// signals per target and what regressed against the baseline. Further down, the section with
// the detail: the SLO table, the load phase's charts (latency histogram with the SLO
// thresholds, percentiles over time), the error budget and the log checks.
#include <algorithm>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "reports/writers/html_sections.hpp"
#include "reports/writers/slo_format.hpp"

namespace glassbox::reports::html {
namespace {

std::string_view verdict_css(Verdict v) {
  switch (v) {
    case Verdict::Pass: return "pass";
    case Verdict::Warn: return "warn";
    case Verdict::Fail: return "fail";
    case Verdict::NotMeasured: return "none";
  }
  return "none";
}

void verdict_badge(HtmlBuilder& b, Verdict v) {
  b.element("span", {{"class", fmt::format("badge badge-slo-{}", verdict_css(v))}}, verdict_label(v));
}

std::string slo_title(const SloResult& s) { return s.slo.empty() ? s.objective : fmt::format("{} · {}", s.slo, s.objective); }
std::string slo_anchor(std::size_t i) { return fmt::format("slo-{}", i + 1); }
std::string budget_anchor(std::size_t i) { return fmt::format("budget-{}", i + 1); }

void tile(HtmlBuilder& b, const std::string& href, std::string_view tone, std::string_view verdict, const std::string& name,
          const std::string& value, const std::string& detail) {
  auto a = b.open("a", {{"class", fmt::format("slo-tile slo-tile-{}", tone)}, {"href", href}});
  b.element("span", {{"class", "slo-tile-verdict"}}, verdict);
  b.element("span", {{"class", "slo-tile-name"}}, name);
  b.element("span", {{"class", "slo-tile-value"}}, value);
  b.element("span", {{"class", "slo-tile-detail"}}, detail);
}

std::string verdict_counts(const RunResults& r) {
  int counts[4] = {0, 0, 0, 0};   // pass, warn, fail, not measured
  for (const SloResult& s : r.slos)
    ++counts[s.verdict == Verdict::Pass ? 0 : s.verdict == Verdict::Warn ? 1 : s.verdict == Verdict::Fail ? 2 : 3];
  std::vector<std::string> parts;
  if (counts[0]) parts.push_back(fmt::format("{} met", counts[0]));
  if (counts[1]) parts.push_back(fmt::format("{} close to the line", counts[1]));
  if (counts[2]) parts.push_back(fmt::format("{} failed", counts[2]));
  if (counts[3]) parts.push_back(fmt::format("{} not measured", counts[3]));
  return fmt::format("{}", fmt::join(parts, " · "));
}

void slo_tiles(HtmlBuilder& b, const RunResults& r) {
  if (r.slos.empty() && r.error_budgets.empty()) return;
  auto panel = b.open("div", {{"class", "panel overview-block"}});
  {
    auto h2 = b.open("h2");
    b.text("SLOs ");
    b.element("span", {{"class", "h2-note"}}, verdict_counts(r));
  }
  auto tiles = b.open("div", {{"class", "slo-tiles"}});
  for (std::size_t i = 0; i < r.slos.size(); ++i) {
    const SloResult& s = r.slos[i];
    tile(b, "#" + slo_anchor(i), verdict_css(s.verdict), verdict_label(s.verdict), slo_title(s), slo_value(s.measured, s.unit),
         fmt::format("objective {} · margin {}", slo_objective(s), slo_margin(s.margin, s.unit)));
  }
  for (std::size_t i = 0; i < r.error_budgets.size(); ++i) {
    const ErrorBudgetResult& e = r.error_budgets[i];
    tile(b, "#" + budget_anchor(i), verdict_css(e.verdict), verdict_label(e.verdict), "error budget",
         fmt::format("{} used", slo_percent(e.consumed)),
         fmt::format("availability {} over {} · burn {:.2f}x", slo_percent(e.availability), e.period, e.burn_rate));
  }
}

void coverage_tiles(HtmlBuilder& b, const RunResults& r) {
  if (r.coverage_totals.empty()) return;
  auto panel = b.open("div", {{"class", "panel overview-block"}});
  b.element("h2", "Coverage");
  auto tiles = b.open("div", {{"class", "slo-tiles"}});
  const bool judged = r.shard.empty();
  for (const CoverageTotal& t : r.coverage_totals) {
    const std::string_view tone = !t.goal || !judged ? "none" : t.passed() ? "pass" : "fail";
    const std::string_view word = !t.goal ? "REPORTED" : !judged ? "PARTIAL" : t.passed() ? "PASS" : "FAIL";
    tile(b, "#coverage", tone, word, fmt::format("{} · {}", t.service, t.kind), format_percent(t.covered, t.declared),
         t.goal ? fmt::format("{} of {} · goal {}%", t.covered, t.declared, *t.goal)
                : fmt::format("{} of {}", t.covered, t.declared));
  }
}

void golden_panel(HtmlBuilder& b, const RunResults& r) {
  if (r.golden_signals.empty()) return;
  auto panel = b.open("section", {{"id", "golden-signals"}, {"class", "panel"}});
  b.element("h2", "Golden signals");
  auto table = b.open("table", {{"class", "grid-table numeric"}});
  {
    auto thead = b.open("thead");
    auto tr = b.open("tr");
    for (std::string_view h : {"Target", "Traffic", "p50", "p95", "p99", "Errors", "Saturation"}) b.element("th", h);
  }
  auto tbody = b.open("tbody");
  for (const GoldenSignals& g : r.golden_signals) {
    auto tr = b.open("tr");
    {
      auto td = b.open("td", {{"class", "name"}});
      b.text(g.target);
      b.element("span", {{"class", "form"}}, fmt::format("{} · {} requests", g.source, g.requests));
    }
    b.element("td", fmt::format("{:.1f}/s", g.throughput));
    b.element("td", slo_ms(g.p50_ms));
    b.element("td", slo_ms(g.p95_ms));
    b.element("td", slo_ms(g.p99_ms));
    b.element("td", {{"class", g.error_rate > 0 ? "n-failed" : "n-zero"}}, slo_percent(g.error_rate));
    if (g.saturation)
      b.element("td", {{"title", g.saturation_source}}, fmt::format("{:g}", *g.saturation));
    else
      b.element("td", {{"class", "n-zero"}}, "–");
  }
}

void comparison_panel(HtmlBuilder& b, const RunResults& r) {
  if (!r.comparison) return;
  const Comparison& c = *r.comparison;
  const auto regressions = std::count_if(c.items.begin(), c.items.end(), [](const Regression& x) { return x.regressed; });
  auto panel = b.open("section", {{"id", "comparison"}, {"class", "panel"}});
  {
    auto h2 = b.open("h2");
    b.text("Compared with the baseline ");
    b.element("span", {{"class", regressions > 0 ? "count count-bad" : "count"}},
              regressions > 0 ? fmt::format("{} regressed", regressions) : std::string("nothing regressed"));
  }
  b.element("p", {{"class", "note"}},
            fmt::format("{}{}{}", c.baseline_file.empty() ? "baseline" : c.baseline_file,
                        c.baseline_environment.empty() ? "" : " · " + c.baseline_environment,
                        c.baseline_started_at.empty() ? "" : " · started " + c.baseline_started_at));
  auto table = b.open("table", {{"class", "grid-table comparison-table"}});
  {
    auto thead = b.open("thead");
    auto tr = b.open("tr");
    for (std::string_view h : {"", "Measure", "Baseline", "Now", "Change"}) b.element("th", h);
  }
  auto tbody = b.open("tbody");
  // Regressions first, then what held.
  for (bool regressed : {true, false})
    for (const Regression& x : c.items) {
      if (x.regressed != regressed) continue;
      auto tr = b.open("tr", {{"class", x.regressed ? "row-bad" : "row-good"}});
      {
        auto td = b.open("td");
        b.element("span", {{"class", x.regressed ? "badge badge-slo-fail" : "badge badge-slo-pass"}},
                  x.regressed ? "REGRESSED" : "HELD");
      }
      {
        auto td = b.open("td", {{"class", "name"}});
        b.text(x.subject);
        b.element("span", {{"class", "form"}}, x.kind);
      }
      b.element("td", {{"class", "mono"}}, x.baseline);
      b.element("td", {{"class", "mono"}}, x.current);
      b.element("td", x.allowed.empty() ? x.change : fmt::format("{} (allowed {})", x.change, x.allowed));
    }
}

void slo_table(HtmlBuilder& b, const RunResults& r) {
  if (r.slos.empty()) return;
  auto table = b.open("table", {{"class", "grid-table slo-table"}});
  {
    auto thead = b.open("thead");
    auto tr = b.open("tr");
    for (std::string_view h : {"Verdict", "SLO", "Measured", "Objective", "Margin", "Source", "Message"}) b.element("th", h);
  }
  auto tbody = b.open("tbody");
  for (std::size_t i = 0; i < r.slos.size(); ++i) {
    const SloResult& s = r.slos[i];
    auto tr = b.open("tr", {{"id", slo_anchor(i)}, {"class", fmt::format("slo-row slo-row-{}", verdict_css(s.verdict))}});
    {
      auto td = b.open("td");
      verdict_badge(b, s.verdict);
    }
    {
      auto td = b.open("td", {{"class", "name"}});
      b.text(slo_title(s));
      if (!s.suite.empty()) b.element("span", {{"class", "form"}}, s.suite);
    }
    b.element("td", {{"class", "num"}}, slo_value(s.measured, s.unit));
    b.element("td", {{"class", "num"}}, slo_objective(s));
    b.element("td", {{"class", "num"}}, slo_margin(s.margin, s.unit));
    {
      auto td = b.open("td");
      b.text(s.source);
      if (!s.scope.empty()) b.element("span", {{"class", "form"}}, s.scope);
      if (s.samples > 0) b.element("span", {{"class", "form"}}, fmt::format("{} samples", s.samples));
    }
    b.element("td", {{"class", "slo-message"}}, s.message);
  }
}

// The latency thresholds of the load's suite, one line each ("p99 SLO 200 ms").
std::vector<ChartThreshold> latency_thresholds(const RunResults& r, const LoadResult& l) {
  std::vector<ChartThreshold> out;
  std::set<std::pair<std::string, double>> seen;
  for (const SloResult& s : r.slos) {
    if (s.unit != "ms" || (!s.suite.empty() && !l.suite.empty() && s.suite != l.suite)) continue;
    const std::string percentile = s.objective.substr(0, s.objective.find(' '));
    if (!seen.emplace(percentile, s.threshold).second) continue;
    out.push_back({fmt::format("{} SLO {}", percentile, slo_ms(s.threshold)), s.threshold * 1000});
  }
  return out;
}

void stat(HtmlBuilder& b, std::string_view label, const std::string& value) {
  auto div = b.open("div", {{"class", "stat"}});
  b.element("span", {{"class", "stat-label"}}, label);
  b.element("span", {{"class", "stat-value"}}, value);
}

void counts_table(HtmlBuilder& b, std::string_view title, const std::vector<std::pair<std::string, std::uint64_t>>& rows) {
  if (rows.empty()) return;
  auto table = b.open("table", {{"class", "grid-table numeric counts-table"}});
  {
    auto thead = b.open("thead");
    auto tr = b.open("tr");
    b.element("th", title);
    b.element("th", "Count");
  }
  auto tbody = b.open("tbody");
  for (const auto& [name, n] : rows) {
    auto tr = b.open("tr");
    b.element("td", {{"class", "name"}}, name);
    b.element("td", fmt::format("{}", n));
  }
}

void load_details(HtmlBuilder& b, const LoadResult& l) {
  auto details = b.open("details", {{"class", "sub"}});
  b.element("summary", "Statuses, errors and requests");
  std::vector<std::pair<std::string, std::uint64_t>> statuses;
  for (const auto& [status, n] : l.statuses) statuses.emplace_back(status == 0 ? "no response" : std::to_string(status), n);
  counts_table(b, "Status", statuses);
  counts_table(b, "Error", {l.error_kinds.begin(), l.error_kinds.end()});
  if (l.requests_by_request.empty()) return;
  auto table = b.open("table", {{"class", "grid-table numeric"}});
  {
    auto thead = b.open("thead");
    auto tr = b.open("tr");
    for (std::string_view h : {"Request", "Requests", "Errors", "p50", "p99", "Max"}) b.element("th", h);
  }
  auto tbody = b.open("tbody");
  for (const auto& [key, n] : l.requests_by_request) {
    auto tr = b.open("tr");
    b.element("td", {{"class", "name"}}, key);
    b.element("td", fmt::format("{}", n));
    const auto errors = l.errors_by_request.find(key);
    b.element("td", fmt::format("{}", errors == l.errors_by_request.end() ? 0 : errors->second));
    const auto h = l.latency_by_request.find(key);
    for (double q : {0.50, 0.99}) b.element("td", h == l.latency_by_request.end() ? "–" : format_us(h->second.quantile(q)));
    b.element("td", h == l.latency_by_request.end() ? "–" : format_us(h->second.max()));
  }
}

void load_panel(HtmlBuilder& b, const RunResults& r, const LoadResult& l) {
  auto panel = b.open("div", {{"class", "panel load-panel"}});
  b.element("h3", l.suite.empty() ? std::string("Load") : fmt::format("Load · {}", l.suite));
  b.element("p", {{"class", "load-line"}}, load_summary(l));
  {
    auto stats = b.open("div", {{"class", "stats"}});
    stat(b, "sent", fmt::format("{}", l.sent));
    stat(b, "throughput", fmt::format("{:.1f}/s", l.throughput()));
    stat(b, "errors", slo_percent(l.error_rate()));
    stat(b, "p99", format_us(l.latency.quantile(0.99)));
    stat(b, "p99 service time", format_us(l.service_time.quantile(0.99)));
    if (l.model == "open") stat(b, "sent late", fmt::format("{}", l.late));
  }
  const std::vector<ChartThreshold> thresholds = latency_thresholds(r, l);
  {
    auto pair = b.open("div", {{"class", "chart-pair"}});
    {
      auto figure = b.open("figure", {{"class", "chart-figure"}});
      b.element("figcaption", "Latency from the intended send time");
      latency_chart(b, l.latency, {50, 95, 99}, thresholds);
    }
    {
      auto figure = b.open("figure", {{"class", "chart-figure"}});
      b.element("figcaption", "p50 and p99 over time");
      percentiles_over_time_chart(b, l, thresholds);
    }
  }
  load_details(b, l);
}

void budget_panel(HtmlBuilder& b, const ErrorBudgetResult& e, std::size_t index) {
  auto panel = b.open("div", {{"id", budget_anchor(index)}, {"class", "panel budget-panel"}});
  {
    auto h3 = b.open("h3");
    verdict_badge(b, e.verdict);
    b.text(fmt::format(" Error budget{} · availability {} over {}", e.suite.empty() ? "" : " · " + e.suite,
                       slo_percent(e.availability), e.period));
  }
  b.element("p", fmt::format("{} errors in {} requests ({}): burn rate {:.2f}x, {} of the budget ({}) consumed, {} remaining.",
                             e.errors, e.requests, slo_percent(e.error_rate), e.burn_rate, slo_percent(e.consumed),
                             slo_percent(e.budget), slo_percent(std::max(0.0, 1 - e.consumed))));
  error_budget_bar(b, e);
  if (!e.message.empty()) b.element("p", {{"class", "note"}}, e.message);
  if (e.windows.empty()) return;
  auto table = b.open("table", {{"class", "grid-table burn-table"}});
  {
    auto thead = b.open("thead");
    auto tr = b.open("tr");
    for (std::string_view h : {"Verdict", "Windows", "Fires above", "Long burn", "Short burn", "Why"}) b.element("th", h);
  }
  auto tbody = b.open("tbody");
  for (const BurnWindow& w : e.windows) {
    auto tr = b.open("tr");
    {
      auto td = b.open("td");
      verdict_badge(b, w.verdict);
    }
    b.element("td", {{"class", "name"}}, fmt::format("{} / {}", w.long_window, w.short_window));
    b.element("td", {{"class", "num"}}, fmt::format("{:g}x", w.factor));
    b.element("td", {{"class", "num"}}, burn_text(w.long_burn));
    b.element("td", {{"class", "num"}},
              w.short_source.empty() ? burn_text(w.short_burn) : fmt::format("{} ({})", burn_text(w.short_burn), w.short_source));
    b.element("td", w.message);
  }
}

void logs_panel(HtmlBuilder& b, const RunResults& r) {
  if (r.logs.empty()) return;
  auto panel = b.open("div", {{"id", "logs"}, {"class", "panel logs-panel"}});
  b.element("h3", "Log checks");
  for (const LogResult& l : r.logs) {
    auto block = b.open("div", {{"class", "log-check"}});
    {
      auto p = b.open("p", {{"class", "log-head"}});
      b.element("span", {{"class", l.passed() ? "badge badge-slo-pass" : "badge badge-slo-fail"}}, l.passed() ? "PASS" : "FAIL");
      b.text(" ");
      b.element("strong", l.name);
      b.text(" ");
      b.element("code", l.origin);
      b.element("span", {{"class", "muted"}},
                l.error.empty() ? fmt::format(" · {} lines, {} valid, {} invalid, {} tied to cases{}", l.lines, l.valid,
                                              l.invalid, l.correlated, l.required ? "" : " · not required")
                                : " · cannot be read: " + l.error);
    }
    if (l.findings.empty()) continue;
    auto list = b.open("ul", {{"class", "findings"}});
    for (const std::string& f : l.findings) b.element("li", {{"class", "mono"}}, f);
  }
}

}  // namespace

bool has_service_levels(const RunResults& r) {
  return !r.slos.empty() || !r.error_budgets.empty() || !r.load.empty() || !r.golden_signals.empty() ||
         r.comparison.has_value() || !r.logs.empty();
}

void service_level_overview(HtmlBuilder& b, const RunResults& r) {
  if (!has_service_levels(r)) return;
  auto section = b.open("section", {{"id", "overview"}, {"class", "overview"}});
  slo_tiles(b, r);
  coverage_tiles(b, r);
  if (r.golden_signals.empty() && !r.comparison) return;
  auto panels = b.open("div", {{"class", "overview-panels"}});
  golden_panel(b, r);
  comparison_panel(b, r);
}

void service_level_section(HtmlBuilder& b, const RunResults& r) {
  if (r.slos.empty() && r.error_budgets.empty() && r.load.empty() && r.logs.empty()) return;
  auto section = b.open("section", {{"id", "slos"}, {"class", "block"}});
  b.element("h2", "Service levels");
  slo_table(b, r);
  for (const LoadResult& l : r.load) load_panel(b, r, l);
  for (std::size_t i = 0; i < r.error_budgets.size(); ++i) budget_panel(b, r.error_budgets[i], i);
  logs_panel(b, r);
}

}  // namespace glassbox::reports::html
