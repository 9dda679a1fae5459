// The first screen of the HTML report: does it work? The verdict banner with totals and
// run facts, the latency summary and histogram, and the per-technique table.
#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "reports/verdicts/technique_items.hpp"
#include "reports/writers/html_sections.hpp"
#include "reports/writers/slo_format.hpp"

namespace glassbox::reports::html {
namespace {

void count(Totals& t, Outcome o) {
  ++t.cases;
  switch (o) {
    case Outcome::Passed: ++t.passed; break;
    case Outcome::Failed: ++t.failed; break;
    case Outcome::Error: ++t.errors; break;
    case Outcome::Skipped: ++t.skipped; break;
  }
}

std::string plural(int n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// A load-only run is judged by its SLOs, so they are the headline, not the absent cases.
std::string load_only_headline(const RunResults& r) {
  const std::string text = slo_outcome_line(r);
  return r.interrupted ? "Stopped early: " + text : text;
}

std::string headline(const RunResults& r, const Totals& t) {
  if (is_load_only(r)) return load_only_headline(r);
  if (t.cases == 0) return "No cases ran";
  std::vector<std::string> bad;
  if (t.failed > 0) bad.push_back(fmt::format("{} failed", t.failed));
  if (t.errors > 0) bad.push_back(plural(t.errors, "error", "errors"));
  const std::string problems = fmt::format("{}", fmt::join(bad, ", "));
  if (r.interrupted)
    return fmt::format("Stopped early: {} of {} did not run{}", t.skipped, plural(t.cases, "case", "cases"),
                       bad.empty() ? "" : "; " + problems);
  if (!bad.empty()) return fmt::format("{} of {}", problems, plural(t.cases, "case", "cases"));
  if (t.skipped > 0) return fmt::format("All {} run passed, {} skipped", plural(t.passed, "case", "cases"), t.skipped);
  return t.cases == 1 ? "The case passed" : fmt::format("All {} cases passed", t.cases);
}

void tile(HtmlBuilder& b, std::string_view value, std::string_view label, std::string_view tone) {
  auto div = b.open("div", {{"class", fmt::format("tile tile-{}", tone)}});
  b.element("span", {{"class", "tile-value"}}, value);
  b.element("span", {{"class", "tile-label"}}, label);
}

void fact(HtmlBuilder& b, std::string_view term, std::string_view value) {
  auto div = b.open("div");
  b.element("dt", term);
  b.element("dd", value);
}

void run_facts(HtmlBuilder& b, const RunResults& r) {
  auto dl = b.open("dl", {{"class", "facts"}});
  fact(b, r.suites.size() == 1 ? "Suite" : "Suites", r.suites.empty() ? "–" : fmt::format("{}", fmt::join(r.suites, ", ")));
  fact(b, "Environment", r.environment.empty() ? "default" : r.environment);
  fact(b, "Seed", fmt::format("{}", r.seed));
  fact(b, "Started", r.started_at.empty() ? "–" : r.started_at);
  if (!r.shard.empty()) fact(b, "Shard", r.shard);
  if (!r.suite_files.empty()) fact(b, "Files", fmt::format("{}", fmt::join(r.suite_files, ", ")));
  fact(b, "glassbox", r.tool_version.empty() ? "–" : r.tool_version);
}

void stat(HtmlBuilder& b, std::string_view label, std::string_view value) {
  auto div = b.open("div", {{"class", "stat"}});
  b.element("span", {{"class", "stat-label"}}, label);
  b.element("span", {{"class", "stat-value"}}, value);
}

void request_latency_table(HtmlBuilder& b, const RunResults& r) {
  if (r.latency_by_request.size() < 2) return;  // one request: the figures above are its figures
  auto details = b.open("details", {{"class", "sub"}});
  b.element("summary", fmt::format("Latency by request ({})", r.latency_by_request.size()));
  auto table = b.open("table", {{"class", "grid-table numeric"}});
  {
    auto thead = b.open("thead");
    auto tr = b.open("tr");
    for (std::string_view h : {"Request", "Requests", "p50", "p90", "p99", "Max"}) b.element("th", h);
  }
  auto tbody = b.open("tbody");
  for (const auto& [name, h] : r.latency_by_request) {
    auto tr = b.open("tr");
    b.element("td", {{"class", "name"}}, name);
    b.element("td", fmt::format("{}", h.count()));
    for (double q : {0.50, 0.90, 0.99}) b.element("td", format_us(h.quantile(q)));
    b.element("td", format_us(h.max()));
  }
}

}  // namespace

void verdict_banner(HtmlBuilder& b, const RunResults& r) {
  const Totals t = r.totals();
  auto section = b.open("section", {{"id", "summary"}, {"class", fmt::format("verdict verdict-{}", verdict_class(r))}});
  {
    auto main = b.open("div", {{"class", "verdict-main"}});
    b.element("div", {{"class", "verdict-word"}}, verdict_word(r));
    b.element("div", {{"class", "verdict-headline"}}, headline(r, t));
  }
  if (is_load_only(r)) {
    const auto failed = static_cast<int>(
        std::count_if(r.slos.begin(), r.slos.end(), [](const SloResult& s) { return s.verdict == Verdict::Fail; }));
    const auto slos = static_cast<int>(r.slos.size());
    std::uint64_t sent = 0, errors = 0;
    for (const LoadResult& l : r.load) sent += l.sent, errors += l.errors;
    auto tiles = b.open("div", {{"class", "tiles"}});
    tile(b, fmt::format("{}", slos), slos == 1 ? "SLO" : "SLOs", "cases");
    tile(b, fmt::format("{}", slos - failed), "met", slos - failed > 0 ? "passed" : "zero");
    tile(b, fmt::format("{}", failed), "failed", failed > 0 ? "failed" : "zero");
    tile(b, fmt::format("{}", sent), "load requests", "cases");
    tile(b, fmt::format("{}", errors), errors == 1 ? "error" : "errors", errors > 0 ? "error" : "zero");
    tile(b, format_ms(r.duration_ms), "duration", "duration");
  } else {
    auto tiles = b.open("div", {{"class", "tiles"}});
    tile(b, format_percent(t.passed, t.cases - t.skipped), "pass rate", "rate");
    tile(b, fmt::format("{}", t.cases), "cases", "cases");
    tile(b, fmt::format("{}", t.passed), "passed", t.passed > 0 ? "passed" : "zero");
    tile(b, fmt::format("{}", t.failed), "failed", t.failed > 0 ? "failed" : "zero");
    tile(b, fmt::format("{}", t.errors), t.errors == 1 ? "error" : "errors", t.errors > 0 ? "error" : "zero");
    tile(b, fmt::format("{}", t.skipped), "skipped", t.skipped > 0 ? "skipped" : "zero");
    tile(b, format_ms(r.duration_ms), "duration", "duration");
  }
  if (!is_load_only(r)) outcome_bar(b, t);
  run_facts(b, r);
}

void latency_panel(HtmlBuilder& b, const RunResults& r) {
  auto section = b.open("section", {{"id", "latency"}, {"class", "panel"}});
  const Histogram& h = r.latency;
  {
    auto h2 = b.open("h2");
    b.text("Latency ");
    b.element("span", {{"class", "h2-note"}}, fmt::format("{} request{}", h.count(), h.count() == 1 ? "" : "s"));
  }
  {
    auto stats = b.open("div", {{"class", "stats"}});
    stat(b, "p50", format_us(h.quantile(0.50)));
    stat(b, "p90", format_us(h.quantile(0.90)));
    stat(b, "p99", format_us(h.quantile(0.99)));
    stat(b, "max", format_us(h.max()));
    stat(b, "mean", format_ms(h.mean() / 1000.0));
  }
  latency_chart(b, h);
  if (h.count() > 0)
    b.element("p", {{"class", "note"}},
              "Final attempt of every request. Time axis is logarithmic; bars past p90 and p99 are shaded. "
              "Hover a bar for its range and count.");
  request_latency_table(b, r);
}

void load_latency_panel(HtmlBuilder& b, const RunResults& r) {
  for (const LoadResult& l : r.load) {
    auto section = b.open("section", {{"class", "panel load-latency"}});
    {
      auto h2 = b.open("h2");
      b.text("Load latency ");
      b.element("span", {{"class", "h2-note"}},
                fmt::format("{} · {} request{}", l.suite, l.latency.count(), l.latency.count() == 1 ? "" : "s"));
    }
    {
      auto stats = b.open("div", {{"class", "stats"}});
      stat(b, "p50", format_us(l.latency.quantile(0.50)));
      stat(b, "p90", format_us(l.latency.quantile(0.90)));
      stat(b, "p99", format_us(l.latency.quantile(0.99)));
      stat(b, "max", format_us(l.latency.max()));
    }
    latency_chart(b, l.latency);
    b.element("p", {{"class", "note"}},
              fmt::format("{}. Measured from each request's intended send time, so stalls are not hidden.", l.profile));
  }
}

void technique_panel(HtmlBuilder& b, const RunResults& r, const PageLayout& layout) {
  // Techniques in the order the run met them, which follows the suite.
  std::vector<std::pair<std::string, Totals>> rows;
  for (const CaseResult& c : r.cases) {
    const std::string key = c.form.empty() ? c.technique : fmt::format("{}\x1f{}", c.technique, c.form);
    auto it = std::find_if(rows.begin(), rows.end(), [&](const auto& row) { return row.first == key; });
    if (it == rows.end()) it = rows.insert(rows.end(), {key, Totals{}});
    count(it->second, c.outcome);
  }
  auto section = b.open("section", {{"id", "techniques"}, {"class", "panel"}});
  b.element("h2", "Techniques");
  if (rows.empty()) {
    b.element("p", {{"class", "muted"}}, "No cases.");
    return;
  }
  auto table = b.open("table", {{"class", "grid-table numeric"}});
  {
    auto thead = b.open("thead");
    auto tr = b.open("tr");
    for (std::string_view h : {"Technique", "Cases", "Pass", "Fail", "Error", "Skip"}) b.element("th", h);
    b.element("th", {{"class", "bar-cell"}}, "");
  }
  const std::vector<TechniqueItems> items = technique_items(r);
  auto tbody = b.open("tbody");
  for (const auto& [key, t] : rows) {
    const auto separator = key.find('\x1f');
    const bool bad = t.failed + t.errors > 0;
    auto tr = b.open("tr", {{"class", bad ? "row-bad" : "row-good"}});
    {
      auto td = b.open("td", {{"class", "name"}});
      const std::string technique = key.substr(0, separator);
      b.element("a", {{"href", layout.technique_href(technique)}}, technique.empty() ? "–" : technique);
      if (separator != std::string::npos) b.element("span", {{"class", "form"}}, key.substr(separator + 1));
      // The technique's own items (rules, transitions, ...): how many held of those exercised.
      const std::string summary = items_summary(items, key.substr(0, separator),
                                                separator == std::string::npos ? "" : key.substr(separator + 1));
      if (!summary.empty())
        b.element("span", {{"class", "items"}, {"title", "the technique's items whose cases all passed / exercised"}},
                  summary + " held");
    }
    b.element("td", fmt::format("{}", t.cases));
    b.element("td", {{"class", t.passed ? "n-passed" : "n-zero"}}, fmt::format("{}", t.passed));
    b.element("td", {{"class", t.failed ? "n-failed" : "n-zero"}}, fmt::format("{}", t.failed));
    b.element("td", {{"class", t.errors ? "n-error" : "n-zero"}}, fmt::format("{}", t.errors));
    b.element("td", {{"class", t.skipped ? "n-skipped" : "n-zero"}}, fmt::format("{}", t.skipped));
    auto bar = b.open("td", {{"class", "bar-cell"}});
    outcome_bar(b, t);
  }
}

}  // namespace glassbox::reports::html
