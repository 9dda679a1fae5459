#include "cli/interrupt.hpp"

#include <csignal>
#include <unistd.h>

#include "cli/exit_codes.hpp"

namespace glassbox::cli {

namespace {
std::atomic<bool> g_interrupted{false};

extern "C" void on_signal(int) {
  if (g_interrupted.exchange(true)) _exit(kInterrupted);  // second signal: the user means it
}
}  // namespace

void install_interrupt_handler() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

const std::atomic<bool>& interrupt_flag() { return g_interrupted; }

}  // namespace glassbox::cli
