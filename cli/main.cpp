// glassbox: black-box cases, white-box coverage from spans, SLO verdicts, reports.
// main only wires the subcommand table to CLI11 and maps parse errors to exit codes.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

namespace {

using glassbox::cli::Handler;

struct Command {
  const char* name;
  Handler (*add)(CLI::App&);
};

// The subcommands, in the order --help lists them.
constexpr Command kCommands[] = {
    {"run", glassbox::cli::add_run_command},           {"generate", glassbox::cli::add_generate_command},
    {"validate", glassbox::cli::add_validate_command}, {"report", glassbox::cli::add_report_command},
    {"collect", glassbox::cli::add_collect_command},
    {"demo", glassbox::cli::add_demo_command},
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"glassbox: generate black-box cases from a YAML suite, probe services with them, and judge\n"
               "the responses (and, as the suite declares, span coverage and SLOs) into reports.",
               "glassbox"};
  app.set_version_flag("--version", std::string("glassbox ") + GLASSBOX_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  glassbox demo --port 8080                          # start the built-in demo service\n"
      "  glassbox run suites/examples/demo.yaml --html out/report --junit out/junit.xml\n"
      "  glassbox generate suites/examples/demo.yaml --format table\n"
      "Exit codes: 0 passed, 1 a case/goal/SLO failed, 2 usage or suite error,\n"
      "            3 infrastructure error (target unreachable, cannot bind), 130 interrupted.");

  std::vector<std::pair<CLI::App*, Handler>> handlers;
  for (const Command& command : kCommands) {
    std::size_t before = app.get_subcommands({}).size();
    Handler handler = command.add(app);
    handlers.emplace_back(app.get_subcommands({})[before], std::move(handler));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return glassbox::cli::kUsage;
  }
  for (auto& [sub, handler] : handlers)
    if (sub->parsed()) return handler();
  return glassbox::cli::kUsage;
}
