#include "cli/terminal.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string_view>

namespace glassbox::cli {

namespace {
bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v && *v;
}
}  // namespace

TerminalCaps detect_terminal(std::FILE* stream, bool no_color_flag) {
  TerminalCaps caps;
  bool tty = isatty(fileno(stream)) == 1;
  bool dumb = env_set("TERM") && std::string_view(std::getenv("TERM")) == "dumb";
  caps.progress = tty && !dumb && !env_set("CI");
  caps.color = tty && !dumb && !no_color_flag && !env_set("NO_COLOR") && !env_set("CI");
  return caps;
}

}  // namespace glassbox::cli
