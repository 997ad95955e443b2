#pragma once
// The text of the progress line, apart from the terminal it is drawn on: a pure function, so
// its wording and its fit to the width are testable.

#include <chrono>
#include <cstddef>
#include <string>

#include "bench/harness/runner.hpp"

namespace isolate_bench {

/// "main · repetition 3/10 · set 1/2 2 MB (2000000 bytes), 3582 products… · 12 s": the mode, the
/// repetition of how many (warm-ups named as such; with -r auto, where the set stands in its
/// time budget, since the count is not known in advance: "repetition 7 (auto, 4 s of 15 s)"),
/// the parameter set, the time since the run began. At most `columns` columns: the set's label
/// gives way first (cut with "…"), so the count and the time stay in view. `unicode`: "·" and
/// "…", else "|" and "...".
std::string progress_text(const bench::Progress& progress, std::chrono::nanoseconds elapsed,
                          std::size_t columns, bool unicode);

}  // namespace isolate_bench
