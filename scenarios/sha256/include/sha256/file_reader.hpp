#pragma once
// Streams a user's file in chunks: the file is never read whole, so hashing a 4 GB file holds a
// few chunks in memory, not 4 GB.

#include <cstdint>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace sha256 {

/// A file that cannot be hashed. what() is one line: "input 'x': <problem>".
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An open regular file, read front to back. Not copyable; movable.
class FileReader {
 public:
  /// Opens `path` without ever blocking: the open is non-blocking and the file must then turn out
  /// to be a regular file (a FIFO or device swapped in after a check is refused, not waited on).
  /// Throws InputError for a missing, unreadable or non-regular file.
  explicit FileReader(const std::filesystem::path& path);
  ~FileReader();
  FileReader(FileReader&& other) noexcept;
  FileReader& operator=(FileReader&& other) noexcept;
  FileReader(const FileReader&) = delete;
  FileReader& operator=(const FileReader&) = delete;

  /// The file's size when opened.
  std::uint64_t size() const noexcept { return size_; }

  /// Reads up to `into.size()` bytes (fewer only at the end of the file); returns how many were
  /// read, 0 at the end. Throws InputError on a read error.
  std::size_t read(std::span<std::uint8_t> into);

  /// Reads the next chunk of up to `chunk` bytes into `buffer` (resized to what was read; its
  /// capacity is reused). Returns false, with `buffer` empty, at the end of the file.
  bool read_chunk(std::vector<std::uint8_t>& buffer, std::size_t chunk);

 private:
  std::string path_;
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

/// The whole file's bytes. For tests and small files only: the scenario streams.
std::vector<std::uint8_t> read_whole_file(const std::filesystem::path& path);

}  // namespace sha256
