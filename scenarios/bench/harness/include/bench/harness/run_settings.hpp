#pragma once
// How a run is made: the settings the harness owns for every scenario (the common options).

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "bench/frames/display.hpp"

namespace bench {

/// -r auto stops adding rounds once every mode's median interval is within this share of it.
inline constexpr double kAutoTolerance = 0.05;

struct RunSettings {
  DisplayConfig display;  ///< --fps and --ui-work: the frames every repetition is measured in
  int warmups = 1;        ///< --warmup: runs per mode before measuring, without a display
  int repetitions = 10;   ///< --repetitions N: measured runs per mode and parameter set
  /// --repetitions auto: rounds go on after `repetitions` (then the least number of rounds)
  /// until every mode's median of the primary metric has its 95 % interval within
  /// ±kAutoTolerance, or `max_time` is spent on the parameter set.
  bool auto_repetitions = false;
  std::chrono::nanoseconds max_time = std::chrono::seconds(30);  ///< --max-time, with auto
  std::uint64_t seed = 42;  ///< --seed: every generated workload is a function of it
  /// --mode: the modes to run, by name; empty means every mode. They always run in the
  /// scenario's order, whatever the order given, so the baseline is the first of them.
  std::vector<std::string> modes;
  int lead_in_frames = 3;   ///< whole frame periods before run_once() (plus half a period)
  int lead_out_frames = 3;  ///< frames shown after run_once() ends
};

}  // namespace bench
