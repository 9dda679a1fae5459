// What the terminal allows: colour and a progress bar only on a TTY, never under
// NO_COLOR (https://no-color.org) or CI, never when the user said --no-color.
#pragma once

#include <cstdio>

namespace glassbox::cli {

struct TerminalCaps {
  bool color = false;
  bool progress = false;
};

TerminalCaps detect_terminal(std::FILE* stream, bool no_color_flag);

}  // namespace glassbox::cli
