// run_log_command: /bin/sh -c with posix_spawn, stdout and stderr read through pipes with
// poll so one deadline bounds both the reading and the wait.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <thread>

#include <fmt/format.h>

#include "probes/logs/log_reader.hpp"

extern char** environ;

namespace glassbox::probes::logs {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kStandardErrorKept = 4096;

// Closes its descriptor once; -1 means none.
class Fd final {
 public:
  Fd() = default;
  void adopt(int fd) {
    reset();
    fd_ = fd;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

struct Pipe {
  Fd read;
  Fd write;
};

Expected<Unit> make_pipe(Pipe& pipe) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return Error(std::strerror(errno));
  pipe.read.adopt(fds[0]);
  pipe.write.adopt(fds[1]);
  return ok_status();
}

int remaining_ms(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

// Spawns sh in its own process group (pgid = its pid), stdin from /dev/null.
Expected<pid_t> spawn_shell(const std::string& command, const Pipe& out, const Pipe& err) {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attributes);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out.write.get(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.write.get(), STDERR_FILENO);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  std::string shell = "/bin/sh";
  std::string dash_c = "-c";
  std::string text = command;
  std::array<char*, 4> argv{shell.data(), dash_c.data(), text.data(), nullptr};
  pid_t pid = 0;
  int failed = posix_spawn(&pid, shell.c_str(), &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (failed != 0) return Error(std::strerror(failed));
  return pid;
}

// Reads what is available on `fd` into `into`, keeping at most `keep` bytes in total.
// Returns false at end of file or on a read error. `overflow` is set when bytes beyond
// `keep` arrived.
bool drain(int fd, std::string& into, std::size_t keep, bool& overflow) {
  std::array<char, 65536> buffer;
  ssize_t got = ::read(fd, buffer.data(), buffer.size());
  if (got < 0 && errno == EINTR) return true;
  if (got <= 0) return false;
  std::size_t room = keep - into.size();
  std::size_t take = std::min(room, static_cast<std::size_t>(got));
  into.append(buffer.data(), take);
  if (take < static_cast<std::size_t>(got)) overflow = true;
  return true;
}

void kill_group(pid_t pid) { ::kill(-pid, SIGKILL); }

}  // namespace

std::string CommandOutput::describe(const ReadLimits& limits) const {
  switch (end) {
    case CommandEnd::exited: return fmt::format("exited with status {}", status);
    case CommandEnd::signalled: return fmt::format("killed by signal {}", status);
    case CommandEnd::timed_out:
      return fmt::format("timed out after {} ms", limits.command_timeout.count());
    case CommandEnd::output_limit:
      return fmt::format("stopped after {} bytes of output", limits.max_total_bytes);
  }
  return "ended";
}

Expected<CommandOutput> run_log_command(const std::string& command, const ReadLimits& limits) {
  auto fail = [&](const std::string& why) {
    return Error(fmt::format("cannot run log command '{}': {}", command, why));
  };
  Pipe out;
  Pipe err;
  if (auto made = make_pipe(out); !made) return fail(made.error().message);
  if (auto made = make_pipe(err); !made) return fail(made.error().message);
  auto pid = spawn_shell(command, out, err);
  if (!pid) return fail(pid.error().message);
  out.write.reset();
  err.write.reset();

  const auto deadline = Clock::now() + limits.command_timeout;
  CommandOutput result;
  bool overflow = false;
  bool out_open = true;
  bool err_open = true;
  bool killed = false;
  while ((out_open || err_open) && !killed) {
    std::array<pollfd, 2> fds{pollfd{out_open ? out.read.get() : -1, POLLIN, 0},
                              pollfd{err_open ? err.read.get() : -1, POLLIN, 0}};
    int ready = ::poll(fds.data(), fds.size(), remaining_ms(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {
      result.end = CommandEnd::timed_out;
      killed = true;
      break;
    }
    if (fds[0].revents != 0) {
      out_open = drain(out.read.get(), result.standard_output, limits.max_total_bytes, overflow);
    }
    if (fds[1].revents != 0) {
      bool ignored = false;
      err_open = drain(err.read.get(), result.standard_error, kStandardErrorKept, ignored);
    }
    if (overflow) {
      result.end = CommandEnd::output_limit;
      killed = true;
    }
  }

  // The pipes can close before the shell exits (a command that closes stdout and keeps
  // running), so the wait shares the same deadline; polling waitpid is the portable way.
  int wait_status = 0;
  while (!killed) {
    pid_t done = ::waitpid(*pid, &wait_status, WNOHANG);
    if (done == *pid) break;
    if (done < 0 && errno != EINTR) return fail(std::strerror(errno));
    if (remaining_ms(deadline) == 0) {
      result.end = CommandEnd::timed_out;
      killed = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (killed) {
    kill_group(*pid);
    while (::waitpid(*pid, &wait_status, 0) < 0 && errno == EINTR) {
    }
    result.status = SIGKILL;
    return result;
  }
  if (WIFEXITED(wait_status)) {
    result.end = CommandEnd::exited;
    result.status = WEXITSTATUS(wait_status);
  } else if (WIFSIGNALED(wait_status)) {
    result.end = CommandEnd::signalled;
    result.status = WTERMSIG(wait_status);
  }
  return result;
}

}  // namespace glassbox::probes::logs
