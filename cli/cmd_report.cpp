// glassbox report: re-render results JSON files into reports, merging shards.
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/report_outputs.hpp"
#include "cli/terminal.hpp"
#include "reports/model/results_json.hpp"
#include "reports/verdicts/comparison.hpp"
#include "reports/writers/console.hpp"

namespace glassbox::cli {

Handler add_report_command(CLI::App& app) {
  struct Args {
    std::vector<std::string> inputs;
    ReportPaths reports;
    std::string baseline;
    bool no_color = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("report", "Re-render results JSON files into reports; several files are merged");
  cmd->add_option("results", args->inputs, "Results JSON files (e.g. one per shard)")->required()->option_text("RESULTS.json...");
  add_report_options(*cmd, args->reports);
  cmd->add_option("--baseline", args->baseline,
                  "Compare the (merged) results with an earlier results file, with the default thresholds "
                  "(p50/p95/p99 +10%, error rate +1 point, throughput -10%, new failures, lost coverage)")
      ->option_text("RESULTS.json");
  cmd->add_flag("--no-color", args->no_color, "No ANSI colours");
  cmd->footer("Example:\n  glassbox report shard-1.json shard-2.json shard-3.json --html out/report --junit out/junit.xml");
  return [args] {
    std::vector<reports::RunResults> parts;
    for (const std::string& file : args->inputs) {
      auto r = reports::read_results_file(file);
      if (!r) {
        fmt::print(stderr, "glassbox: {}\n", r.error().to_string());
        return int(kUsage);
      }
      parts.push_back(std::move(r.value()));
    }
    auto merged = reports::merge_results(parts);
    if (!merged) {
      fmt::print(stderr, "glassbox: {}\n", merged.error().to_string());
      return int(kUsage);
    }
    if (!args->baseline.empty()) {
      auto baseline = reports::read_results_file(args->baseline);
      if (!baseline) {
        fmt::print(stderr, "glassbox: --baseline: {}\n", baseline.error().to_string());
        return int(kUsage);
      }
      merged->comparison = reports::compare_with_defaults(*baseline, *merged, args->baseline);
    }
    bool ok = true;
    auto written = write_reports(*merged, args->reports, ok);
    reports::ConsoleOptions console_options;
    console_options.color = detect_terminal(stderr, args->no_color).color;
    reports::ConsoleReporter(std::cerr, console_options).on_finish(*merged, written);
    if (!ok) return int(kInfrastructure);
    return int(merged->passed() ? kPassed : kFailed);
  };
}

}  // namespace glassbox::cli
