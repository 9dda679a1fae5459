// Judging the service levels of a run, after its cases, load phase and settle window: per
// suite, the SLOs of the environment's plan (probe, spans and metrics SLIs), the golden
// signals per target, the error budget with its burn-rate windows, the structured logs, and
// the comparison with a baseline results file.
//
// Threading: one ServiceLevels per run, on the runner's thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "reports/model/redact.hpp"
#include "reports/model/results.hpp"
#include "suites/model/suite.hpp"
#include "suites/runner/metric_slis.hpp"

namespace glassbox::runner {

class ServiceLevels final {
 public:
  struct SuitePlan {
    const suite::Suite* suite = nullptr;
    suite::EnvironmentPlan plan;
  };
  ServiceLevels(std::vector<SuitePlan> suites, std::optional<reports::RunResults> baseline, std::string baseline_file);

  // Right before the first request: scrapes the metrics endpoints SLOs read.
  void begin();
  // After the settle window: fills results.slos, golden_signals, error_budgets, logs (and the
  // cases' log lines) and comparison.
  void judge(reports::RunResults& results, double run_seconds, const reports::Redactor& redactor);

 private:
  std::vector<SuitePlan> suites_;
  std::vector<std::unique_ptr<MetricWindow>> windows_;
  std::optional<reports::RunResults> baseline_;
  std::string baseline_file_;
};

}  // namespace glassbox::runner
