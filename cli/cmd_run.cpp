// glassbox run: generate, probe, judge, report.
#include <chrono>
#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/interrupt.hpp"
#include "cli/report_outputs.hpp"
#include "cli/terminal.hpp"
#include "reports/writers/console.hpp"
#include "suites/runner/runner.hpp"

namespace glassbox::cli {

namespace {

struct RunArgs {
  std::vector<std::string> suites;
  std::string environment;
  std::uint64_t seed = 1;
  std::string filter;
  std::string shard;
  int concurrency = 0;
  int repeat = 1;
  bool insecure = false;
  std::string listen;
  std::string listen_grpc;
  std::string traces_from;
  std::string paths_from;
  std::string otlp_export;
  std::string baseline;
  double rate = 0;
  int settle_ms = 500;
  bool no_color = false;
  bool quiet = false;
  bool verbose = false;
  ReportPaths reports;
};

// --shard, else a Kubernetes Indexed Job's JOB_COMPLETION_INDEX (0-based) and _COUNT.
Expected<std::optional<runner::Shard>> choose_shard(const std::string& flag) {
  if (!flag.empty()) {
    auto s = runner::parse_shard(flag);
    if (!s) return s.error();
    return std::optional<runner::Shard>(*s);
  }
  const char* index = std::getenv("JOB_COMPLETION_INDEX");
  const char* count = std::getenv("JOB_COMPLETION_COUNT");
  if (!index || !count) return std::optional<runner::Shard>();
  auto s = runner::parse_shard(fmt::format("{}/{}", std::atoi(index) + 1, count));
  if (!s) return Error("JOB_COMPLETION_INDEX/JOB_COMPLETION_COUNT: " + s.error().message);
  return std::optional<runner::Shard>(*s);
}

int run_command(const RunArgs& args) {
  auto shard = choose_shard(args.shard);
  if (!shard) {
    fmt::print(stderr, "glassbox: {}\n", shard.error().message);
    return kUsage;
  }
  install_interrupt_handler();
  TerminalCaps caps = detect_terminal(stderr, args.no_color);
  reports::ConsoleOptions console_options;
  console_options.color = caps.color;
  console_options.progress_bar = caps.progress && !args.quiet && !args.verbose;
  console_options.verbosity = args.quiet ? reports::Verbosity::Quiet
                              : args.verbose ? reports::Verbosity::Verbose
                                             : reports::Verbosity::Normal;
  reports::ConsoleReporter console(std::cerr, console_options);

  runner::RunOptions options;
  options.suite_files.assign(args.suites.begin(), args.suites.end());
  options.environment = args.environment;
  options.seed = args.seed;
  options.filter = args.filter;
  options.shard = *shard;
  options.concurrency = args.concurrency;
  options.repeat = args.repeat;
  options.insecure = args.insecure;
  options.listen = args.listen;
  options.listen_grpc = args.listen_grpc;
  options.traces_from = args.traces_from;
  options.paths_from = args.paths_from;
  options.otlp_export = args.otlp_export;
  options.baseline = args.baseline;
  options.rate = args.rate;
  options.settle = std::chrono::milliseconds(args.settle_ms);
  options.interrupted = &interrupt_flag();

  runner::RunObserver observer;
  observer.on_start = [&](const auto& suites, std::size_t total) { console.on_start(suites, total); };
  observer.on_case = [&](const auto& result, std::size_t done, std::size_t total) {
    console.on_case(result, done, total);
  };
  observer.on_notice = [&](const std::string& line) {
    if (!args.quiet) fmt::print(stderr, "glassbox: {}\n", line);
  };
  // The load phase's live line, on a terminal only (a log gets the summary notice instead).
  if (caps.progress && !args.quiet)
    observer.on_load_progress = [](const std::string& suite, const std::string& profile, double elapsed_s,
                                   double planned_s, std::uint64_t completed, double rate, std::uint64_t p99_us) {
      std::string planned = planned_s > 0 ? fmt::format(" / {:.0f} s", planned_s) : std::string();
      fmt::print(stderr, "\r\x1b[2Kload {} ({}): {:.1f} s{}, {} requests, {:.0f}/s, p99 {:.1f} ms", suite, profile,
                 elapsed_s, planned, completed, rate, static_cast<double>(p99_us) / 1000.0);
      if (planned_s > 0 && elapsed_s >= planned_s) fmt::print(stderr, "\n");
    };

  runner::RunOutcome outcome = runner::run(options, observer);
  if (outcome.failure != runner::FailureKind::None) {
    fmt::print(stderr, "glassbox: {}\n", outcome.error.to_string());
    // A target down before the first case still gets its reports (every case an error), so
    // a pipeline publishes why nothing ran; the exit code stays 3.
    if (outcome.failure == runner::FailureKind::Infrastructure && !outcome.results.cases.empty()) {
      bool written_ok = true;
      std::vector<std::string> written = write_reports(outcome.results, args.reports, written_ok);
      for (const std::string& path : written) fmt::print(stderr, "glassbox: wrote {}\n", path);
    }
    return outcome.failure == runner::FailureKind::Suite ? kUsage : kInfrastructure;
  }
  bool reports_ok = true;
  std::vector<std::string> written = write_reports(outcome.results, args.reports, reports_ok);
  console.on_finish(outcome.results, written);
  if (outcome.results.interrupted) return kInterrupted;
  if (!reports_ok) return kInfrastructure;
  return outcome.results.passed() ? kPassed : kFailed;
}

}  // namespace

Handler add_run_command(CLI::App& app) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd = app.add_subcommand("run", "Generate the suites' cases, probe the targets, judge and report");
  cmd->add_option("suites", args->suites, "Suite files (YAML)")->required()->option_text("SUITE...");
  cmd->add_option("--env", args->environment, "Environment overlay to apply (alpha, beta, ...)")->option_text("NAME");
  add_report_options(*cmd, args->reports);
  cmd->add_option("--seed", args->seed, "Seed for generated values; same seed, same cases (default 1)");
  cmd->add_option("--filter", args->filter, "Run only cases whose id matches this glob, e.g. 'classify/*'")
      ->option_text("GLOB");
  cmd->add_option("--shard", args->shard, "Run shard I of N (1-based), e.g. 2/3; merge with `glassbox report`")
      ->option_text("I/N");
  cmd->add_option("--baseline", args->baseline,
                  "Compare with an earlier results file (an alpha run, or an earlier beta): latency percentiles, "
                  "error rate, throughput, newly failing cases and lost coverage; a regression fails the run")
      ->option_text("RESULTS.json");
  cmd->add_option("--rate", args->rate, "Start at most R functional cases per second (default: no limit)")
      ->option_text("R")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--concurrency", args->concurrency, "Cases in flight at once (default: the suite's, 8)")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--repeat", args->repeat, "Send every selected case N times (flakiness, quick load); ids get #2, #3, ...")
      ->check(CLI::Range(1, 10000000));
  cmd->add_option("--listen", args->listen,
                  "Receive the services' spans (OTLP/HTTP, Zipkin) on ADDR:PORT, e.g. 127.0.0.1:4318; port 0 picks one")
      ->option_text("ADDR:PORT");
  cmd->add_option("--listen-grpc", args->listen_grpc,
                  "Also receive spans over OTLP/gRPC on ADDR:PORT (the OTLP/gRPC port is 4317), e.g. 127.0.0.1:4317; "
                  "port 0 picks one")
      ->option_text("ADDR:PORT");
  cmd->add_option("--traces-from", args->traces_from,
                  "Fetch each case's trace from a tracing backend: jaeger:URL (query API) or tempo:URL")
      ->option_text("KIND:URL");
  cmd->add_option("--paths-from", args->paths_from,
                  "Path coverage: the span-tree shapes an earlier results file recorded count as declared "
                  "(for path entries the suite declares, e.g. `\"POST /orders\": learn`)")
      ->option_text("RESULTS.json");
  cmd->add_option("--otlp-export", args->otlp_export,
                  "Send the run as a trace (a root span, a span per case under the trace id its probe used, a client "
                  "span per attempt) over OTLP/HTTP to URL, e.g. http://127.0.0.1:4318 (Jaeger, Tempo, a Collector)")
      ->option_text("URL");
  cmd->add_option("--settle", args->settle_ms,
                  "After the last probe, wait until no span batch arrived for MS (bounded by 10x, at least 5 s)")
      ->option_text("MS")
      ->check(CLI::Range(0, 600000));
  cmd->add_flag("--insecure", args->insecure, "Do not verify TLS certificates");
  cmd->add_flag("--no-color", args->no_color, "No ANSI colours (also NO_COLOR=1, CI=1)");
  cmd->add_flag("-q,--quiet", args->quiet, "Print only failures and the totals");
  cmd->add_flag("-v,--verbose", args->verbose, "Print every case as it finishes");
  cmd->footer(
      "Example:\n"
      "  glassbox run suites/examples/demo.yaml --env alpha --junit out/junit.xml \\\n"
      "      --json out/results.json --html out/report --markdown out/summary.md\n"
      "Exit codes: 0 passed, 1 failed, 2 suite/usage error, 3 target unreachable, 130 interrupted.");
  return [args] { return run_command(*args); };
}

}  // namespace glassbox::cli
