#pragma once
// stdout that reports its failures: a full disk or a closed descriptor behind stdout makes the
// run fail (exit 1 with one line) instead of ending with exit 0 and nothing written.

#include <optional>
#include <string>
#include <string_view>

namespace isolate_bench {

/// Writes `text` to stdout and flushes it. Throws std::runtime_error ("cannot write to stdout:
/// <reason>") when either fails.
void write_stdout(std::string_view text);

/// Flushes and closes stdout (std::cout included): the reason when that fails, else nullopt.
/// The last thing main() does, so that output nobody checked is checked here.
std::optional<std::string> close_stdout() noexcept;

}  // namespace isolate_bench
