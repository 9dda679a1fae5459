// glassbox generate: the cases a run would send, without sending them.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "reports/writers/case_list.hpp"
#include "suites/runner/runner.hpp"

namespace glassbox::cli {

Handler add_generate_command(CLI::App& app) {
  struct Args {
    std::vector<std::string> suites;
    std::uint64_t seed = 1;
    std::string format = "table";
    std::string filter;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("generate", "Print the cases a suite generates, without sending traffic");
  cmd->add_option("suites", args->suites, "Suite files (YAML)")->required()->option_text("SUITE...");
  cmd->add_option("--seed", args->seed, "Seed for generated values (default 1)");
  cmd->add_option("--format", args->format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_option("--filter", args->filter, "Only cases whose id matches this glob")->option_text("GLOB");
  cmd->footer("Example:\n  glassbox generate suites/examples/demo.yaml --format csv > cases.csv");
  return [args] {
    auto loaded = runner::load_and_generate({args->suites.begin(), args->suites.end()}, args->seed);
    if (!loaded) {
      fmt::print(stderr, "glassbox: {}\n", loaded.error().to_string());
      return int(kUsage);
    }
    std::vector<reports::ListedCase> all;
    std::vector<std::string> ids;
    for (const auto& s : *loaded)
      for (const auto& c : s.cases) {
        all.push_back({s.suite.name, &c});
        ids.push_back(c.id);
      }
    std::vector<reports::ListedCase> shown;
    for (std::size_t i : runner::select_cases(ids, args->filter, std::nullopt)) shown.push_back(all[i]);
    fmt::print("{}", reports::format_case_list(shown, *reports::case_list_format(args->format)));
    return int(kPassed);
  };
}

}  // namespace glassbox::cli
