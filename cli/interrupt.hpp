// Ctrl-C handling: the first SIGINT (or SIGTERM) sets a flag the runner polls, so the run
// stops sending and still writes what it measured; a second one exits at once.
#pragma once

#include <atomic>

namespace glassbox::cli {

void install_interrupt_handler();
const std::atomic<bool>& interrupt_flag();

}  // namespace glassbox::cli
