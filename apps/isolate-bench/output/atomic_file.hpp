#pragma once
// Files appear whole or not at all: written to a temporary file in the destination folder, then
// renamed over the destination (rename is atomic within one file system).

#include <filesystem>
#include <string_view>

namespace isolate_bench {

/// Writes `content` to `path` atomically. An existing symlink is followed (the file it points
/// to is replaced); an existing file that is not a regular file (/dev/null, a FIFO) is written
/// in place instead, since renaming over it would replace the device. Throws std::runtime_error
/// (naming the path and the system's reason) when the temporary cannot be created, written or
/// renamed; the temporary is removed then and `path` is left as it was.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// Throws bench::SettingsError naming `option` unless a file could be written at `path`: `path` is
/// not a folder nor read-only, and the folder that will hold the temporary exists and is writable
/// (not needed for an existing device such as /dev/null).
/// Creates nothing.
void check_writable_file(const std::filesystem::path& path, std::string_view option);

/// Throws bench::SettingsError naming `option` unless `folder` is a writable folder, or does not
/// exist yet and could be created (its nearest existing ancestor is a writable folder). Creates
/// nothing.
void check_writable_folder(const std::filesystem::path& folder, std::string_view option);

}  // namespace isolate_bench
