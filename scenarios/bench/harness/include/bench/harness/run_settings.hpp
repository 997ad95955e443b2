#pragma once
// How a run is made: the settings the harness owns for every scenario (the common options).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bench/frames/display.hpp"

namespace bench {

/// -r auto stops adding rounds once every mode's median interval is within this share of it.
inline constexpr double kAutoTolerance = 0.05;
/// The most one parameter set takes with -r auto when --max-time is not given...
inline constexpr std::chrono::nanoseconds kDefaultMaxTime = std::chrono::seconds(30);
/// ...and the most all of them take together then, so a run with the defaults ends within a
/// minute however many parameter sets it has: the rest is left for generating the workloads,
/// the last round's overshoot on a loaded machine, and the reports.
inline constexpr std::chrono::nanoseconds kDefaultRunBudget = std::chrono::seconds(45);

struct RunSettings {
  DisplayConfig display;  ///< --fps and --ui-work: the frames every repetition is measured in
  int warmups = 1;        ///< --warmup: runs per mode before measuring, without a display
  int repetitions = 10;   ///< --repetitions N: measured runs per mode and parameter set
  /// --repetitions auto: rounds go on after `repetitions` (then the least number of rounds)
  /// until every mode's median of the primary metric has its 95 % interval within
  /// ±kAutoTolerance, or the parameter set's time budget (max_time_per_set()) is spent; the
  /// budget may stop it before `repetitions`, though never below kAutoFewestRepetitions.
  bool auto_repetitions = false;
  /// --max-time: the budget of one parameter set with auto. Empty when not given: then
  /// max_time_per_set() shares kDefaultRunBudget among the sets, at most kDefaultMaxTime each.
  /// In a ScenarioResult it holds the budget the run used.
  std::optional<std::chrono::nanoseconds> max_time;
  std::uint64_t seed = 42;  ///< --seed: every generated workload is a function of it
  /// --mode: the modes to run, by name; empty means every mode. They always run in the
  /// scenario's order, whatever the order given, so the baseline is the first of them.
  std::vector<std::string> modes;
  // The frames around the work. One on-time frame before it shows the display was steady; two
  // after it hold the late frame a blocked main loop renders once free, with a period to spare.
  // More would only lengthen every window: the windows are nearly all of a run's time, so these
  // few frames buy nearly twice the rounds a budget of --max-time holds over the three and three
  // used before (56-60 rounds against 31 in a 2 MB json-parse set), and so narrower intervals.
  int lead_in_frames = 1;   ///< whole frame periods before run_once() (plus half a period)
  int lead_out_frames = 2;  ///< frames shown after run_once() ends
};

/// The time budget of each of `sets` parameter sets with -r auto: --max-time when given,
/// otherwise kDefaultRunBudget / sets, at most kDefaultMaxTime.
inline std::chrono::nanoseconds max_time_per_set(const RunSettings& settings, std::size_t sets) {
  if (settings.max_time) return *settings.max_time;
  const auto shared = kDefaultRunBudget / static_cast<std::int64_t>(sets == 0 ? 1 : sets);
  return shared < kDefaultMaxTime ? shared : kDefaultMaxTime;
}

}  // namespace bench
