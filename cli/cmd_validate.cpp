// glassbox validate: load and lint suites (every technique applied), no traffic.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "suites/runner/runner.hpp"

namespace glassbox::cli {

Handler add_validate_command(CLI::App& app) {
  auto suites = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("validate", "Check suites for errors without sending traffic");
  cmd->add_option("suites", *suites, "Suite files (YAML)")->required()->option_text("SUITE...");
  cmd->footer("Example:\n  glassbox validate suites/*.yaml   # exit 2 and file:line:column on the first error");
  return [suites] {
    int status = kPassed;
    // Each file on its own, so one broken suite does not hide the state of the others.
    for (const std::string& file : *suites) {
      auto loaded = runner::load_and_generate({file}, 1);
      if (!loaded) {
        fmt::print(stderr, "{}\n", loaded.error().to_string());
        status = kUsage;
        continue;
      }
      const auto& s = loaded->front();
      fmt::print("{}: ok (suite '{}', {} requests, {} inputs, {} cases)\n", file, s.suite.name,
                 s.suite.requests.size(), s.suite.inputs.size(), s.cases.size());
    }
    return status;
  };
}

}  // namespace glassbox::cli
