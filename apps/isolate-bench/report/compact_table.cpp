#include "report/compact_table.hpp"

#include <fmt/format.h>

#include <cmath>
#include <tuple>

#include "bench/harness/frame_metrics.hpp"
#include "bench/harness/units.hpp"
#include "report/summary_table.hpp"

namespace isolate_bench {
namespace {

namespace frame_keys = bench::frame_metric_keys;

/// "11…41 ms" for 11 ms and 41 ms: the unit once when both ends share it.
std::string compact_range(const std::string& low, const std::string& high,
                          const std::string& separator) {
  const auto low_space = low.rfind(' ');
  const auto high_space = high.rfind(' ');
  if (low_space != std::string::npos && high_space != std::string::npos &&
      low.substr(low_space) == high.substr(high_space)) {
    return low.substr(0, low_space) + separator + high;
  }
  return low + separator + high;
}

std::string ratio_range(const bench::Interval& interval, const std::string& separator) {
  std::string low = bench::format_ratio(interval.low);
  std::string high = bench::format_ratio(interval.high);
  if (!low.empty() && low.back() == 'x' && !high.empty() && high.back() == 'x') low.pop_back();
  return low + separator + high;
}

/// "faster 1.21…1.40x", "slower 0.37…0.74x", "unclear 0.05…1.13x" (no clear difference: the
/// interval holds 1), "unclear, 3 rounds" (too few for a 95 % interval). The speedup is the
/// CSV's: above 1 the mode did better.
std::string verdict_cell(const bench::PairedRatio& ratio, const bench::MetricSpec& metric,
                         const std::string& dots) {
  if (!ratio.interval.reaches_level()) {
    return fmt::format("unclear, {} round{}", ratio.pairs, ratio.pairs == 1 ? "" : "s");
  }
  const std::string word =
      ratio.verdict == bench::Verdict::no_clear_difference
          ? std::string("unclear")
          : std::string(bench::verdict_word(ratio.verdict, bench::is_time(metric)));
  return word + " " + ratio_range(ratio.interval, dots);
}

/// The median of `key` for `mode`, as a cell; empty when the mode lacks it or measured nothing.
CompactCell median_cell(const bench::ModeResult& mode, const bench::MetricSpec& metric,
                        bool ascii) {
  const auto* summary = mode.summary(metric.key);
  if (summary == nullptr || measured_nothing(mode, metric)) return {};
  const auto& s = summary->statistics;
  const bool mark = s.unstable && !is_frame_metric(metric.key);
  return {bench::format_value(s.median, metric.unit, ascii) + (mark ? "*" : ""), mark,
          CellTone::plain};
}

double median_or(const bench::ModeResult& mode, const std::string& key, double fallback) {
  const auto* summary = mode.summary(key);
  return summary ? summary->statistics.median : fallback;
}

}  // namespace

int best_mode(const bench::ScenarioResult& result, const bench::ParameterResult& set) {
  const auto& primary = result.primary_metric();
  int best = -1;
  std::tuple<double, double, double> best_key{};
  for (std::size_t i = 0; i < set.modes.size(); ++i) {
    const auto& mode = set.modes[i];
    if (mode.baseline || mode.repetitions.empty()) continue;
    const double value = median_or(mode, primary.key, NAN);
    if (std::isnan(value)) continue;
    const std::tuple key{median_or(mode, frame_keys::dropped, 0),
                         median_or(mode, frame_keys::janky, 0),
                         primary.lower_is_better ? value : -value};
    if (best < 0 || key < best_key) {
      best = static_cast<int>(i);
      best_key = key;
    }
  }
  return best;
}

CompactTable build_compact_table(const bench::ScenarioResult& result,
                                 const bench::ParameterResult& set, bool ascii) {
  CompactTable table;
  const std::string dots = ascii ? ".." : "…";
  const auto& primary = result.primary_metric();
  const auto& baseline = set.modes.front();
  const bool compared = set.modes.size() > 1;
  const auto* busy = bench::find_metric(result, kMainIsolateBusyKey);
  const auto* dropped = bench::find_metric(result, frame_keys::dropped);
  const auto* janky = bench::find_metric(result, frame_keys::janky);

  // How the rounds ended (-r auto) and which medians stayed wide are in --details.
  table.heading =
      fmt::format("{} · {} round{}", set.parameters.label, set.rounds, set.rounds == 1 ? "" : "s");

  table.columns.push_back({primary.label});
  table.columns.push_back({"min" + dots + "max", true, true});
  if (compared) {
    table.columns.push_back({"vs " + baseline.mode.name + ", speedup", false});
  }
  if (busy != nullptr) table.columns.push_back({"main busy"});
  if (dropped != nullptr) table.columns.push_back({"dropped"});
  if (janky != nullptr) table.columns.push_back({"janky"});

  const int best = best_mode(result, set);
  for (std::size_t i = 0; i < set.modes.size(); ++i) {
    const auto& mode = set.modes[i];
    CompactRow row;
    row.mode = mode.mode.name;
    row.baseline = mode.baseline;
    row.best = static_cast<int>(i) == best;
    if (!mode.repetitions.empty()) row.frames = &mode.repetitions[mode.representative].frames;

    row.cells.push_back(median_cell(mode, primary, ascii));
    const auto* summary = mode.summary(primary.key);
    if (summary != nullptr && !measured_nothing(mode, primary)) {
      const auto& s = summary->statistics;
      row.cells.push_back({compact_range(bench::format_value(s.min, primary.unit, ascii),
                                         bench::format_value(s.max, primary.unit, ascii), dots)});
    } else {
      row.cells.push_back({});
    }
    if (compared) {
      if (mode.baseline) {
        row.cells.push_back({"baseline"});
      } else if (const auto ratio = bench::compare(baseline, mode, primary)) {
        row.cells.push_back({verdict_cell(*ratio, primary, dots)});
      } else {
        row.cells.push_back({});
      }
    }
    if (busy != nullptr) row.cells.push_back(median_cell(mode, *busy, ascii));
    for (const auto* frame_metric : {dropped, janky}) {
      if (frame_metric == nullptr) continue;
      auto cell = median_cell(mode, *frame_metric, ascii);
      if (median_or(mode, frame_metric->key, 0) > 0) {
        cell.tone = frame_metric == dropped ? CellTone::dropped : CellTone::janky;
      }
      row.cells.push_back(cell);
    }
    // Only the times and sizes are marked (frame counts are small integers whose CV says
    // little); count the ones shown, for the footer's "N of M figures".
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      const bool markable = c == 0 || (busy != nullptr && table.columns[c].header == "main busy");
      if (!markable || row.cells[c].text.empty()) continue;
      ++table.figures;
      if (row.cells[c].unstable) ++table.unstable;
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::vector<std::string> compact_footer(const bench::ScenarioResult& result,
                                        const std::vector<CompactTable>& tables, bool ascii,
                                        bool strips_compressed) {
  std::vector<std::string> lines;
  if (result.parameter_sets.empty()) return lines;
  const auto& first = result.parameter_sets.front();
  const std::string baseline = first.modes.empty() ? "" : first.modes.front().mode.name;
  bool any_best = false, any_compared = false;
  std::size_t figures = 0, unstable = 0;
  for (const auto& table : tables) {
    for (const auto& row : table.rows) any_best = any_best || row.best;
    any_compared = any_compared || table.rows.size() > 1;
    figures += table.figures;
    unstable += table.unstable;
  }
  if (any_compared) {
    lines.push_back(
        fmt::format("speedup: {}'s {} over the mode's, paired by round, 95 % interval; unclear "
                    "when it holds 1.",
                    baseline, result.primary_metric().label));
  }
  std::string frames = fmt::format(
      "frames: a cell per VSync{} of the median repetition: {} on time {} janky {} dropped",
      strips_compressed ? " (or the worst of a few)" : "", ascii ? "." : "▁", ascii ? "!" : "▄",
      ascii ? "X" : "█");
  if (any_best) frames += fmt::format("; {} fewest lost", ascii ? ">" : "▸");
  lines.push_back(frames + ".");
  if (unstable > 0) {
    const auto& s = result.settings;
    const std::string more = s.auto_repetitions
                                 ? "more --max-time"
                                 : fmt::format("-r {}", std::max(30, s.repetitions * 3));
    lines.push_back(fmt::format(
        "* {} of {} figures vary over {:.0f} % between repetitions: {} or a quieter machine "
        "helps.",
        unstable, figures, bench::kUnstableCoefficientOfVariation * 100, more));
  }
  return lines;
}

}  // namespace isolate_bench
