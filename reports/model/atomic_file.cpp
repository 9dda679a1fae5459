// POSIX open/write/fsync/rename: std::ofstream cannot fsync, and without the fsync a
// crash after the rename can leave an empty file under the final name.
#include "reports/model/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <system_error>

#include <fmt/format.h>

namespace glassbox::reports {

namespace {

Status failure(const std::filesystem::path& path, const std::string& reason) {
  return Error{fmt::format("cannot write report '{}': {}", path.string(), reason), {}};
}

// Unique per process and call, so concurrent writers (threads or processes) of the same
// report never share a temporary.
std::filesystem::path temporary_beside(const std::filesystem::path& path) {
  static std::atomic<unsigned> counter{0};
  const std::string name =
      fmt::format(".{}.tmp-{}-{}", path.filename().string(), static_cast<long>(::getpid()), counter.fetch_add(1));
  return path.parent_path() / name;
}

bool write_all(int fd, std::string_view contents) {
  while (!contents.empty()) {
    const ssize_t n = ::write(fd, contents.data(), contents.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    contents.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Makes the rename itself durable. Best effort: some file systems refuse fsync on folders.
void sync_folder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

Status write_file_atomically(const std::filesystem::path& path, std::string_view contents) {
  if (path.filename().empty()) return failure(path, "not a file name");
  const std::filesystem::path folder = path.parent_path();
  if (!folder.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) return failure(path, ec.message());
  }
  const std::filesystem::path temporary = temporary_beside(path);
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) return failure(path, std::strerror(errno));
  if (!write_all(fd, contents) || ::fsync(fd) != 0) {
    const int saved = errno;
    ::close(fd);
    ::unlink(temporary.c_str());
    return failure(path, std::strerror(saved));
  }
  if (::close(fd) != 0) {
    const int saved = errno;
    ::unlink(temporary.c_str());
    return failure(path, std::strerror(saved));
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temporary.c_str());
    return failure(path, std::strerror(saved));
  }
  sync_folder(folder);
  return ok_status();
}

}  // namespace glassbox::reports
