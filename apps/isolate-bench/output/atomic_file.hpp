#pragma once
// Files appear whole or not at all, and a run's reports all or none: each is written to a
// temporary file in its destination folder, and only when every one of them is written are
// they moved into place (rename is atomic within one file system).

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isolate_bench {

/// The report files of one run. stage() writes a report to a temporary; commit() writes the
/// devices among the destinations, then moves every temporary into place. Until commit()
/// has succeeded, every temporary is removed when the object goes (and by a signal, see
/// abandon.hpp), so a failure leaves the destinations as they were and no stray file.
class ReportFiles {
 public:
  ReportFiles() = default;
  ~ReportFiles();
  ReportFiles(const ReportFiles&) = delete;
  ReportFiles& operator=(const ReportFiles&) = delete;

  /// `content` is to replace `path`. An existing symlink is followed (the file it points to is
  /// replaced); an existing file that is not a regular file (/dev/null, a FIFO) is written in
  /// place at commit, since renaming over it would replace the device.
  void stage(const std::filesystem::path& path, std::string_view content);

  /// `content` is to become a new file, never replacing one: at commit it takes the first of
  /// name(1), name(2), ... that does not exist, created exclusively, so concurrent runs that
  /// chose the same name each keep their own file.
  void stage_new(std::function<std::filesystem::path(int attempt)> name, std::string_view content);

  /// Writes and moves everything into place; returns the final paths in the order staged.
  std::vector<std::filesystem::path> commit();

  /// Throws std::runtime_error naming the path and the system's reason, from stage() when a
  /// temporary cannot be created or written, from commit() when a device cannot be written or
  /// a temporary not renamed.

 private:
  struct Staged {
    std::filesystem::path destination;               ///< resolved; for a new file, name(attempt)
    std::function<std::filesystem::path(int)> name;  ///< set for a new file
    std::string temporary;                ///< empty once moved into place, or for a device
    int ticket = -1;                      ///< abandon.hpp's record of the temporary
    std::optional<std::string> in_place;  ///< the content for a device destination
  };
  std::vector<Staged> staged_;
};

/// One file through ReportFiles: staged and committed at once.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace isolate_bench
