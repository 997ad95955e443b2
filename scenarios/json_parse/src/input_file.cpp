#include "json_parse/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "json_parse/dynamic_decoder.hpp"
#include "json_parse/errors.hpp"

namespace json_parse {

namespace {

// Closes the descriptor on every path out of read_input_file.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

[[noreturn]] void unreadable(const std::filesystem::path& path, int error) {
  throw InputError(InputProblem::unreadable, path, std::nullopt,
                   std::string("cannot read the file: ") + std::strerror(error));
}

InputProblem input_problem(JsonProblem problem) {
  switch (problem) {
    case JsonProblem::empty:
      return InputProblem::empty_file;
    case JsonProblem::invalid_utf8:
      return InputProblem::invalid_utf8;
    case JsonProblem::truncated:
      return InputProblem::truncated;
    case JsonProblem::too_large:
      return InputProblem::too_large;
    case JsonProblem::out_of_range:
      return InputProblem::out_of_range;
    case JsonProblem::too_deep:
      return InputProblem::too_deep;
    case JsonProblem::malformed:
    case JsonProblem::not_a_product:
      break;
  }
  return InputProblem::malformed;
}

}  // namespace

std::string read_input_file(const std::filesystem::path& path) {
  // open first, then fstat the descriptor: the file checked is the file read.
  FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) {
    if (errno == ENOENT || errno == ENOTDIR) {
      throw InputError(InputProblem::missing_file, path, std::nullopt, "no such file");
    }
    if (errno == EISDIR) {
      throw InputError(InputProblem::not_a_regular_file, path, std::nullopt,
                       "is a directory, not a JSON file");
    }
    unreadable(path, errno);
  }
  struct stat status {};
  if (::fstat(file.get(), &status) != 0) unreadable(path, errno);
  if (S_ISDIR(status.st_mode)) {
    throw InputError(InputProblem::not_a_regular_file, path, std::nullopt,
                     "is a directory, not a JSON file");
  }
  if (!S_ISREG(status.st_mode)) {
    throw InputError(InputProblem::not_a_regular_file, path, std::nullopt, "is not a regular file");
  }
  // The size is checked before a byte is read: a file beyond what the parser accepts is
  // refused at once, not after minutes of reading and gigabytes of memory.
  if (static_cast<std::uint64_t>(status.st_size) > kLargestJsonBytes) {
    throw InputError(InputProblem::too_large, path, std::nullopt,
                     describe(JsonProblem::too_large) + std::string(": ") +
                         std::to_string(status.st_size) + " bytes; the parser accepts up to " +
                         std::to_string(kLargestJsonBytes));
  }
  // A regular file may report 0 bytes and still hold text (/proc/cpuinfo): read to the end.
  const auto size = static_cast<std::size_t>(status.st_size);
  const bool size_known = size != 0;
  std::string body;
  body.reserve((size_known ? size : std::size_t{4096}) + kJsonPadding);
  body.resize(size_known ? size : std::size_t{4096});
  std::size_t done = 0;
  for (;;) {
    if (done == body.size()) {
      if (size_known) break;
      if (body.size() > kLargestJsonBytes) {
        throw InputError(InputProblem::too_large, path, std::nullopt,
                         std::string(describe(JsonProblem::too_large)) + ": more than " +
                             std::to_string(kLargestJsonBytes) +
                             " bytes; the parser accepts up to " +
                             std::to_string(kLargestJsonBytes));
      }
      body.reserve(2 * body.size() + kJsonPadding);
      body.resize(2 * body.size());
    }
    const ssize_t got = ::read(file.get(), body.data() + done, body.size() - done);
    if (got < 0) {
      if (errno == EINTR) continue;
      unreadable(path, errno);
    }
    if (got == 0) break;  // the end, or the file shrank while we read it: decode what is there
    done += static_cast<std::size_t>(got);
  }
  body.resize(done);
  if (done == 0) {
    throw InputError(InputProblem::empty_file, path, 0, "the file is empty (0 bytes)");
  }
  return body;
}

iso::Value decode_input(const std::filesystem::path& path, PaddedView body) {
  try {
    return DynamicDecoder().decode(body);
  } catch (const DecodeError& error) {
    throw InputError(input_problem(error.problem()), path, error.offset(), error.what());
  }
}

std::size_t count_json_values(std::string_view text) {
  // Outside strings every value but the first follows a ',' or opens with '[' or '{' (an
  // empty container is one value all the same); inside strings nothing counts.
  std::size_t values = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == ',' || c == '[' || c == '{') {
      ++values;
    }
  }
  return values + 1;
}

InputDocument load_input(const std::filesystem::path& path) {
  InputDocument document;
  document.body = read_input_file(path);
  document.value = decode_input(path, padded_view(document.body));
  document.mapping = try_map_products(document.value);
  return document;
}

}  // namespace json_parse
