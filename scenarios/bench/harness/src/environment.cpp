#include "bench/harness/environment.hpp"

#include <fmt/format.h>

#include <sys/resource.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <thread>

#include "build_commit.hpp"  // ISOBENCH_COMMIT, stamped at every build

// Build facts come from CMake (see this target's CMakeLists.txt); the fallbacks keep the file
// compilable on its own.
#ifndef ISOBENCH_VERSION
#define ISOBENCH_VERSION "unknown"
#endif
#ifndef ISOBENCH_BUILD_TYPE
#define ISOBENCH_BUILD_TYPE "unknown"
#endif

namespace bench {
namespace {

std::string cpu_model() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      if (colon == std::string::npos) break;
      auto value = line.substr(colon + 1);
      const auto first = value.find_first_not_of(" \t");
      return first == std::string::npos ? "unknown" : value.substr(first);
    }
  }
  return "unknown";
}

std::string compiler() {
#if defined(__clang__)
  return fmt::format("clang++ {}.{}.{}", __clang_major__, __clang_minor__, __clang_patchlevel__);
#elif defined(__GNUC__)
  return fmt::format("g++ {}.{}.{}", __GNUC__, __GNUC_MINOR__, __GNUC_PATCHLEVEL__);
#else
  return "unknown";
#endif
}

std::string utc_timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  if (!gmtime_r(&now, &utc)) return "unknown";
  char buffer[32];
  if (std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc) == 0) return "unknown";
  return buffer;
}

bool needs_quoting(const std::string& argument) {
  if (argument.empty()) return true;
  return argument.find_first_of(" \t\n'\"\\$`!*?;&|<>(){}[]#~") != std::string::npos;
}

}  // namespace

Environment capture_environment(std::string command_line,
                                std::vector<LibraryVersion> extra_libraries) {
  Environment env;
  env.cpu_model = cpu_model();
  env.logical_cores = std::thread::hardware_concurrency();
  double loads[3];
  if (getloadavg(loads, 3) == 3) {
    env.load_average_1m = loads[0];
    env.load_average_5m = loads[1];
    env.load_average_15m = loads[2];
  }
  env.compiler = compiler();
  env.build_type = ISOBENCH_BUILD_TYPE;
  env.commit = ISOBENCH_COMMIT;
  env.version = ISOBENCH_VERSION;
#ifdef ISOBENCH_SIMDJSON_VERSION
  env.libraries.push_back({"simdjson", ISOBENCH_SIMDJSON_VERSION});
#endif
  env.libraries.push_back({"fmt", fmt::format("{}.{}.{}", FMT_VERSION / 10000,
                                              FMT_VERSION / 100 % 100, FMT_VERSION % 100)});
  for (auto& library : extra_libraries) env.libraries.push_back(std::move(library));
  env.timestamp_utc = utc_timestamp();
  env.command_line = std::move(command_line);
  return env;
}

std::uint64_t peak_resident_bytes() noexcept {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0 || usage.ru_maxrss <= 0) return 0;
  return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;  // Linux reports kilobytes
}

void note_library(Environment& environment, LibraryVersion library) {
  auto& libraries = environment.libraries;
  const auto same = std::find_if(libraries.begin(), libraries.end(),
                                 [&](const LibraryVersion& l) { return l.name == library.name; });
  if (same != libraries.end()) {
    *same = std::move(library);
  } else {
    libraries.push_back(std::move(library));
  }
}

std::string join_command_line(int argc, const char* const* argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) {
    if (i > 0) line += ' ';
    std::string argument = argv[i] ? argv[i] : "";
    if (!needs_quoting(argument)) {
      line += argument;
      continue;
    }
    line += '\'';
    for (char c : argument) {
      if (c == '\'') {
        line += "'\\''";
      } else {
        line += c;
      }
    }
    line += '\'';
  }
  return line;
}

std::string version_line() {
  return fmt::format("{} (commit {}, {} build)", ISOBENCH_VERSION, ISOBENCH_COMMIT,
                     ISOBENCH_BUILD_TYPE);
}

}  // namespace bench
