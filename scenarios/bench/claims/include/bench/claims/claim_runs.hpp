#pragma once
// The short scenario runs behind `isolate-bench claims`, and how they are run: each one is a
// registered scenario (registry.hpp) found by name, given its options as typed on a command line,
// prepared and run through the harness's runner, exactly as `isolate-bench NAME ...` would run it,
// with small fixed settings so the whole set ends in about a minute (or seconds with --quick).

#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "bench/harness/environment.hpp"
#include "bench/harness/result.hpp"
#include "bench/harness/runner.hpp"

namespace bench::claims {

/// How long the claims take: the default, or --quick.
enum class RunLength { full, quick };

/// One short run of a scenario.
struct ClaimRun {
  std::string tag;       ///< how the claims name this run: "messages-string"
  std::string scenario;  ///< the registered scenario's name: "messages"
  /// Its options as a command line gives them: {"--size", "2MB"}.
  std::vector<std::pair<std::string, std::string>> options;
  std::vector<std::string> modes;  ///< --mode: only those the claims read
  int repetitions = 3;
  /// Whole frame periods shown before and after the work (RunSettings' lead-in and lead-out).
  /// Runs whose frame metrics the claims read keep some: a dropped VSync is counted when the
  /// frame after the work renders, so one either side shows every dropped frame. The others
  /// show none, which saves a tenth of a second a repetition.
  int lead_frames = 0;
};

/// Every run the claims read, for `length`.
std::vector<ClaimRun> claim_runs(RunLength length);

/// The results of the runs, by tag. A run whose scenario is not in this build is absent, and
/// the claims that read it are "not measured yet".
using RunResults = std::map<std::string, ScenarioResult, std::less<>>;

/// How long one run took, from making its scenario to its result (workload built, warm-ups and
/// repetitions): where the claims' time goes.
struct RunTime {
  std::string tag;
  std::string scenario;
  std::chrono::nanoseconds wall{0};
};

/// Runs `runs` one after the other on the current thread (each in its own main isolate). Throws
/// SettingsError when a run's option or mode is refused (a fault of the plan, or a machine too
/// small for it) and whatever a scenario's run throws; `progress` hears every repetition. Each
/// run's time is appended to `times` when given.
RunResults run_claims(const std::vector<ClaimRun>& runs, const Environment& environment,
                      const ProgressCallback& progress = {}, std::vector<RunTime>* times = nullptr);

}  // namespace bench::claims
