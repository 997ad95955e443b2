#pragma once
// The machine and build a report was measured on, captured once per report.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace bench {

struct LibraryVersion {
  std::string name;
  std::string version;
};

struct Environment {
  std::string cpu_model;        ///< /proc/cpuinfo "model name"; "unknown" if unreadable
  unsigned logical_cores = 0;   ///< std::thread::hardware_concurrency(); 0 if unknown
  double load_average_1m = -1;  ///< getloadavg() at capture; -1 if unavailable
  double load_average_5m = -1;
  double load_average_15m = -1;
  std::string compiler;                   ///< "g++ 12.2.0" or "clang++ 14.0.6"
  std::string build_type;                 ///< CMAKE_BUILD_TYPE of this binary: "Release"
  std::string commit;                     ///< short git commit the binary was configured from
  std::string version;                    ///< the project's version: "0.1.0"
  std::vector<LibraryVersion> libraries;  ///< simdjson here; the app adds fmt and CLI11
  /// The process's largest resident set, read when the run ended (getrusage's ru_maxrss): the
  /// run's peak memory. 0 until then, or when unknown.
  std::uint64_t peak_rss_bytes = 0;
  std::string timestamp_utc;  ///< ISO 8601, seconds: "2024-05-01T12:34:56Z"
  std::string command_line;   ///< the arguments as typed, shell-quoted where needed
};

/// Reads the environment now. Never throws for an unreadable source: the field says
/// "unknown" (strings) or holds its documented fallback. `extra_libraries` are appended.
Environment capture_environment(std::string command_line,
                                std::vector<LibraryVersion> extra_libraries = {});

/// The process's peak resident set so far, in bytes; 0 when the system does not tell.
std::uint64_t peak_resident_bytes() noexcept;

/// Adds `library` to `environment`, replacing an entry of the same name (a scenario that says
/// which variant of a library it ran).
void note_library(Environment& environment, LibraryVersion library);

/// Joins argv into one line, quoting arguments with spaces or shell metacharacters.
std::string join_command_line(int argc, const char* const* argv);

/// The project's version and commit, as compiled in: "0.1.0 (commit abc123def456)".
std::string version_line();

}  // namespace bench
