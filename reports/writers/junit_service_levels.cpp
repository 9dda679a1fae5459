// The service levels in JUnit, so a pipeline's test view shows a broken SLO next to the
// failed cases: <testsuite name="slos"> with one testcase per objective, per error budget
// and per burn window; <testsuite name="regressions"> with one per compared measure;
// <testsuite name="logs"> with one per checked log.
//
// Verdicts map as Jenkins can show them: Fail is a <failure>; Warn passes and says why in
// <system-out>; NotMeasured is <skipped> with the reason (it does not fail the run).
#include <fmt/format.h>

#include "reports/writers/junit_parts.hpp"
#include "reports/writers/slo_format.hpp"

namespace glassbox::reports::junit {
namespace {

bool has_slos(const RunResults& r) { return !r.slos.empty() || !r.error_budgets.empty(); }
bool has_regressions(const RunResults& r) { return r.comparison && !r.comparison->items.empty(); }

std::string classname(const std::string& suite, std::string_view group) {
  return suite.empty() ? std::string(group) : fmt::format("{}.{}", suite, group);
}

std::string slo_details(const SloResult& s) {
  return fmt::format("measured: {}\nobjective: {} {}\nmargin: {}\nsource: {}\nscope: {}\nsamples: {}\n", slo_value(s.measured, s.unit),
                     s.objective, slo_objective(s), slo_margin(s.margin, s.unit), s.source, s.scope, s.samples);
}

std::string slo_name(const SloResult& s) {
  const std::string objective = fmt::format("{} {}", s.objective, slo_objective(s));
  return s.slo.empty() ? objective : fmt::format("{}: {}", s.slo, objective);
}

std::string default_message(const SloResult& s) {
  return fmt::format("{} {} (objective {})", s.objective, slo_value(s.measured, s.unit), slo_objective(s));
}

// One testcase for a verdict: failure, skipped or passed, then what was measured.
void verdict_testcase(XmlWriter& xml, const std::string& name, const std::string& cls, Verdict verdict,
                      const std::string& message, std::string_view type, const std::string& details) {
  auto testcase = xml.element("testcase");
  testcase.attribute("name", name).attribute("classname", cls).attribute("time", seconds(0));
  if (verdict == Verdict::NotMeasured) xml.element("skipped").text(message.empty() ? "not measured" : message);
  if (verdict == Verdict::Fail) xml.element("failure").attribute("message", message).attribute("type", type).text(details);
  std::string out = details;
  if (verdict == Verdict::Warn) out = fmt::format("WARN: {}\n{}", message, details);
  else if (verdict == Verdict::Pass && !message.empty()) out = fmt::format("{}\n{}", message, details);
  if (verdict != Verdict::Fail) xml.element("system-out").text(out);
}

std::string budget_name(const ErrorBudgetResult& b) {
  return fmt::format("error budget: availability {} over {}", slo_percent(b.availability), b.period.empty() ? "the period" : b.period);
}

std::string budget_details(const ErrorBudgetResult& b) {
  return fmt::format("requests: {}\nerrors: {}\nerror rate: {}\nbudget: {}\nburn rate: {:.2f}x\nconsumed: {}\n", b.requests,
                     b.errors, slo_percent(b.error_rate), slo_percent(b.budget), b.burn_rate, slo_percent(b.consumed));
}

std::string window_details(const BurnWindow& w) {
  return fmt::format("long window {}: {}\nshort window {}: {}{}\nfires above: {:g}x\n", w.long_window, burn_text(w.long_burn),
                     w.short_window, burn_text(w.short_burn), w.short_source.empty() ? "" : " (" + w.short_source + ")",
                     w.factor);
}

void open_suite_attributes(XmlWriter::Element& suite, const RunResults& r, std::string_view name, const Counts& c) {
  suite.attribute("name", name)
      .attribute("tests", c.tests)
      .attribute("failures", c.failures)
      .attribute("errors", 0)
      .attribute("skipped", c.skipped)
      .attribute("time", seconds(0));
  if (const std::string ts = junit_timestamp(r.started_at); !ts.empty()) suite.attribute("timestamp", ts);
  if (!r.hostname.empty()) suite.attribute("hostname", r.hostname);
}

void add(Counts& c, Verdict v) {
  ++c.tests;
  c.failures += v == Verdict::Fail;
  c.skipped += v == Verdict::NotMeasured;
}

Counts slo_counts(const RunResults& r) {
  Counts c;
  for (const SloResult& s : r.slos) add(c, s.verdict);
  for (const ErrorBudgetResult& b : r.error_budgets) {
    add(c, b.verdict);
    for (const BurnWindow& w : b.windows) add(c, w.verdict);
  }
  return c;
}

Counts regression_counts(const RunResults& r) {
  Counts c;
  if (!r.comparison) return c;
  for (const Regression& x : r.comparison->items) add(c, x.regressed ? Verdict::Fail : Verdict::Pass);
  return c;
}

Counts log_counts(const RunResults& r) {
  Counts c;
  for (const LogResult& l : r.logs) add(c, l.passed() ? Verdict::Pass : Verdict::Fail);
  return c;
}

void write_slos(XmlWriter& xml, const RunResults& r) {
  auto suite = xml.element("testsuite");
  open_suite_attributes(suite, r, "slos", slo_counts(r));
  write_properties(xml, r);
  for (const SloResult& s : r.slos)
    verdict_testcase(xml, slo_name(s), classname(s.suite, "slos"), s.verdict, s.message.empty() ? default_message(s) : s.message,
                     "slo", slo_details(s));
  for (const ErrorBudgetResult& b : r.error_budgets) {
    const std::string cls = classname(b.suite, "error_budget");
    verdict_testcase(xml, budget_name(b), cls, b.verdict, b.message, "error_budget", budget_details(b));
    for (const BurnWindow& w : b.windows)
      verdict_testcase(xml, fmt::format("burn rate {}/{} above {:g}x", w.long_window, w.short_window, w.factor), cls,
                       w.verdict, w.message, "burn_rate", window_details(w));
  }
}

void write_regressions(XmlWriter& xml, const RunResults& r) {
  const Comparison& c = *r.comparison;
  auto suite = xml.element("testsuite");
  open_suite_attributes(suite, r, "regressions", regression_counts(r));
  write_properties(xml, r);
  const std::string baseline = fmt::format("baseline: {}{}\n", c.baseline_file.empty() ? "-" : c.baseline_file,
                                           c.baseline_environment.empty() ? "" : " (" + c.baseline_environment + ")");
  for (const Regression& x : c.items) {
    std::string message = fmt::format("{}: {} -> {}", x.subject, x.baseline, x.current);
    if (!x.change.empty()) message += x.allowed.empty() ? fmt::format(" ({})", x.change)
                                                        : fmt::format(" ({}, allowed {})", x.change, x.allowed);
    verdict_testcase(xml, x.subject, x.kind.empty() ? std::string("regressions") : "regressions." + x.kind, x.regressed ? Verdict::Fail : Verdict::Pass, message,
                     "regression", baseline);
  }
}

void write_logs(XmlWriter& xml, const RunResults& r) {
  auto suite = xml.element("testsuite");
  open_suite_attributes(suite, r, "logs", log_counts(r));
  write_properties(xml, r);
  for (const LogResult& l : r.logs) {
    std::string details = fmt::format("origin: {}\nrequired: {}\nlines: {}\nvalid: {}\ninvalid: {}\ntied to cases: {}\nuntied: {}\n",
                                      l.origin, l.required ? "yes" : "no", l.lines, l.valid, l.invalid, l.correlated,
                                      l.uncorrelated);
    for (const std::string& f : l.findings) details += f + "\n";
    const std::string message = !l.error.empty() ? "cannot read the log: " + l.error
                                : l.invalid > 0  ? fmt::format("{} of {} lines do not have the required fields", l.invalid, l.lines)
                                                 : "";
    verdict_testcase(xml, l.name, classname(l.suite, "logs"), l.passed() ? Verdict::Pass : Verdict::Fail, message, "log",
                     details);
  }
}

}  // namespace

Counts service_level_counts(const RunResults& r) {
  Counts total;
  for (const Counts& c : {slo_counts(r), regression_counts(r), log_counts(r)}) {
    total.tests += c.tests;
    total.failures += c.failures;
    total.skipped += c.skipped;
  }
  return total;
}

void write_service_level_suites(XmlWriter& xml, const RunResults& r) {
  if (has_slos(r)) write_slos(xml, r);
  if (has_regressions(r)) write_regressions(xml, r);
  if (!r.logs.empty()) write_logs(xml, r);
}

}  // namespace glassbox::reports::junit
