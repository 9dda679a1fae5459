// A Markdown summary for pull requests, chat and job pages: verdict, totals, a table per
// technique, coverage, the service levels (load, SLOs, error budget, regressions, golden
// signals, logs), the failures with expected vs actual, and every case in one table.
//
// Every string from the results goes through md() — the one place Markdown escaping is
// decided — so a service's response cannot break a table, inject HTML or a link.
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "reports/model/atomic_file.hpp"
#include "reports/writers/slo_format.hpp"
#include "reports/writers/writer.hpp"

namespace glassbox::reports {

namespace {

// Escapes text for a Markdown paragraph, list item or table cell: Markdown punctuation
// gets a backslash, HTML's specials become entities, newlines become <br> (a cell is one
// line) and other control characters the visible \xNN.
std::string md(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '~':
        out += '\\';
        out += c;
        break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\n': out += "<br>"; break;
      case '\r':
        if (i + 1 >= s.size() || s[i + 1] != '\n') out += "<br>";
        break;
      case '\t': out += ' '; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
          out += fmt::format("\\\\x{:02X}", static_cast<unsigned char>(c));
        else
          out += c;
    }
  }
  return out;
}

std::string json_text(const Value& v) { return v.dump(-1, ' ', false, Value::error_handler_t::replace); }

std::string row(const std::vector<std::string>& cells) { return fmt::format("| {} |\n", fmt::join(cells, " | ")); }

void write_header(std::string& out, const RunResults& r) {
  const Totals t = r.totals();
  out += "# glassbox report\n\n";
  if (is_load_only(r))
    out += fmt::format("**{}**: {} (no cases, load only).\n", r.passed() ? "PASSED" : "FAILED", slo_outcome_line(r));
  else
    out += fmt::format("**{}**: {} of {} cases passed ({} failed, {} {}, {} skipped).\n",
                       r.passed() ? "PASSED" : "FAILED", t.passed, t.cases, t.failed, t.errors,
                       t.errors == 1 ? "error" : "errors", t.skipped);
  if (r.interrupted) out += "\nThe run was interrupted: cases that did not run are counted as skipped.\n";
  out += "\n| run | |\n| --- | --- |\n";
  std::vector<std::string> suites;
  for (const std::string& s : r.suites) suites.push_back(md(s));
  out += row({"suites", fmt::format("{}", fmt::join(suites, ", "))});
  if (!r.environment.empty()) out += row({"environment", md(r.environment)});
  out += row({"seed", std::to_string(r.seed)});
  out += row({"started", md(r.started_at)});
  out += row({"duration", fmt::format("{:.3f} s", r.duration_ms / 1000.0)});
  if (!r.shard.empty()) out += row({"shard", md(r.shard)});
  if (is_load_only(r)) return;   // an all-zero table would read as if nothing happened
  out += "\n## Totals\n\n| cases | passed | failed | errors | skipped |\n| ---: | ---: | ---: | ---: | ---: |\n";
  out += row({std::to_string(t.cases), std::to_string(t.passed), std::to_string(t.failed), std::to_string(t.errors),
              std::to_string(t.skipped)});
}

void write_techniques(std::string& out, const RunResults& r) {
  std::vector<std::pair<std::string, std::string>> order;
  std::map<std::pair<std::string, std::string>, Totals> by;
  for (const CaseResult& c : r.cases) {
    const auto key = std::make_pair(c.suite, c.technique);
    if (!by.count(key)) order.push_back(key);
    Totals& t = by[key];
    ++t.cases;
    t.passed += c.outcome == Outcome::Passed;
    t.failed += c.outcome == Outcome::Failed;
    t.errors += c.outcome == Outcome::Error;
    t.skipped += c.outcome == Outcome::Skipped;
  }
  out += "\n## By technique\n\n| suite | technique | cases | passed | failed | errors | skipped |\n";
  out += "| --- | --- | ---: | ---: | ---: | ---: | ---: |\n";
  for (const auto& key : order) {
    const Totals& t = by[key];
    out += row({md(key.first), md(key.second), std::to_string(t.cases), std::to_string(t.passed),
                std::to_string(t.failed), std::to_string(t.errors), std::to_string(t.skipped)});
  }
}

// One row per coverage total; the declared items no case reached are listed in the row,
// so a missed goal says what to test next.
void write_coverage(std::string& out, const RunResults& r) {
  if (r.coverage_totals.empty()) return;
  out += "\n## Coverage\n\n| suite | service | kind | covered | declared | percent | goal | result | not covered |\n";
  out += "| --- | --- | --- | ---: | ---: | ---: | ---: | --- | --- |\n";
  for (const CoverageTotal& t : r.coverage_totals) {
    std::vector<std::string> missing;
    for (const CoverageItem& item : r.coverage)
      if (item.declared && item.cases.empty() && item.suite == t.suite && item.service == t.service &&
          item.kind == t.kind)
        missing.push_back(md(item.item));
    out += row({md(t.suite), md(t.service), md(t.kind), std::to_string(t.covered), std::to_string(t.declared),
                fmt::format("{:.1f}%", t.percent()), t.goal ? fmt::format("{}%", *t.goal) : "-",
                !t.goal ? "-" : t.passed() ? "ok" : "FAILED", missing.empty() ? "-" : fmt::format("{}", fmt::join(missing, ", "))});
  }
}

// The service levels: load, SLO verdicts, error budgets, the comparison with a baseline,
// golden signals and log checks; nothing when the run has none of them.
void write_load(std::string& out, const RunResults& r) {
  for (const LoadResult& l : r.load)
    out += fmt::format("\n**Load{}**: {}\n", r.load.size() > 1 ? " " + md(l.suite) : "", md(load_summary(l)));
}

void write_slos(std::string& out, const RunResults& r) {
  if (r.slos.empty()) return;
  out += "\n## SLOs\n\n| verdict | SLO | objective | measured | margin | source | message |\n";
  out += "| --- | --- | --- | ---: | ---: | --- | --- |\n";
  for (const SloResult& s : r.slos)
    out += row({std::string(verdict_label(s.verdict)), md(s.slo.empty() ? s.objective : s.slo + ": " + s.objective),
                md(slo_objective(s)), md(slo_value(s.measured, s.unit)), md(slo_margin(s.margin, s.unit)), md(s.source),
                s.message.empty() ? "-" : md(s.message)});
}

void write_budgets(std::string& out, const RunResults& r) {
  for (const ErrorBudgetResult& b : r.error_budgets) {
    out += fmt::format("\n**Error budget{}**: {} ({} over {}): {} errors in {} requests ({}), burn rate {:.2f}x, {} of "
                       "the budget consumed.{}\n",
                       r.error_budgets.size() > 1 ? " " + md(b.suite) : "", verdict_label(b.verdict),
                       md(slo_percent(b.availability)), md(b.period.empty() ? "the period" : b.period), b.errors,
                       b.requests, md(slo_percent(b.error_rate)), b.burn_rate, md(slo_percent(b.consumed)),
                       b.message.empty() ? "" : " " + md(b.message));
    if (b.windows.empty()) continue;
    out += "\n| burn window | fires above | long | short | verdict |\n| --- | ---: | ---: | ---: | --- |\n";
    for (const BurnWindow& w : b.windows)
      out += row({md(w.long_window + " / " + w.short_window), fmt::format("{:g}x", w.factor), md(burn_text(w.long_burn)),
                  md(burn_text(w.short_burn) + (w.short_source.empty() ? "" : " (" + w.short_source + ")")),
                  std::string(verdict_label(w.verdict))});
  }
}

void write_comparison(std::string& out, const RunResults& r) {
  if (!r.comparison) return;
  const Comparison& c = *r.comparison;
  out += fmt::format("\n## Compared with {}{}\n\n", md(c.baseline_file.empty() ? "the baseline" : c.baseline_file),
                     c.baseline_environment.empty() ? "" : " (" + md(c.baseline_environment) + ")");
  if (!c.regressed()) out += "Nothing regressed.\n\n";
  for (const Regression& x : c.items) {
    if (!x.regressed) continue;
    out += fmt::format("- REGRESSED {}: {} -> {}", md(x.subject), md(x.baseline), md(x.current));
    if (!x.change.empty()) out += x.allowed.empty() ? fmt::format(" ({})", md(x.change))
                                                    : fmt::format(" ({}, allowed {})", md(x.change), md(x.allowed));
    out += "\n";
  }
  for (const Regression& x : c.items)
    if (!x.regressed) out += fmt::format("- held {}: {} -> {}\n", md(x.subject), md(x.baseline), md(x.current));
}

void write_golden_signals(std::string& out, const RunResults& r) {
  if (r.golden_signals.empty()) return;
  out += "\n## Golden signals\n\n| target | source | requests | throughput | p50 | p95 | p99 | max | errors | saturation |\n";
  out += "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
  for (const GoldenSignals& g : r.golden_signals)
    out += row({md(g.target), md(g.source), std::to_string(g.requests), fmt::format("{:.1f}/s", g.throughput),
                md(slo_ms(g.p50_ms)), md(slo_ms(g.p95_ms)), md(slo_ms(g.p99_ms)), md(slo_ms(g.max_ms)),
                md(slo_percent(g.error_rate)), g.saturation ? fmt::format("{:g}", *g.saturation) : "-"});
}

void write_logs(std::string& out, const RunResults& r) {
  if (r.logs.empty()) return;
  out += "\n## Logs\n\n| log | origin | lines | valid | invalid | tied to cases | result | findings |\n";
  out += "| --- | --- | ---: | ---: | ---: | ---: | --- | --- |\n";
  for (const LogResult& l : r.logs) {
    std::vector<std::string> findings;
    if (!l.error.empty()) findings.push_back(md("cannot be read: " + l.error));
    for (std::size_t i = 0; i < l.findings.size() && i < 5; ++i) findings.push_back(md(l.findings[i]));
    if (l.findings.size() > 5) findings.push_back(fmt::format("{} more", l.findings.size() - 5));
    out += row({md(l.name), md(l.origin), std::to_string(l.lines), std::to_string(l.valid), std::to_string(l.invalid),
                std::to_string(l.correlated), l.passed() ? (l.required ? "ok" : "ok (not required)") : "FAILED",
                findings.empty() ? "-" : fmt::format("{}", fmt::join(findings, "<br>"))});
  }
}

void write_service_levels(std::string& out, const RunResults& r) {
  write_load(out, r);
  write_slos(out, r);
  write_budgets(out, r);
  write_comparison(out, r);
  write_golden_signals(out, r);
  write_logs(out, r);
}

void write_failures(std::string& out, const RunResults& r) {
  bool any = false;
  for (const CaseResult& c : r.cases) {
    if (c.outcome != Outcome::Failed && c.outcome != Outcome::Error) continue;
    if (!any) out += "\n## Failures\n";
    any = true;
    out += fmt::format("\n### {}\n\n", md(c.id));
    out += fmt::format("- outcome: {}\n", to_string(c.outcome));
    out += fmt::format("- expected outcome: {}\n", md(c.expected_outcome));
    out += fmt::format("- inputs: {}\n", md(json_text(c.inputs)));
    if (!c.exchange.method.empty())
      out += fmt::format("- request: {} {}\n", md(c.exchange.method), md(c.exchange.url));
    out += fmt::format("- trace id: {}\n", md(c.trace_id));
    if (c.outcome == Outcome::Error) out += fmt::format("- error: {}\n", md(c.message));
    for (const Check& k : c.checks)
      if (!k.passed) out += fmt::format("- {}: expected {}, got {}\n", md(k.name), md(k.expected), md(k.actual));
  }
}

void write_cases(std::string& out, const RunResults& r) {
  out += "\n## Cases\n\n| case | outcome | status | latency |\n| --- | --- | ---: | ---: |\n";
  for (const CaseResult& c : r.cases) {
    const bool answered = c.exchange.status != 0;
    out += row({md(c.id), std::string(to_string(c.outcome)), answered ? std::to_string(c.exchange.status) : "-",
                c.exchange.method.empty() ? "-" : fmt::format("{:.1f} ms", c.exchange.latency_ms)});
  }
}

std::string render_markdown(const RunResults& r) {
  std::string out;
  write_header(out, r);
  // Empty case tables in a load-only run would only say "nothing happened" again.
  if (!is_load_only(r)) write_techniques(out, r);
  write_coverage(out, r);
  write_service_levels(out, r);
  write_failures(out, r);
  if (!is_load_only(r)) write_cases(out, r);
  return out;
}

class MarkdownWriter final : public ReportWriter {
 public:
  std::string_view name() const override { return "markdown"; }
  std::string_view summary() const override { return "a Markdown summary (verdict, totals, failures, cases)"; }
  Status write(const RunResults& results, const std::filesystem::path& destination) const override {
    return write_file_atomically(destination, render_markdown(results));
  }
};

}  // namespace

const ReportWriter& markdown_writer() {
  static const MarkdownWriter writer;
  return writer;
}

}  // namespace glassbox::reports
