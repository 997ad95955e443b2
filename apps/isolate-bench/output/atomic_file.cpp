#include "output/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>

#include "bench/harness/writable.hpp"
#include "output/abandon.hpp"

namespace isolate_bench {
namespace fs = std::filesystem;
using bench::folder_of;

namespace {

[[noreturn]] void fail(const fs::path& path, const char* what, int error) {
  throw std::runtime_error(
      fmt::format("cannot write {}: {}: {}", path.string(), what, std::strerror(error)));
}

/// Writes all of `content` to `fd`; 0 on success, else the errno of the failed write.
int write_all(int fd, std::string_view content) {
  std::size_t written = 0;
  while (written < content.size()) {
    const auto n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    written += static_cast<std::size_t>(n);
  }
  return 0;
}

/// Writes straight into an existing file that is not a regular file (/dev/null, /dev/stdout,
/// a FIFO): renaming over it would replace the device itself.
void write_in_place(const fs::path& path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) fail(path, "opening", errno);
  if (const int error = write_all(fd, content)) {
    ::close(fd);
    fail(path, "writing", error);
  }
  if (::close(fd) != 0) fail(path, "closing", errno);
}

/// Moves `temporary` to `target` unless `target` exists. false when it exists.
bool rename_exclusively(const std::string& temporary, const fs::path& target) {
  if (::renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) == 0) {
    return true;
  }
  if (errno == EEXIST) return false;
  if (errno != EINVAL && errno != ENOSYS)
    fail(target, "renaming the temporary file into place", errno);
  // A file system without RENAME_NOREPLACE: link() creates the name exclusively as well.
  if (::link(temporary.c_str(), target.c_str()) != 0) {
    if (errno == EEXIST) return false;
    fail(target, "linking the temporary file into place", errno);
  }
  ::unlink(temporary.c_str());
  return true;
}

}  // namespace

ReportFiles::~ReportFiles() {
  for (auto& file : staged_) {
    if (file.temporary.empty()) continue;
    ::unlink(file.temporary.c_str());
    forget_temporary(file.ticket);
  }
}

void ReportFiles::stage(const fs::path& requested, std::string_view content) {
  Staged file;
  file.destination = requested;
  std::error_code error_code;
  if (fs::exists(requested, error_code)) {
    file.destination = fs::canonical(requested, error_code);  // a symlink keeps pointing here
    if (error_code) file.destination = requested;
    if (!fs::is_regular_file(file.destination, error_code)) {
      file.in_place = std::string(content);
      staged_.push_back(std::move(file));
      return;
    }
  }
  const fs::path path = file.destination;
  std::string temporary =
      (folder_of(path) / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) fail(path, "creating a temporary file", errno);
  file.temporary = temporary;
  file.ticket = remember_temporary(temporary.c_str());
  staged_.push_back(std::move(file));  // from here on the destructor removes it
  if (const int error = write_all(fd, content)) {
    ::close(fd);
    fail(path, "writing", error);
  }
  // mkstemp creates 0600; a report is an ordinary file, so honour the umask like open() would.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::close(fd) != 0) fail(path, "closing", errno);
}

void ReportFiles::stage_new(std::function<fs::path(int)> name, std::string_view content) {
  fs::path first = name(1);
  stage(first, content);
  staged_.back().name = std::move(name);
  staged_.back().destination = std::move(first);
}

std::vector<fs::path> ReportFiles::commit() {
  for (const auto& file : staged_) {
    if (file.in_place) write_in_place(file.destination, *file.in_place);
  }
  std::vector<fs::path> created;  // new files, removed again if a later one fails
  try {
    for (auto& file : staged_) {
      if (file.in_place) continue;
      if (file.name) {
        constexpr int kAttempts = 10000;
        int attempt = 1;
        while (!rename_exclusively(file.temporary, file.destination)) {
          if (++attempt > kAttempts) fail(file.destination, "finding a free name", EEXIST);
          file.destination = file.name(attempt);
        }
        created.push_back(file.destination);
      } else if (::rename(file.temporary.c_str(), file.destination.c_str()) != 0) {
        fail(file.destination, "renaming the temporary file into place", errno);
      }
      file.temporary.clear();
      forget_temporary(file.ticket);
    }
  } catch (...) {
    for (const auto& path : created) ::unlink(path.c_str());
    throw;
  }
  std::vector<fs::path> paths;
  for (const auto& file : staged_) paths.push_back(file.destination);
  return paths;
}

void write_file_atomically(const fs::path& path, std::string_view content) {
  ReportFiles files;
  files.stage(path, content);
  files.commit();
}

}  // namespace isolate_bench
