#include "reports/writers/console.hpp"

#include <sstream>

#include <gtest/gtest.h>

namespace glassbox::reports {
namespace {

CaseResult make_case(std::string id, Outcome outcome, double latency_ms) {
  CaseResult c;
  c.id = std::move(id);
  c.outcome = outcome;
  c.exchange.method = "POST";
  c.exchange.url = "http://127.0.0.1:8080/orders";
  c.exchange.status = outcome == Outcome::Passed ? 201 : 500;
  c.exchange.latency_ms = latency_ms;
  c.trace_id = "0af7651916cd43dd8448eb211c80319c";
  if (outcome == Outcome::Failed) {
    c.message = "expected status 201, got 500";
    c.checks = {{"status", false, "201", "500"}, {"header content-type", true, "application/json", "application/json"},
                {"json /id exists", false, "present", "missing"}};
  }
  return c;
}

RunResults small_run() {
  RunResults r;
  r.suites = {"shop"};
  r.duration_ms = 1234;
  r.cases = {make_case("orders/partitions/weak_normal/qty=valid", Outcome::Passed, 12.34),
             make_case("orders/boundaries/robust/qty=max+", Outcome::Failed, 48.5),
             make_case("orders/boundaries/robust/qty=min", Outcome::Passed, 3.2)};
  return r;
}

std::string run_through(ConsoleOptions options, const RunResults& run, const std::vector<std::string>& reports) {
  std::ostringstream out;
  ConsoleReporter console(out, options);
  console.on_start(run.suites, run.cases.size());
  for (std::size_t i = 0; i < run.cases.size(); ++i) console.on_case(run.cases[i], i + 1, run.cases.size());
  console.on_finish(run, reports);
  return out.str();
}

const std::string kFailureAndTotals =
    "\n"
    "FAIL orders/boundaries/robust/qty=max+\n"
    "  POST http://127.0.0.1:8080/orders -> 500 in 48.5 ms\n"
    "  x status: expected 201, actual 500\n"
    "  x json /id exists: expected present, actual missing\n"
    "  trace 0af7651916cd43dd8448eb211c80319c\n"
    "\n"
    "3 cases: 2 passed, 1 failed, 0 errors, 0 skipped in 1.23 s\n"
    "result: FAILED\n";

TEST(ConsoleReporter, NormalModePrintsFailuresAsTheyHappenThenTheSummary) {
  const std::string out = run_through({}, small_run(), {"out/junit.xml", "out/html"});
  EXPECT_EQ(out,
            "glassbox: running 3 cases from shop\n"
            "FAIL orders/boundaries/robust/qty=max+: expected status 201, got 500\n" +
                kFailureAndTotals +
                "report: out/junit.xml\n"
                "report: out/html\n");
}

TEST(ConsoleReporter, VerboseModePrintsOneLinePerCase) {
  const std::string out = run_through({.verbosity = Verbosity::Verbose}, small_run(), {});
  EXPECT_EQ(out,
            "glassbox: running 3 cases from shop\n"
            "PASS orders/partitions/weak_normal/qty=valid (12.3 ms)\n"
            "FAIL orders/boundaries/robust/qty=max+: expected status 201, got 500\n"
            "PASS orders/boundaries/robust/qty=min (3.20 ms)\n" +
                kFailureAndTotals);
}

TEST(ConsoleReporter, QuietModePrintsOnlyFailuresAndTotals) {
  const std::string out = run_through({.verbosity = Verbosity::Quiet}, small_run(), {"out/junit.xml"});
  EXPECT_EQ(out, kFailureAndTotals);
}

TEST(ConsoleReporter, QuietPassingRunPrintsOnlyTheTotals) {
  RunResults run = small_run();
  run.cases.erase(run.cases.begin() + 1);
  const std::string out = run_through({.verbosity = Verbosity::Quiet}, run, {});
  EXPECT_EQ(out,
            "2 cases: 2 passed, 0 failed, 0 errors, 0 skipped in 1.23 s\n"
            "result: PASSED\n");
}

TEST(ConsoleReporter, PrintsOneLinePerCoverageTotalAndTheItemsAMissedGoalLacks) {
  RunResults run = small_run();
  run.cases.erase(run.cases.begin() + 1);
  run.coverage = {{"shop", "glassbox-demo", "branches", "classify.branch=scalene", true, {"c1"}},
                  {"shop", "glassbox-demo", "branches", "classify.branch=equilateral", true, {}},
                  {"shop", "glassbox-demo", "branches", "classify.branch=odd", false, {"c1"}},
                  {"shop", "glassbox-demo", "operations", "validate", true, {}}};
  run.coverage_totals = {{"shop", "glassbox-demo", "operations", 9, 10, 90.0},
                         {"shop", "glassbox-demo", "branches", 1, 2, 90.0},
                         {"shop", "glassbox-demo", "paths", 1, 3, std::nullopt}};
  const std::string out = run_through({.verbosity = Verbosity::Quiet}, run, {});
  EXPECT_EQ(out,
            "2 cases: 2 passed, 0 failed, 0 errors, 0 skipped in 1.23 s\n"
            "coverage glassbox-demo operations: 9/10 (90.0%) goal 90% ok\n"
            "coverage glassbox-demo branches: 1/2 (50.0%) goal 90% FAILED\n"
            "  not covered: classify.branch=equilateral\n"
            "coverage glassbox-demo paths: 1/3 (33.3%)\n"
            "result: FAILED\n");
}

TEST(ConsoleReporter, ProgressBarRedrawsOneLineAndPrintsFailuresAboveIt) {
  const std::string out = run_through({.progress_bar = true}, small_run(), {});
  const std::string blank(std::string("[#############.......] 2/3  1 failed").size(), ' ');
  const std::string full_blank(std::string("[####################] 3/3  1 failed").size(), ' ');
  EXPECT_EQ(out,
            "glassbox: running 3 cases from shop\n"
            "\r[######..............] 1/3  0 failed"
            "\r" + blank + "\r"
            "FAIL orders/boundaries/robust/qty=max+: expected status 201, got 500\n"
            "[#############.......] 2/3  1 failed"
            "\r[####################] 3/3  1 failed"
            "\r" + full_blank + "\r" +
                kFailureAndTotals);
}

TEST(ConsoleReporter, WithoutColourPrintsNoAnsiEscapes) {
  const std::string out = run_through({.color = false, .progress_bar = true, .verbosity = Verbosity::Verbose}, small_run(), {});
  EXPECT_EQ(out.find('\033'), std::string::npos);
}

TEST(ConsoleReporter, WithColourPaintsOutcomesAndTheResult) {
  const std::string out = run_through({.color = true, .verbosity = Verbosity::Verbose}, small_run(), {});
  EXPECT_NE(out.find("\033[32mPASS\033[0m orders/partitions/weak_normal/qty=valid (12.3 ms)\n"), std::string::npos);
  EXPECT_NE(out.find("\033[31mFAIL\033[0m orders/boundaries/robust/qty=max+: expected status 201, got 500\n"), std::string::npos);
  EXPECT_NE(out.find("result: \033[1m\033[31mFAILED\033[0m\n"), std::string::npos);
}

TEST(ConsoleReporter, ShowsControlCharactersFromTheServiceAsEscapes) {
  RunResults run = small_run();
  run.cases[1].message = "bad\033[2J\nnext";
  run.cases[1].checks[0].actual = "500\033]0;title\a";
  const std::string out = run_through({}, run, {});
  EXPECT_EQ(out.find('\033'), std::string::npos);
  EXPECT_NE(out.find("FAIL orders/boundaries/robust/qty=max+: bad\\x1b[2J\\nnext\n"), std::string::npos);
  EXPECT_NE(out.find("  x status: expected 201, actual 500\\x1b]0;title\\x07\n"), std::string::npos);
}

TEST(ConsoleReporter, ReportsAnErrorWithoutChecksByItsMessage) {
  RunResults run;
  run.suites = {"shop", "billing"};
  run.duration_ms = 2500;
  CaseResult c = make_case("orders/x", Outcome::Error, 2000);
  c.exchange.status = 0;
  c.message = "timeout after 2000 ms";
  run.cases = {c};
  const std::string out = run_through({}, run, {});
  EXPECT_EQ(out,
            "glassbox: running 1 case from shop, billing\n"
            "ERROR orders/x: timeout after 2000 ms\n"
            "\n"
            "ERROR orders/x\n"
            "  POST http://127.0.0.1:8080/orders -> no response in 2.00 s\n"
            "  timeout after 2000 ms\n"
            "  trace 0af7651916cd43dd8448eb211c80319c\n"
            "\n"
            "1 case: 0 passed, 0 failed, 1 error, 0 skipped in 2.50 s\n"
            "result: FAILED\n");
}

TEST(ConsoleReporter, SaysInterruptedWhenTheRunWasStopped) {
  RunResults run = small_run();
  run.interrupted = true;
  const std::string out = run_through({.verbosity = Verbosity::Quiet}, run, {});
  EXPECT_NE(out.find("result: INTERRUPTED\n"), std::string::npos);
}

}  // namespace
}  // namespace glassbox::reports
