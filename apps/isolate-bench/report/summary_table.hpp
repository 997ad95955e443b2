#pragma once
// The detailed table shared by the terminal and Markdown writers (--details): one column per
// mode (baseline first), one row per figure, already formatted for humans. A step no mode of the
// set has is one footnote instead of a row of blanks; metrics equal in every repetition of every
// mode (decode and parse when nothing is mapped) share one row, named after both.

#include <optional>
#include <string>
#include <vector>

#include "bench/harness/result.hpp"
#include "report/text_layout.hpp"

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

/// Whether `key` is one of the frame metrics the harness adds to every scenario.
bool is_frame_metric(const std::string& key);

/// Whether `mode` measured nothing of `metric`: a duration or size that is exactly 0 in every
/// repetition is a step the mode does not have (`copy in` of the main isolate, `map` of a decoder
/// that does not map), so the tables leave its cell blank; CSV and JSON keep the zeros.
bool measured_nothing(const bench::ModeResult& mode, const bench::MetricSpec& metric);

}  // namespace isolate_bench
