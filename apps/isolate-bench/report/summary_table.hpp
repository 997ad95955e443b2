#pragma once
// The summary table shared by the terminal and Markdown writers: one column per mode (baseline
// first), one row per figure, already formatted for humans.

#include <optional>
#include <string>
#include <vector>

#include "bench/harness/result.hpp"

namespace isolate_bench {

struct SummaryRow {
  std::string label;
  std::vector<std::string> cells;  ///< one per mode
  bool starts_group = false;       ///< first row of a metric or section
};

struct SummaryTable {
  std::vector<std::string> header;  ///< first cell empty, then one per mode
  std::vector<SummaryRow> rows;
  /// Sentences under the table: which figures are unstable (marked '*' in cells), outliers,
  /// what the comparison with the baseline means, and (with -r auto) how many rounds ran.
  std::vector<std::string> footnotes;
};

/// The table of one parameter set. `ascii` avoids "µ" and "…".
SummaryTable build_summary_table(const bench::ScenarioResult& result,
                                 const bench::ParameterResult& set, bool ascii);

/// "10 repetitions per mode after 1 warm-up · 60 fps, 2 ms of UI work per frame · seed 42".
std::string describe_settings(const bench::ScenarioResult& result, bool ascii);

/// With -r auto: how many rounds ran and why they stopped, naming the modes whose median
/// interval stayed wider than ±5 %. Empty for a fixed -r N.
std::optional<std::string> describe_rounds(const bench::ScenarioResult& result,
                                           const bench::ParameterResult& set);

/// "thread — repetition 4 of 10 (the median by result received)".
std::string describe_representative(const bench::ScenarioResult& result,
                                    const bench::ModeResult& mode);

/// Environment facts as "name: value" pairs, in a fixed order.
std::vector<std::pair<std::string, std::string>> describe_environment(
    const bench::ScenarioResult& result);

/// Columns `text` takes on a terminal: UTF-8 code points (every character used here is one
/// column wide).
std::size_t display_width(const std::string& text);

}  // namespace isolate_bench
