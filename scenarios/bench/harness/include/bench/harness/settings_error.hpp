#pragma once
// SettingsError: a setting the user chose cannot be used. It is the one error type every check of
// a scenario's or the harness's settings throws, always before any work; the command line prints
// what() as one line on stderr and exits with kSettingsExitCode.

#include <stdexcept>
#include <string>

namespace bench {

class SettingsError : public std::invalid_argument {
 public:
  /// `message` names the option, quotes what was given and states the accepted form:
  /// "--fps '0': out of range; accepted: frames per second from 1 to 1000 (e.g. 60)".
  explicit SettingsError(const std::string& message) : std::invalid_argument(message) {}
};

/// The exit code for bad settings (getopt tools use 2; sysexits' EX_USAGE would be 64).
inline constexpr int kSettingsExitCode = 2;

}  // namespace bench
