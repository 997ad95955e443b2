#pragma once
// The harness's runner: warm-ups, repetitions inside a frames window, statistics.
//
// For every parameter set, in the scenario's order, and the modes chosen by RunSettings::modes:
//   1. make_runner() and setup() for every mode (so persistent workers of all modes exist
//      side by side);
//   2. `warmups` run_once() calls per mode, without a display, results discarded;
//   3. `repetitions` rounds (with -r auto, at least that many: rounds are added until
//      all_medians_within() holds for the primary metric, or the next round could end past
//      max_time_per_set() since the set's setup began (judged by the longest round so far), or kMaxRepetitions rounds ran); each round
//      measures every mode once, in the scenario's order.
//      Interleaving modes (ABCABC rather than AAABBB) spreads the machine's drifting noise
//      over all modes alike, so their ratios stay honest. Each measurement is a frames window:
//      Display::start(), `lead_in_frames` and a half frame periods (so the work starts between
//      two VSyncs, after a frame's UI work rather than behind it), run_once(),
//      `lead_out_frames` frame periods, Display::stop(); each lead waits on, when the machine
//      made the VSyncs late, until its VSyncs were posted. The window's frame metrics join
//      run_once()'s measurements;
//   4. teardown() for every mode.
// Then statistics per metric, the representative repetition, and the scenario's conclusions.

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include "bench/harness/result.hpp"
#include "bench/harness/scenario.hpp"
#include "iso/future.hpp"

namespace bench {

/// Where the run is, reported before each warm-up and each measured repetition.
struct Progress {
  std::string mode;
  std::string parameter_set;  ///< the set's label
  std::size_t set = 0;        ///< 1-based position of the set in the run...
  std::size_t sets = 0;       ///< ...of this many
  bool warmup = false;
  int repetition = 0;  ///< 1-based: the warm-up's number when `warmup`, else the round's
  /// Warm-ups per mode when `warmup`; otherwise the repetitions asked for (-r N), which with
  /// -r auto is the least number of rounds: more follow until the medians settle or `budget`
  /// is spent, so the count is not known in advance.
  int repetitions = 0;
  bool auto_repetitions = false;  ///< -r auto, for a measured repetition
  std::chrono::nanoseconds budget{0};  ///< with auto_repetitions: the set's time budget
  std::chrono::nanoseconds set_elapsed{0};  ///< since the set's first setup() began
};
using ProgressCallback = std::function<void(const Progress&)>;

/// Runs `scenario`, already prepared with `settings`, on the current (main) isolate: the modes
/// `settings.modes` names (every mode when empty), in the scenario's order. Fails with
/// SettingsError for a mode the scenario does not declare or one named twice; with
/// std::invalid_argument when the scenario declares no mode, no parameter set or no metric, or
/// `settings` asks for fewer than one repetition or negative warm-ups; with std::logic_error when
/// run_once() omits a declared metric; with whatever a runner throws. Teardown runs for every mode
/// set up, even on failure.
iso::Future<ScenarioResult> run_scenario(Scenario& scenario, RunSettings settings,
                                         Environment environment, ProgressCallback progress = {});

/// Whether every mode of `set` has the median of `metric` known to ±`tolerance` (a share: 0.05)
/// at 95 % confidence: the stopping rule of -r auto.
bool all_medians_within(const ParameterResult& set, const MetricSpec& metric, double tolerance);

/// Statistics, representative repetitions and speedups for already-collected repetitions:
/// the part of run_scenario() that needs no isolate. Exposed for tests and tools.
void summarize_result(ScenarioResult& result);

/// Convenience: iso::run_main around run_scenario(), for callers on a plain thread. Throws
/// what run_scenario() throws, and iso::IsolateError when called on an isolate.
ScenarioResult run_scenario_on_main_isolate(Scenario& scenario, RunSettings settings,
                                            Environment environment,
                                            ProgressCallback progress = {});

}  // namespace bench
