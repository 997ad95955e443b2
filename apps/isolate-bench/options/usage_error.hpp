#pragma once
// UsageError: bad user input. The command prints what() as one line on stderr and exits 2.

#include <stdexcept>
#include <string>

namespace isolate_bench {

class UsageError : public std::runtime_error {
 public:
  /// `message` names the option and the accepted form: "--fps '0' is out of range; accepted: ..."
  explicit UsageError(const std::string& message) : std::runtime_error(message) {}
};

/// The exit code for bad input (sysexits' EX_USAGE is 64; the project uses 2, as getopt tools do).
inline constexpr int kUsageExitCode = 2;

}  // namespace isolate_bench
