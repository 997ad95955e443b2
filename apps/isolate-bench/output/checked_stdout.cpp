#include "output/checked_stdout.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <stdexcept>

namespace isolate_bench {

namespace {

std::string reason(int error) {
  return "cannot write to stdout: " + std::string(error != 0 ? std::strerror(error) : "I/O error");
}

}  // namespace

void write_stdout(std::string_view text) {
  std::cout.flush();  // keep the order of anything written through std::cout before
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0 ||
      !std::cout) {
    throw std::runtime_error(reason(errno));
  }
}

std::optional<std::string> close_stdout() noexcept {
  errno = 0;
  std::cout.flush();
  const bool written = std::cout.good() && std::fflush(stdout) == 0 && std::ferror(stdout) == 0;
  const int error = errno;
  // fclose reports what a delayed write (NFS, a pipe) only says at the end.
  if (std::fclose(stdout) != 0 && written) return reason(errno);
  if (!written) return reason(error);
  return std::nullopt;
}

}  // namespace isolate_bench
