#include "process_memory.hpp"

#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace isolate_memory {
namespace {

/// The number after "Name:" on its line, times `scale`; nullopt when absent or malformed.
std::optional<std::int64_t> field(std::string_view text, std::string_view name,
                                  std::int64_t scale) {
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (line.size() <= name.size() || line.substr(0, name.size()) != name ||
        line[name.size()] != ':') {
      continue;
    }
    std::string_view value = line.substr(name.size() + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
      value.remove_prefix(1);
    }
    std::int64_t number = 0;
    const auto [next, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc() || next == value.data()) return std::nullopt;
    return number * scale;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ProcessMemory> parse_status(std::string_view text) {
  // The kernel writes VmRSS and VmSize in kB, which there means KiB.
  const auto resident = field(text, "VmRSS", 1024);
  const auto address_space = field(text, "VmSize", 1024);
  const auto threads = field(text, "Threads", 1);
  if (!resident || !address_space || !threads) return std::nullopt;
  return ProcessMemory{*resident, *address_space, *threads};
}

ProcessMemory read_process_memory() {
  std::ifstream file("/proc/self/status");
  std::ostringstream text;
  text << file.rdbuf();
  const auto memory = file ? parse_status(text.str()) : std::nullopt;
  if (!memory) {
    throw std::runtime_error(
        "isolate-memory: cannot read VmRSS, VmSize and Threads from "
        "/proc/self/status (Linux only)");
  }
  return *memory;
}

}  // namespace isolate_memory
