// JUnit XML as Jenkins' JUnit plugin reads it, valid against the Jenkins JUnit schema
// (jenkins-junit.xsd). Layout: one <testsuite> per (suite, technique), in the order the
// pairs first occur in the results; one <testcase> per case with classname
// "<suite>.<request>", which Jenkins shows as package <suite>, class <request>. Coverage
// goals follow: one <testsuite> "<suite>.coverage", one <testcase> per judged total; then
// the service levels: <testsuite> "slos", "regressions" and "logs" (junit_service_levels.cpp).
//
// With RetriedCases::Surefire, retried cases also carry Surefire's flakyFailure,
// rerunFailure and rerunError elements (see writer.hpp); the output is then no longer valid
// against jenkins-junit.xsd, which is why it is an option.
//
// The schema decides some details: <testsuites> has no `skipped` attribute, and
// <skipped> takes its message as text, not as an attribute (Jenkins reads either).
// Output depends only on the results, so it can be compared with approved files.
#include <map>
#include <set>

#include <fmt/format.h>

#include "reports/model/atomic_file.hpp"
#include "reports/writers/junit_parts.hpp"
#include "reports/writers/writer.hpp"
#include "reports/writers/xml_writer.hpp"

namespace glassbox::reports {

namespace junit {

std::string seconds(double s) { return fmt::format("{:.3f}", s); }

// Jenkins and Ant expect "yyyy-MM-ddTHH:mm:ss" (no zone); started_at is RFC 3339 UTC.
std::string junit_timestamp(const std::string& rfc3339) {
  return rfc3339.size() >= 19 && rfc3339[10] == 'T' ? rfc3339.substr(0, 19) : "";
}

void write_properties(XmlWriter& xml, const RunResults& results) {
  auto properties = xml.element("properties");
  const auto property = [&](std::string_view name, const std::string& value) {
    if (!value.empty()) xml.element("property").attribute("name", name).attribute("value", value);
  };
  property("seed", std::to_string(results.seed));
  property("environment", results.environment);
  property("shard", results.shard);
  property("glassbox.version", results.tool_version);
}

}  // namespace junit

namespace {

using junit::junit_timestamp;
using junit::seconds;
using junit::write_properties;

constexpr std::size_t kBodyCap = 4096;

struct Group {
  std::string suite;
  std::string technique;
  std::vector<const CaseResult*> cases;
};

std::vector<Group> group_by_suite_and_technique(const RunResults& results) {
  std::vector<Group> groups;
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  for (const CaseResult& c : results.cases) {
    const auto [it, inserted] = index.try_emplace({c.suite, c.technique}, groups.size());
    if (inserted) groups.push_back(Group{c.suite, c.technique, {}});
    groups[it->second].cases.push_back(&c);
  }
  return groups;
}

// Time spent on the case: every attempt, retries included.
double case_seconds(const CaseResult& c) {
  double ms = 0;
  for (const Attempt& a : c.attempts) ms += a.latency_ms;
  if (c.attempts.empty()) ms = c.exchange.latency_ms;
  return ms / 1000.0;
}

std::string check_line(const Check& k) { return fmt::format("{}: expected {}, got {}", k.name, k.expected, k.actual); }

// Cuts at a character boundary so the cap never splits a UTF-8 sequence.
std::string capped(const std::string& body, bool truncated_before) {
  if (body.size() <= kBodyCap)
    return truncated_before ? body + "\n[response body truncated by the probe]" : body;
  std::size_t end = kBodyCap;
  while (end > 0 && (static_cast<unsigned char>(body[end]) & 0xC0u) == 0x80u) --end;
  return fmt::format("{}\n[response body truncated: first {} of {} bytes shown]", body.substr(0, end), end,
                     body.size());
}

std::string system_out(const CaseResult& c) {
  std::string out = fmt::format("case: {}\ntrace_id: {}\nexpected: {}\ninputs: {}\n", c.id, c.trace_id,
                                c.expected_outcome, c.inputs.dump(-1, ' ', false, Value::error_handler_t::replace));
  for (std::size_t i = 0; i < c.steps.size(); ++i) {
    const StepResult& s = c.steps[i];
    out += fmt::format("step {}: {} - {}", i + 1, s.label, to_string(s.outcome));
    if (!s.method.empty()) out += fmt::format(" ({} {} -> {})", s.method, s.url, s.status);
    out += "\n";
  }
  const Exchange& x = c.exchange;
  if (!x.method.empty()) {
    out += fmt::format("request: {} {}\n", x.method, x.url);
    if (x.status != 0)
      out += fmt::format("response: {} in {:.3f} ms\n", x.status, x.latency_ms);
    else if (!c.attempts.empty() && !c.attempts.back().error.empty())
      out += fmt::format("response: none ({})\n", c.attempts.back().error);
    else
      out += "response: none\n";
    if (c.attempts.size() > 1) out += fmt::format("attempts: {}\n", c.attempts.size());
    if (!x.response_body.empty()) out += "response body:\n" + capped(x.response_body, x.response_body_truncated) + "\n";
  }
  if (!c.log_lines.empty()) out += "log lines:\n";
  for (const LogLineRef& l : c.log_lines) out += fmt::format("  line {} [{}] {}\n", l.line, l.level, l.text);
  return out;
}

void write_outcome(XmlWriter& xml, const CaseResult& c) {
  switch (c.outcome) {
    case Outcome::Passed: return;
    case Outcome::Skipped: {
      xml.element("skipped").text(c.message);
      return;
    }
    case Outcome::Failed: {
      std::vector<const Check*> failed;
      for (const Check& k : c.checks)
        if (!k.passed) failed.push_back(&k);
      auto failure = xml.element("failure");
      if (failed.empty()) {
        failure.attribute("message", c.message).attribute("type", "failure");
        return;
      }
      // A multi-step case's message names the step that failed; the checks are that step's.
      const std::string message = c.steps.empty() ? check_line(*failed.front()) : c.message;
      failure.attribute("message", message).attribute("type", failed.front()->name);
      std::string body;
      for (const Check* k : failed) body += check_line(*k) + "\n";
      failure.text(body);
      return;
    }
    case Outcome::Error: {
      auto error = xml.element("error");
      error.attribute("message", c.message).attribute("type", "error");
      std::string body;
      for (std::size_t i = 0; i < c.attempts.size(); ++i) {
        const Attempt& a = c.attempts[i];
        const std::string what = a.error.empty() ? fmt::format("status {}", a.status) : a.error;
        body += fmt::format("attempt {} (span {}, {:.3f} ms): {}\n", i + 1, a.span_id, a.latency_ms, what);
      }
      error.text(body);
      return;
    }
  }
}

// An attempt the retry policy retried: it got no response (transport error) or a status it
// treats as a system error. The policy's status list is not in the results, so the usual
// ones count: 429 and 5xx. A multi-step case's attempts include its steps' good answers,
// which this leaves out.
bool is_failed_attempt(const Attempt& a) { return !a.error.empty() || a.status == 0 || a.status == 429 || a.status >= 500; }

std::string attempt_problem(const Attempt& a) { return a.error.empty() ? fmt::format("status {}", a.status) : a.error; }

// One Surefire element per earlier failed attempt (every attempt but the last): message and
// type say what went wrong, <system-out> the attempt's span id so its spans can be found.
void write_retries(XmlWriter& xml, const CaseResult& c, std::string_view element) {
  if (c.attempts.size() < 2) return;
  for (std::size_t i = 0; i + 1 < c.attempts.size(); ++i) {
    const Attempt& a = c.attempts[i];
    if (!is_failed_attempt(a)) continue;
    auto retry = xml.element(element);
    retry.attribute("message", fmt::format("attempt {} of {}: {}", i + 1, c.attempts.size(), attempt_problem(a)))
        .attribute("type", a.error.empty() ? fmt::format("status {}", a.status) : std::string("transport error"));
    xml.element("system-out").text(fmt::format("trace_id: {}\nspan_id: {}\nlatency: {:.3f} ms\n", c.trace_id, a.span_id, a.latency_ms));
  }
}

void write_retried_outcome(XmlWriter& xml, const CaseResult& c) {
  switch (c.outcome) {
    case Outcome::Passed: write_retries(xml, c, "flakyFailure"); return;
    case Outcome::Failed: write_retries(xml, c, "rerunFailure"); return;
    case Outcome::Error: write_retries(xml, c, "rerunError"); return;
    case Outcome::Skipped: return;
  }
}

// "<form>: <label>" under classname "<suite>.<request>". Jenkins keys test history on
// classname + name, so a name that would repeat (two technique uses with the same labels)
// gets the case id, which is unique, appended.
std::string testcase_name(const CaseResult& c, std::set<std::string>& used) {
  std::string name = c.form.empty() ? c.label : fmt::format("{}: {}", c.form, c.label);
  if (name.empty()) name = c.id;
  if (!used.insert(c.suite + "\n" + c.request + "\n" + name).second) name += fmt::format(" ({})", c.id);
  return name;
}

void write_group(XmlWriter& xml, const RunResults& results, const Group& g, std::set<std::string>& used_names,
                 RetriedCases retried) {
  int failures = 0, errors = 0, skipped = 0;
  double time = 0;
  for (const CaseResult* c : g.cases) {
    failures += c->outcome == Outcome::Failed;
    errors += c->outcome == Outcome::Error;
    skipped += c->outcome == Outcome::Skipped;
    time += case_seconds(*c);
  }
  auto suite = xml.element("testsuite");
  suite.attribute("name", fmt::format("{}.{}", g.suite, g.technique))
      .attribute("tests", static_cast<std::int64_t>(g.cases.size()))
      .attribute("failures", failures)
      .attribute("errors", errors)
      .attribute("skipped", skipped)
      .attribute("time", seconds(time));
  if (const std::string ts = junit_timestamp(results.started_at); !ts.empty()) suite.attribute("timestamp", ts);
  if (!results.hostname.empty()) suite.attribute("hostname", results.hostname);
  write_properties(xml, results);
  for (const CaseResult* c : g.cases) {
    auto testcase = xml.element("testcase");
    testcase.attribute("name", testcase_name(*c, used_names))
        .attribute("classname", fmt::format("{}.{}", c->suite, c->request))
        .attribute("time", seconds(case_seconds(*c)));
    write_outcome(xml, *c);
    if (retried == RetriedCases::Surefire) write_retried_outcome(xml, *c);
    xml.element("system-out").text(system_out(*c));
  }
}

// Coverage goals as test cases: one <testsuite> "<suite>.coverage" per suite with goals, so
// Jenkins shows a missed goal as a failed test next to the cases.
struct CoverageGroup {
  std::string suite;
  std::vector<const CoverageTotal*> totals;
};

std::vector<CoverageGroup> coverage_groups(const RunResults& results) {
  std::vector<CoverageGroup> groups;
  std::map<std::string, std::size_t> index;
  // One shard saw a part of the cases: its coverage is partial, and the goals are judged
  // on the merged report (`glassbox report`), not here.
  if (!results.shard.empty()) return groups;
  for (const CoverageTotal& t : results.coverage_totals) {
    if (!t.goal) continue;
    const auto [it, inserted] = index.try_emplace(t.suite, groups.size());
    if (inserted) groups.push_back(CoverageGroup{t.suite, {}});
    groups[it->second].totals.push_back(&t);
  }
  return groups;
}

std::string coverage_failure_message(const CoverageTotal& t) {
  return fmt::format("{} coverage {:.1f}% ({} of {}) is below the goal {}%", t.kind, t.percent(), t.covered,
                     t.declared, *t.goal);
}

void write_coverage_group(XmlWriter& xml, const RunResults& results, const CoverageGroup& g) {
  int failures = 0;
  for (const CoverageTotal* t : g.totals) failures += !t->passed();
  const std::string classname = g.suite + ".coverage";
  auto suite = xml.element("testsuite");
  suite.attribute("name", classname)
      .attribute("tests", static_cast<std::int64_t>(g.totals.size()))
      .attribute("failures", failures)
      .attribute("errors", 0)
      .attribute("skipped", 0)
      .attribute("time", seconds(0));
  if (const std::string ts = junit_timestamp(results.started_at); !ts.empty()) suite.attribute("timestamp", ts);
  if (!results.hostname.empty()) suite.attribute("hostname", results.hostname);
  write_properties(xml, results);
  for (const CoverageTotal* t : g.totals) {
    auto testcase = xml.element("testcase");
    testcase.attribute("name", fmt::format("{} {} >= {}%", t->service, t->kind, *t->goal))
        .attribute("classname", classname)
        .attribute("time", seconds(0));
    if (t->passed()) continue;
    auto failure = xml.element("failure");
    failure.attribute("message", coverage_failure_message(*t)).attribute("type", "coverage");
    std::string body = "not covered:\n";
    for (const CoverageItem& item : results.coverage)
      if (item.declared && item.cases.empty() && item.suite == t->suite && item.service == t->service &&
          item.kind == t->kind)
        body += "  " + item.item + "\n";
    failure.text(body);
  }
}

std::string render_junit(const RunResults& results, RetriedCases retried) {
  Totals t = results.totals();
  const std::vector<CoverageGroup> coverage = coverage_groups(results);
  for (const CoverageGroup& g : coverage)
    for (const CoverageTotal* total : g.totals) {
      ++t.cases;
      t.failed += !total->passed();
    }
  const junit::Counts service_levels = junit::service_level_counts(results);
  t.cases += service_levels.tests;
  t.failed += service_levels.failures;
  XmlWriter xml;
  {
    auto suites = xml.element("testsuites");
    suites.attribute("name", "glassbox")
        .attribute("tests", t.cases)
        .attribute("failures", t.failed)
        .attribute("errors", t.errors)
        .attribute("time", seconds(results.duration_ms / 1000.0));
    std::set<std::string> used_names;
    for (const Group& g : group_by_suite_and_technique(results)) write_group(xml, results, g, used_names, retried);
    for (const CoverageGroup& g : coverage) write_coverage_group(xml, results, g);
    junit::write_service_level_suites(xml, results);
  }
  return xml.str();
}

class JunitWriter final : public ReportWriter {
 public:
  explicit JunitWriter(RetriedCases retried) : retried_(retried) {}
  std::string_view name() const override { return "junit"; }
  std::string_view summary() const override { return "JUnit XML, as Jenkins' JUnit plugin reads it"; }
  Status write(const RunResults& results, const std::filesystem::path& destination) const override {
    return write_file_atomically(destination, render_junit(results, retried_));
  }

 private:
  RetriedCases retried_;
};

}  // namespace

const ReportWriter& junit_writer() { return junit_writer(RetriedCases::Plain); }

const ReportWriter& junit_writer(RetriedCases retried) {
  static const JunitWriter plain(RetriedCases::Plain);
  static const JunitWriter surefire(RetriedCases::Surefire);
  return retried == RetriedCases::Surefire ? surefire : plain;
}

}  // namespace glassbox::reports
