#include "sha256/file_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace sha256 {
namespace {

[[noreturn]] void refuse(const std::string& path, const std::string& problem) {
  throw InputError("input '" + path + "': " + problem);
}

const char* kind_of(mode_t mode) {
  switch (mode & S_IFMT) {
    case S_IFDIR:
      return "a folder, not a file";
    case S_IFIFO:
      return "a FIFO (named pipe), not a regular file";
    case S_IFSOCK:
      return "a socket, not a regular file";
    case S_IFCHR:
    case S_IFBLK:
      return "a device, not a regular file";
    default:
      return "not a regular file";
  }
}

}  // namespace

FileReader::FileReader(const std::filesystem::path& path) : path_(path.string()) {
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever. For a regular file
  // it changes nothing, and it is cleared below before any read.
  fd_ = ::open(path_.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd_ < 0) refuse(path_, errno == ENOENT ? "no such file" : std::strerror(errno));
  struct stat status {};
  if (::fstat(fd_, &status) != 0) {
    const int error = errno;
    ::close(fd_);
    refuse(path_, std::strerror(error));
  }
  if ((status.st_mode & S_IFMT) != S_IFREG) {
    ::close(fd_);
    refuse(path_, kind_of(status.st_mode));
  }
  const int flags = ::fcntl(fd_, F_GETFL);
  if (flags >= 0) ::fcntl(fd_, F_SETFL, flags & ~O_NONBLOCK);
  size_ = static_cast<std::uint64_t>(status.st_size);
  // The file is read once, front to back: let the kernel read ahead generously.
  ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
}

FileReader::~FileReader() {
  if (fd_ >= 0) ::close(fd_);
}

FileReader::FileReader(FileReader&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)),
      size_(std::exchange(other.size_, 0)) {}

FileReader& FileReader::operator=(FileReader&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

std::size_t FileReader::read(std::span<std::uint8_t> into) {
  std::size_t filled = 0;
  while (filled < into.size()) {
    const ssize_t got = ::read(fd_, into.data() + filled, into.size() - filled);
    if (got < 0) {
      if (errno == EINTR) continue;
      refuse(path_, std::string("read failed: ") + std::strerror(errno));
    }
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  return filled;
}

bool FileReader::read_chunk(std::vector<std::uint8_t>& buffer, std::size_t chunk) {
  buffer.resize(chunk);
  buffer.resize(read(buffer));
  return !buffer.empty();
}

std::vector<std::uint8_t> read_whole_file(const std::filesystem::path& path) {
  FileReader reader(path);
  std::vector<std::uint8_t> bytes;
  std::vector<std::uint8_t> chunk;
  while (reader.read_chunk(chunk, 1 << 16)) bytes.insert(bytes.end(), chunk.begin(), chunk.end());
  return bytes;
}

}  // namespace sha256
