#pragma once
// The compact table the default report opens with: one row per mode, the figures a reader
// decides on (the primary metric with its range, the verdict against the baseline with the
// ratio's 95 % range, the main isolate's own share where the scenario measures it, frames
// dropped and janky) and the mode's filmstrip beside them. The shape of hyperfine's summary
// and of DevTools' frame bars side by side; every other figure is one flag away (--details).

#include <cstddef>
#include <string>
#include <vector>

#include "bench/harness/result.hpp"

namespace isolate_bench {

/// The metric key scenarios give the main isolate's own share of the work ("main isolate
/// busy"): when a scenario declares it, the compact table shows it.
inline constexpr const char* kMainIsolateBusyKey = "main_thread_ns";

/// How a cell asks to be drawn where colour is available.
enum class CellTone { plain, dropped, janky };

struct CompactCell {
  std::string text;  ///< empty: the mode measured nothing there
  bool unstable = false;
  CellTone tone = CellTone::plain;
};

struct CompactColumn {
  std::string header;
  bool numeric = true;     ///< right-aligned
  bool droppable = false;  ///< left out where the table would not fit (it is in --details)
};

struct CompactRow {
  std::string mode;
  bool baseline = false;
  bool best = false;               ///< the best mode other than the baseline (see best_mode)
  std::vector<CompactCell> cells;  ///< one per CompactTable::columns
  const bench::FrameLog* frames = nullptr;  ///< the representative repetition's; null: none
};

struct CompactTable {
  std::string heading;  ///< the parameter set and how many repetitions ran
  std::vector<CompactColumn> columns;
  std::vector<CompactRow> rows;
  std::size_t figures = 0;   ///< cells that can be marked unstable (times, sizes), shown
  std::size_t unstable = 0;  ///< of those, marked
};

/// The compact table of one parameter set. `ascii` avoids "µ" and "…".
CompactTable build_compact_table(const bench::ScenarioResult& result,
                                 const bench::ParameterResult& set, bool ascii);

/// Index into set.modes of the mode other than the baseline a reader should look at first:
/// fewest frames dropped, then fewest janky, then the best primary metric. -1 with one mode.
int best_mode(const bench::ScenarioResult& result, const bench::ParameterResult& set);

/// The footer lines under the compact tables (each one sentence, no '\n'): what the row
/// marker and the filmstrip cells mean, what the ratio is, and how many figures vary.
/// `strips_compressed`: some strip shows the worst of several VSyncs per cell.
std::vector<std::string> compact_footer(const bench::ScenarioResult& result,
                                        const std::vector<CompactTable>& tables, bool ascii,
                                        bool strips_compressed);

}  // namespace isolate_bench
