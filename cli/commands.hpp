// One function per subcommand; each adds its options to the app and returns the handler
// that runs after parsing. Handlers are thin: call the library, map the result to an
// exit code (exit_codes.hpp).
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace glassbox::cli {

using Handler = std::function<int()>;

Handler add_run_command(CLI::App& app);
Handler add_generate_command(CLI::App& app);
Handler add_validate_command(CLI::App& app);
Handler add_report_command(CLI::App& app);
Handler add_collect_command(CLI::App& app);
Handler add_demo_command(CLI::App& app);

}  // namespace glassbox::cli
