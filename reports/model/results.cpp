// Outcome names and the totals every report leads with.
#include "reports/model/results.hpp"

namespace glassbox::reports {

std::string_view to_string(Outcome o) {
  switch (o) {
    case Outcome::Passed: return "passed";
    case Outcome::Failed: return "failed";
    case Outcome::Error: return "error";
    case Outcome::Skipped: return "skipped";
  }
  return "error";
}

std::optional<Outcome> outcome_from_string(std::string_view s) {
  for (Outcome o : {Outcome::Passed, Outcome::Failed, Outcome::Error, Outcome::Skipped})
    if (to_string(o) == s) return o;
  return std::nullopt;
}

Totals RunResults::totals() const {
  Totals t;
  t.cases = static_cast<int>(cases.size());
  for (const CaseResult& c : cases) {
    switch (c.outcome) {
      case Outcome::Passed: ++t.passed; break;
      case Outcome::Failed: ++t.failed; break;
      case Outcome::Error: ++t.errors; break;
      case Outcome::Skipped: ++t.skipped; break;
    }
  }
  return t;
}

bool RunResults::passed() const {
  const Totals t = totals();
  if (t.failed != 0 || t.errors != 0) return false;
  for (const SloResult& s : slos)
    if (s.verdict == Verdict::Fail) return false;
  for (const ErrorBudgetResult& b : error_budgets)
    if (b.verdict == Verdict::Fail) return false;
  for (const LogResult& l : logs)
    if (!l.passed()) return false;
  if (comparison && comparison->regressed()) return false;
  // A shard saw a part of the cases: coverage goals are judged on the merged results.
  if (!shard.empty()) return true;
  for (const CoverageTotal& c : coverage_totals)
    if (!c.passed()) return false;
  return true;
}

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::Pass: return "pass";
    case Verdict::Warn: return "warn";
    case Verdict::Fail: return "fail";
    case Verdict::NotMeasured: return "not_measured";
  }
  return "not_measured";
}

std::optional<Verdict> verdict_from_string(std::string_view s) {
  for (Verdict v : {Verdict::Pass, Verdict::Warn, Verdict::Fail, Verdict::NotMeasured})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

bool Comparison::regressed() const {
  for (const Regression& r : items)
    if (r.regressed) return true;
  return false;
}

}  // namespace glassbox::reports
