#pragma once
// Whether a file can be written where the user asked, checked before any work: a run must not
// measure for minutes and then find that its report or a scenario's output has nowhere to go.

#include <filesystem>
#include <string_view>

namespace bench {

/// The folder a file at `path` is created in: its parent, or "." for a bare file name.
std::filesystem::path folder_of(const std::filesystem::path& path);

/// Throws SettingsError naming `option` unless a file could be written at `path`: `path` is
/// not a folder nor read-only, and a file can be created in its folder (tried: a probe file is
/// created and removed), which is not needed for an existing device such as /dev/null. The
/// accepted form in the message offers "- for stdout" when the option takes it.
void check_writable_file(const std::filesystem::path& path, std::string_view option,
                         bool dash_for_stdout = true);

/// Throws SettingsError naming `option` unless `folder` is a folder a file can be created
/// in, or does not exist yet and its nearest existing ancestor is such a folder (tried with a
/// probe file, created and removed).
void check_writable_folder(const std::filesystem::path& folder, std::string_view option);

}  // namespace bench
