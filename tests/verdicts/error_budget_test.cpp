// The error budget and its burn windows: from the run alone (long windows not measured), and
// with a fake query API for firing, non-firing, half-measured and failing windows.
#include "reports/verdicts/error_budget.hpp"

#include <map>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "tests/verdicts/sli_fixtures.hpp"

namespace glassbox::reports {
namespace {

using testing::sent_case;

// Five requests, `errors` of them 5xx.
RunResults run_with_errors(int errors) {
  RunResults r;
  r.duration_ms = 1000;
  for (int i = 0; i < 5; ++i)
    r.cases.push_back(sent_case("c" + std::to_string(i), "shop", "classify", "demo", i < errors ? 503 : 200, 10));
  return r;
}

suite::ErrorBudgetSpec spec_99() {
  suite::ErrorBudgetSpec spec;
  spec.availability = 0.99;   // a 1% budget
  return spec;
}

TEST(ErrorBudget, BudgetAndBurnRateOfTheRun) {
  const ErrorBudgetResult r = evaluate_error_budget("shop", spec_99(), run_with_errors(1), {});
  EXPECT_EQ(r.suite, "shop");
  EXPECT_DOUBLE_EQ(r.availability, 0.99);
  EXPECT_NEAR(r.budget, 0.01, 1e-12);
  EXPECT_EQ(r.period, "30d");
  EXPECT_EQ(r.requests, 5u);
  EXPECT_EQ(r.errors, 1u);
  EXPECT_DOUBLE_EQ(r.error_rate, 0.2);
  // 20% errors against a 1% budget: 20 times as fast as the budget allows.
  EXPECT_NEAR(r.burn_rate, 20, 1e-9);
  EXPECT_NEAR(r.consumed, 20, 1e-9);
}

TEST(ErrorBudget, WithoutAQueryApiAFastRunWarnsThatTheLongWindowWasNotMeasured) {
  const ErrorBudgetResult r = evaluate_error_budget("shop", spec_99(), run_with_errors(1), {});
  ASSERT_EQ(r.windows.size(), 3u);
  const BurnWindow& w = r.windows[0];
  EXPECT_EQ(w.long_window, "1h");
  EXPECT_EQ(w.short_window, "5m");
  EXPECT_DOUBLE_EQ(w.factor, 14.4);
  EXPECT_FALSE(w.long_burn);
  ASSERT_TRUE(w.short_burn);
  EXPECT_NEAR(*w.short_burn, 20, 1e-9);
  EXPECT_EQ(w.short_source, "run");
  EXPECT_EQ(w.verdict, Verdict::Warn);
  EXPECT_EQ(w.message,
            "burn rate 20 over the run (short window 5m) exceeds 14.4; long window 1h not measured: the suite names "
            "no query API");
  EXPECT_EQ(r.windows[2].long_window, "3d");
  EXPECT_EQ(r.windows[2].short_window, "6h");
  EXPECT_EQ(r.verdict, Verdict::Warn);
  EXPECT_EQ(r.message,
            "budget 1% of requests over 30d; the run: 1 of 5 requests failed (20%), burn rate 20; one window burning "
            "too fast: 1h/5m at 14.4, 6h/30m at 6, 3d/6h at 1");
}

TEST(ErrorBudget, WithoutAQueryApiASlowRunPasses) {
  const ErrorBudgetResult r = evaluate_error_budget("shop", spec_99(), run_with_errors(0), {});
  EXPECT_EQ(r.verdict, Verdict::Pass);
  EXPECT_EQ(r.windows[0].verdict, Verdict::Pass);
  EXPECT_EQ(r.windows[0].message,
            "burn rate 0 over the run (short window 5m) is within 14.4; long window 1h not measured: the suite names "
            "no query API");
  EXPECT_EQ(r.message, "budget 1% of requests over 30d; the run: 0 of 5 requests failed (0%), burn rate 0");
}

TEST(ErrorBudget, NoRequestsInScopeIsNotMeasured) {
  suite::ErrorBudgetSpec spec = spec_99();
  spec.target = "elsewhere";
  const ErrorBudgetResult r = evaluate_error_budget("shop", spec, run_with_errors(1), {});
  EXPECT_EQ(r.verdict, Verdict::NotMeasured);
  EXPECT_EQ(r.windows[0].verdict, Verdict::NotMeasured);
  EXPECT_EQ(r.windows[0].message,
            "long window 1h not measured: the suite names no query API; short window 5m not measured: no requests "
            "in scope (target elsewhere)");
  EXPECT_EQ(r.message, "budget 1% of requests over 30d; no requests in scope (target elsewhere)");
}

// A query API that knows the error and request rates per window; "3d" fails.
class FakePrometheus final {
 public:
  std::map<std::string, double> errors{{"1h", 0.2}, {"5m", 0.3}, {"6h", 0.02}, {"30m", 0.5}};
  std::map<std::string, double> totals{{"1h", 1}, {"5m", 1}, {"6h", 1}, {"30m", 1}};
  std::vector<std::string> asked;

  PromQueryFunction function() {
    return [this](const std::string& promql) -> Expected<double> {
      asked.push_back(promql);
      if (promql.find("[3d]") != std::string::npos)
        return Error("prometheus query failed (bad_data): parse error at char 12");
      const bool error_query = promql.rfind("errors", 0) == 0;
      const std::string window = promql.substr(promql.find('[') + 1, promql.find(']') - promql.find('[') - 1);
      return (error_query ? errors : totals).at(window);
    };
  }
};

suite::ErrorBudgetSpec spec_with_api() {
  suite::ErrorBudgetSpec spec = spec_99();
  spec.query_url = "http://127.0.0.1:9090";
  spec.errors_query = "errors[{{window}}]";
  spec.total_query = "total[{{window}}]";
  return spec;
}

TEST(ErrorBudget, BothWindowsAboveTheFactorFire) {
  FakePrometheus prometheus;
  const ErrorBudgetResult r = evaluate_error_budget("shop", spec_with_api(), run_with_errors(0), prometheus.function());
  const BurnWindow& w = r.windows[0];
  EXPECT_EQ(w.short_source, "query");
  EXPECT_NEAR(*w.long_burn, 20, 1e-9);
  EXPECT_NEAR(*w.short_burn, 30, 1e-9);
  EXPECT_EQ(w.verdict, Verdict::Fail);
  EXPECT_EQ(w.message, "burn rate 20 over 1h and 30 over 5m, both above 14.4: the budget burns too fast");
  EXPECT_EQ(prometheus.asked[0], "errors[1h]");
  EXPECT_EQ(prometheus.asked[1], "total[1h]");
  EXPECT_EQ(prometheus.asked[2], "errors[5m]");
}

TEST(ErrorBudget, OneWindowUnderTheFactorDoesNotFire) {
  FakePrometheus prometheus;
  const ErrorBudgetResult r = evaluate_error_budget("shop", spec_with_api(), run_with_errors(0), prometheus.function());
  const BurnWindow& w = r.windows[1];
  EXPECT_EQ(w.verdict, Verdict::Pass);
  EXPECT_EQ(w.message, "burn rate 2 over 6h and 50 over 30m; fires when both exceed 6");
}

TEST(ErrorBudget, AFailedQueryLeavesItsWindowNotMeasured) {
  FakePrometheus prometheus;
  const ErrorBudgetResult r = evaluate_error_budget("shop", spec_with_api(), run_with_errors(0), prometheus.function());
  const BurnWindow& w = r.windows[2];
  EXPECT_FALSE(w.long_burn);
  EXPECT_NEAR(*w.short_burn, 2, 1e-9);
  EXPECT_EQ(w.verdict, Verdict::Warn);
  EXPECT_EQ(w.message,
            "burn rate 2 over 6h exceeds 1; long window 3d not measured: prometheus query failed (bad_data): parse "
            "error at char 12");
  // The worst window decides.
  EXPECT_EQ(r.verdict, Verdict::Fail);
  EXPECT_EQ(r.message,
            "budget 1% of requests over 30d; the run: 0 of 5 requests failed (0%), burn rate 0; burning too fast: "
            "1h/5m at 14.4; one window burning too fast: 3d/6h at 1");
}

TEST(ErrorBudget, AWindowWithoutRequestsIsNotMeasured) {
  FakePrometheus prometheus;
  prometheus.totals["1h"] = 0;
  prometheus.totals["5m"] = 0;
  const ErrorBudgetResult r = evaluate_error_budget("shop", spec_with_api(), run_with_errors(0), prometheus.function());
  EXPECT_EQ(r.windows[0].verdict, Verdict::NotMeasured);
  EXPECT_EQ(r.windows[0].message,
            "long window 1h not measured: no requests in the last 1h; short window 5m not measured: no requests in "
            "the last 5m");
}

TEST(ErrorBudget, AQueryApiWithoutAQueryFunctionCountsAsNotNamed) {
  const ErrorBudgetResult r = evaluate_error_budget("shop", spec_with_api(), run_with_errors(1), {});
  EXPECT_EQ(r.windows[0].short_source, "run");
  EXPECT_EQ(r.windows[0].verdict, Verdict::Warn);
}

RC_GTEST_PROP(ErrorBudget, ARuleFiresExactlyWhenBothWindowsBurnFasterThanItsFactor, ()) {
  const double long_errors = *rc::gen::inRange(0, 400) / 1000.0;
  const double short_errors = *rc::gen::inRange(0, 400) / 1000.0;
  const double factor = *rc::gen::element(14.4, 6.0, 1.0);
  suite::ErrorBudgetSpec spec = spec_with_api();
  spec.rules = {{std::chrono::hours(1), std::chrono::minutes(5), factor}};
  const PromQueryFunction query = [&](const std::string& promql) -> Expected<double> {
    if (promql.rfind("total", 0) == 0) return 1.0;
    return promql == "errors[1h]" ? long_errors : short_errors;
  };
  const ErrorBudgetResult r = evaluate_error_budget("shop", spec, run_with_errors(0), query);
  const double budget = 1 - spec.availability;
  const bool fires = long_errors / budget > factor && short_errors / budget > factor;
  RC_ASSERT((r.windows.at(0).verdict == Verdict::Fail) == fires);
  RC_ASSERT(r.windows.at(0).verdict != Verdict::NotMeasured);
  RC_ASSERT(r.verdict == r.windows.at(0).verdict);
}

TEST(ErrorBudget, WindowPlaceholdersAreAllReplaced) {
  EXPECT_EQ(with_window("rate(a[{{window}}]) / rate(b[{{window}}])", "6h"), "rate(a[6h]) / rate(b[6h])");
  EXPECT_EQ(with_window("no placeholder", "6h"), "no placeholder");
}

}  // namespace
}  // namespace glassbox::reports
