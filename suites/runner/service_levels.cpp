#include "suites/runner/service_levels.hpp"

#include "reports/verdicts/comparison.hpp"
#include "reports/verdicts/error_budget.hpp"
#include "reports/verdicts/golden_signals.hpp"
#include "reports/verdicts/slo_eval.hpp"
#include "suites/runner/log_checks.hpp"

namespace glassbox::runner {

ServiceLevels::ServiceLevels(std::vector<SuitePlan> suites, std::optional<reports::RunResults> baseline,
                             std::string baseline_file)
    : suites_(std::move(suites)), baseline_(std::move(baseline)), baseline_file_(std::move(baseline_file)) {}

void ServiceLevels::begin() {
  windows_.clear();
  for (const SuitePlan& s : suites_) {
    windows_.push_back(std::make_unique<MetricWindow>());
    windows_.back()->begin(s.plan.slos);
  }
}

void ServiceLevels::judge(reports::RunResults& results, double run_seconds, const reports::Redactor& redactor) {
  for (std::size_t i = 0; i < suites_.size(); ++i) {
    const SuitePlan& s = suites_[i];
    const std::string& name = s.suite->name;
    if (!s.suite->logs.empty()) check_logs(name, s.suite->logs, results, redactor);
    if (!s.plan.slos.empty()) {
      reports::MetricMeasurements metrics;
      if (i < windows_.size()) metrics = windows_[i]->end(run_seconds);
      for (reports::SloResult& r : reports::evaluate_slos(name, s.plan.slos, results, metrics)) {
        r.message = redactor.text(r.message);
        r.scope = redactor.text(r.scope);
        results.slos.push_back(std::move(r));
      }
    }
    if (s.plan.error_budget) {
      reports::PromQueryFunction query;
      if (!s.plan.error_budget->query_url.empty()) query = budget_query_function(s.plan.error_budget->query_url);
      reports::ErrorBudgetResult budget = reports::evaluate_error_budget(name, *s.plan.error_budget, results, query);
      budget.message = redactor.text(budget.message);
      for (reports::BurnWindow& w : budget.windows) w.message = redactor.text(w.message);
      results.error_budgets.push_back(std::move(budget));
    }
  }
  results.golden_signals = reports::golden_signals(results);
  if (baseline_) {
    const suite::CompareThresholds thresholds = suites_.empty() ? suite::CompareThresholds{} : suites_.front().plan.compare;
    results.comparison = reports::compare_runs(*baseline_, results, thresholds, baseline_file_);
  }
}

}  // namespace glassbox::runner
