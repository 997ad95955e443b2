#pragma once
// Progress on stderr while a run takes longer than about a second: one line, redrawn in place,
// erased at the end. Only on a terminal and never under --quiet, so pipes and logs stay clean.

#include <chrono>
#include <cstdio>

#include "bench/harness/runner.hpp"

namespace isolate_bench {

class ProgressLine {
 public:
  /// Draws on `stream` only when `enabled` and `stream` is a TTY.
  ProgressLine(std::FILE* stream, bool enabled);
  ~ProgressLine();  ///< erases the line if one was drawn
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  /// The callback for the harness. Never throws.
  bench::ProgressCallback callback();
  void finish() noexcept;

 private:
  void update(const bench::Progress& progress) noexcept;

  std::FILE* stream_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace isolate_bench
