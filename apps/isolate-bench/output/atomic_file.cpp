#include "output/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include "bench/harness/settings_error.hpp"

namespace isolate_bench {
namespace fs = std::filesystem;

namespace {

fs::path folder_of(const fs::path& path) {
  const auto parent = path.parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

[[noreturn]] void fail(const fs::path& path, const char* what, int error) {
  throw std::runtime_error(
      fmt::format("cannot write {}: {}: {}", path.string(), what, std::strerror(error)));
}

/// Writes straight into an existing file that is not a regular file (/dev/null, /dev/stdout,
/// a FIFO): renaming over it would replace the device itself.
void write_in_place(const fs::path& path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) fail(path, "opening", errno);
  std::size_t written = 0;
  while (written < content.size()) {
    const auto n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      fail(path, "writing", error);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) fail(path, "closing", errno);
}

}  // namespace

void write_file_atomically(const fs::path& requested, std::string_view content) {
  std::error_code error_code;
  fs::path path = requested;
  if (fs::exists(requested, error_code)) {
    path = fs::canonical(requested, error_code);  // a symlink keeps pointing at the new file
    if (error_code) path = requested;
    if (!fs::is_regular_file(path, error_code)) return write_in_place(path, content);
  }
  std::string temporary =
      (folder_of(path) / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = mkstemp(temporary.data());
  if (fd < 0) fail(path, "creating a temporary file", errno);
  std::size_t written = 0;
  while (written < content.size()) {
    const auto n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      ::unlink(temporary.c_str());
      fail(path, "writing", error);
    }
    written += static_cast<std::size_t>(n);
  }
  // mkstemp creates 0600; a report is an ordinary file, so honour the umask like open() would.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    fail(path, "closing", error);
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    fail(path, "renaming the temporary file into place", error);
  }
}

void check_writable_file(const fs::path& path, std::string_view option) {
  std::error_code ignored;
  if (fs::is_directory(path, ignored)) {
    throw bench::SettingsError(
        fmt::format("{} '{}': is a folder; accepted: a file path in a writable "
                    "folder, or - for stdout",
                    option, path.string()));
  }
  if (fs::exists(path, ignored)) {
    if (::access(path.c_str(), W_OK) != 0) {
      throw bench::SettingsError(
          fmt::format("{} '{}': the file is read-only; accepted: a writable file "
                      "path, or - for stdout",
                      option, path.string()));
    }
    const auto target = fs::canonical(path, ignored);
    // A device or FIFO is written in place; a regular file is replaced through a temporary
    // in its folder, which must therefore be writable.
    if (!fs::is_regular_file(target, ignored)) return;
    if (::access(folder_of(target).c_str(), W_OK | X_OK) != 0) {
      throw bench::SettingsError(
          fmt::format("{} '{}': folder '{}' is not writable; accepted: a file path "
                      "in a writable folder, or - for stdout",
                      option, path.string(), folder_of(target).string()));
    }
    return;
  }
  const auto folder = folder_of(path);
  if (!fs::is_directory(folder, ignored)) {
    throw bench::SettingsError(
        fmt::format("{} '{}': folder '{}' does not exist; accepted: a file path in "
                    "an existing writable folder, or - for stdout",
                    option, path.string(), folder.string()));
  }
  if (::access(folder.c_str(), W_OK | X_OK) != 0) {
    throw bench::SettingsError(
        fmt::format("{} '{}': folder '{}' is not writable; accepted: a file path in "
                    "a writable folder, or - for stdout",
                    option, path.string(), folder.string()));
  }
}

void check_writable_folder(const fs::path& folder, std::string_view option) {
  std::error_code ignored;
  fs::path existing = folder;
  while (!existing.empty() && !fs::exists(existing, ignored)) existing = existing.parent_path();
  if (existing.empty()) existing = ".";
  if (!fs::is_directory(existing, ignored)) {
    throw bench::SettingsError(
        fmt::format("{} '{}': '{}' is not a folder; accepted: a writable folder", option,
                    folder.string(), existing.string()));
  }
  if (::access(existing.c_str(), W_OK | X_OK) != 0) {
    throw bench::SettingsError(
        fmt::format("{} '{}': '{}' is not writable; accepted: a writable folder", option,
                    folder.string(), existing.string()));
  }
}

}  // namespace isolate_bench
