// The console's service-level summary: the load line, golden signals, the SLO table, the
// error budget, regressions and log checks; quiet runs show only what failed.
#include <sstream>

#include <gtest/gtest.h>

#include "reports/writers/console.hpp"
#include "tests/reports/service_levels_fixture.hpp"

namespace glassbox::reports {
namespace {

using testing::service_level_run;

std::string finish(ConsoleOptions options, const RunResults& run) {
  std::ostringstream out;
  ConsoleReporter(out, options).on_finish(run, {});
  return out.str();
}

// The summary from the line after the totals up to the result line.
std::string service_part(const std::string& out) {
  const auto start = out.find('\n', out.find(" skipped in ")) + 1;
  return out.substr(start, out.find("result: ") - start);
}

TEST(ConsoleServiceLevels, NormalModeShowsEveryPart) {
  EXPECT_EQ(service_part(finish({}, service_level_run())),
      "load: open 200/s for 30 s — 6000 sent, 199.8/s, p50 2.9 ms p95 4.2 ms p99 289 ms max 398 ms, 0.3% errors\n"
      "  service time p99 4.2 ms (from the actual send); 12 sent late\n"
      "golden signals:\n"
      "  shop (load): 6000 requests, 199.8/s, p50 2.1 ms p95 4.0 ms p99 310 ms max 402 ms, 0.3% errors, saturation 0.42 "
      "(process_cpu_seconds_total rate)\n"
      "  payments (cases): 2 requests, 0.1/s, p50 2.5 ms p95 48.5 ms p99 48.5 ms max 48.5 ms, 50.0% errors\n"
      "SLOs:\n"
      "  FAIL         fast-orders p99 latency  310 ms        <= 200 ms   margin -110 ms       p99 latency 310 ms > 200 ms (55% over)\n"
      "  PASS         fast-orders p95 latency  4.0 ms        <= 50.0 ms  margin +46.0 ms      p95 latency 4 ms <= 50 ms\n"
      "  WARN         reliable error rate      0.3%          <= 0.5%     margin +0.20 points  error rate 0.3% <= 0.5%: less than "
      "half of the room left\n"
      "  PASS         reliable availability    99.7%         >= 99.0%    margin +0.70 points  availability 99.7% >= 99%\n"
      "  NOT MEASURED busy throughput          not measured  >= 150.0/s  margin –           no samples for <b>throughput</b> & "
      "\"scope\"\n"
      "error budget: 99.5% over 30d — 18 errors in 6000 requests (0.3%), burn rate 0.60x, 60.0% of the budget consumed: FAIL\n"
      "  burn 1h/5m above 14.4x: long not measured, short 0.60x (run) NOT MEASURED — 1h window not measured: no query API named\n"
      "  burn 6h/30m above 6x: long not measured, short 0.60x (run) NOT MEASURED — 6h window not measured: no query API named\n"
      "  burn 3d/6h above 1x: long 1.40x, short 1.20x (query) FAIL — burning 1.4x over 3d and 0.6x over the run: fires above 1x\n"
      "compared with alpha/results.json (alpha): 2 regressed\n"
      "  REGRESSED p95 latency (load): 3.2 ms -> 4.0 ms (+25%, allowed +10%)\n"
      "  REGRESSED create_order/partitions/weak_normal/qty=<many>: passed -> failed (passed -> failed)\n"
      "  2 held\n"
      "log app (logs/app.jsonl): 120 lines, 118 valid, 2 invalid, 100 tied to cases: FAILED\n"
      "  line 7: timestamp \"2024-05-06 07:08\" is not RFC 3339 UTC with microseconds\n"
      "  line 42: <img src=x onerror=alert(1)>\n"
      "log worker (command: kubectl logs deploy/worker): 10 lines, 10 valid, 0 invalid, 4 tied to cases: ok (not required)\n");
}

TEST(ConsoleServiceLevels, QuietModeShowsOnlyWhatFailed) {
  EXPECT_EQ(service_part(finish({.verbosity = Verbosity::Quiet}, service_level_run())),
      "SLOs:\n"
      "  FAIL         fast-orders p99 latency  310 ms  <= 200 ms  margin -110 ms  p99 latency 310 ms > 200 ms (55% over)\n"
      "error budget: 99.5% over 30d — 18 errors in 6000 requests (0.3%), burn rate 0.60x, 60.0% of the budget consumed: FAIL\n"
      "  burn 3d/6h above 1x: long 1.40x, short 1.20x (query) FAIL — burning 1.4x over 3d and 0.6x over the run: fires above 1x\n"
      "compared with alpha/results.json (alpha): 2 regressed\n"
      "  REGRESSED p95 latency (load): 3.2 ms -> 4.0 ms (+25%, allowed +10%)\n"
      "  REGRESSED create_order/partitions/weak_normal/qty=<many>: passed -> failed (passed -> failed)\n"
      "log app (logs/app.jsonl): 120 lines, 118 valid, 2 invalid, 100 tied to cases: FAILED\n"
      "  line 7: timestamp \"2024-05-06 07:08\" is not RFC 3339 UTC with microseconds\n"
      "  line 42: <img src=x onerror=alert(1)>\n");
}

TEST(ConsoleServiceLevels, ColourMarksVerdicts) {
  const std::string out = finish({.color = true}, service_level_run());
  EXPECT_NE(out.find("\033[31mFAIL        \033[0m fast-orders p99 latency"), std::string::npos);
  EXPECT_NE(out.find("\033[33mWARN        \033[0m reliable error rate"), std::string::npos);
  EXPECT_NE(out.find("\033[32mPASS        \033[0m fast-orders p95 latency"), std::string::npos);
}

TEST(ConsoleServiceLevels, ControlCharactersFromAServiceAreShownNotObeyed) {
  RunResults run = service_level_run();
  run.logs[0].findings[0] = "line 3: \033[2Jcleared";
  const std::string out = finish({}, run);
  EXPECT_NE(out.find("  line 3: \\x1b[2Jcleared\n"), std::string::npos);
  EXPECT_EQ(out.find("\033[2J"), std::string::npos);
}

TEST(ConsoleServiceLevels, ARunWithoutServiceLevelsPrintsNothingMore) {
  RunResults run = service_level_run();
  run.load.clear();
  run.slos.clear();
  run.error_budgets.clear();
  run.comparison.reset();
  run.golden_signals.clear();
  run.logs.clear();
  EXPECT_EQ(service_part(finish({}, run)), "");
}

}  // namespace
}  // namespace glassbox::reports
