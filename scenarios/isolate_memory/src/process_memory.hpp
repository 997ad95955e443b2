#pragma once
// What this process holds right now, as the kernel counts it: /proc/self/status.

#include <cstdint>
#include <optional>
#include <string_view>

namespace isolate_memory {

struct ProcessMemory {
  std::int64_t resident_bytes = 0;  ///< VmRSS: pages in RAM (anonymous, file and shared)
  std::int64_t virtual_bytes = 0;   ///< VmSize: address space mapped, used or not
  std::int64_t threads = 0;         ///< Threads: the process's live threads
};

/// Parses the text of a /proc/PID/status file; nullopt when a field is missing or malformed.
std::optional<ProcessMemory> parse_status(std::string_view text);

/// This process, now. Throws std::runtime_error when /proc/self/status cannot be read (not
/// Linux, or /proc not mounted): without it the scenario has nothing to measure.
ProcessMemory read_process_memory();

}  // namespace isolate_memory
