#include "bench/harness/writable.hpp"

#include <fmt/format.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "bench/harness/settings_error.hpp"

namespace bench {
namespace fs = std::filesystem;

namespace {

/// 0 when a file can be created in `folder` (tried: one is created and removed), else errno.
/// access() would not do: it says yes to root everywhere, /proc included.
int probe_folder(const fs::path& folder) {
  std::string probe = (folder / ".isolate-bench-probe-XXXXXX").string();
  const int fd = ::mkstemp(probe.data());
  if (fd < 0) return errno;
  ::close(fd);
  ::unlink(probe.c_str());
  return 0;
}

}  // namespace

fs::path folder_of(const fs::path& path) {
  const auto parent = path.parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

void check_writable_file(const fs::path& path, std::string_view option, bool dash_for_stdout) {
  const std::string_view dash = dash_for_stdout ? ", or - for stdout" : "";
  std::error_code ignored;
  if (fs::is_directory(path, ignored)) {
    throw SettingsError(
        fmt::format("{} '{}': is a folder; accepted: a file path in a writable "
                    "folder{}",
                    option, path.string(), dash));
  }
  fs::path folder = folder_of(path);
  if (fs::exists(path, ignored)) {
    if (::access(path.c_str(), W_OK) != 0) {
      throw SettingsError(
          fmt::format("{} '{}': the file is read-only; accepted: a writable file "
                      "path{}",
                      option, path.string(), dash));
    }
    const auto target = fs::canonical(path, ignored);
    // A device or FIFO is written in place; a regular file is replaced through a temporary
    // in its folder, which must therefore be writable.
    if (!fs::is_regular_file(target, ignored)) return;
    folder = folder_of(target);
  } else if (!fs::is_directory(folder, ignored)) {
    throw SettingsError(
        fmt::format("{} '{}': folder '{}' does not exist; accepted: a file path in "
                    "an existing writable folder{}",
                    option, path.string(), folder.string(), dash));
  }
  if (const int error = probe_folder(folder)) {
    throw SettingsError(
        fmt::format("{} '{}': no file can be created in folder '{}' ({}); accepted: a file path "
                    "in a writable folder{}",
                    option, path.string(), folder.string(), std::strerror(error), dash));
  }
}

void check_writable_folder(const fs::path& folder, std::string_view option) {
  std::error_code ignored;
  fs::path existing = folder;
  while (!existing.empty() && !fs::exists(existing, ignored)) existing = existing.parent_path();
  if (existing.empty()) existing = ".";
  if (!fs::is_directory(existing, ignored)) {
    throw SettingsError(fmt::format("{} '{}': '{}' is not a folder; accepted: a writable folder",
                                    option, folder.string(), existing.string()));
  }
  if (const int error = probe_folder(existing)) {
    throw SettingsError(
        fmt::format("{} '{}': no file can be created in '{}' ({}); accepted: a writable folder",
                    option, folder.string(), existing.string(), std::strerror(error)));
  }
}

}  // namespace bench
