#pragma once
// The result model: everything a run measured, as plain data. The report writers read it;
// nothing in it knows about output formats.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bench/frames/display.hpp"
#include "bench/harness/environment.hpp"
#include "bench/harness/metric.hpp"
#include "bench/harness/run_settings.hpp"
#include "bench/harness/scenario.hpp"
#include "bench/harness/statistics.hpp"

namespace bench {

struct Repetition {
  int index = 0;        ///< 1-based, in the order measured
  Measurements values;  ///< the scenario's metrics plus the frame metrics
  FrameLog frames;      ///< the frames window around this repetition
};

struct MetricSummary {
  std::string key;
  Statistics statistics;
};

struct ModeResult {
  ModeSpec mode;
  bool baseline = false;  ///< the scenario's first mode
  Measurements setup;     ///< what setup() returned (setup_metrics keys)
  std::vector<Repetition> repetitions;
  std::vector<MetricSummary> summaries;  ///< one per ScenarioResult::metrics, same order
  /// Index into `repetitions` of the repetition whose primary metric is the median (the lower
  /// middle one for even counts): the one whose filmstrip the table shows.
  std::size_t representative = 0;

  /// The summary of `key`; nullptr if the metric is unknown.
  const MetricSummary* summary(std::string_view key) const noexcept;
};

/// Why a parameter set's rounds stopped.
enum class StopReason {
  fixed_count,       ///< -r N: the N rounds asked for
  converged,         ///< -r auto: every mode's median interval came within ±kAutoTolerance
  time_budget,       ///< -r auto: --max-time ran out first
  repetition_limit,  ///< -r auto: kMaxRepetitions rounds ran first
};

/// "fixed", "converged", "time budget", "repetition limit": the CSV and JSON spelling.
std::string_view stop_reason_name(StopReason reason) noexcept;

struct ParameterResult {
  ParameterSet parameters;
  std::size_t index =
      0;  ///< its position in Scenario::parameter_sets(): ScenarioOf::points()[index]
  std::vector<ModeResult> modes;  ///< in the scenario's order, baseline first
  StopReason stop = StopReason::fixed_count;
  /// Rounds measured: every mode has this many repetitions (one per round, interleaved).
  std::size_t rounds = 0;
  /// steady_clock time from the set's first setup() to its last repetition, warm-ups included.
  std::chrono::nanoseconds measuring_time{0};
  /// The scenario's sentences about this set printed under its table, most telling first: at
  /// most kConclusionsShown (Conclusions::per_set).
  std::vector<std::string> conclusions;
  /// Its further sentences, printed with --details: Conclusions::details, after any sentences
  /// beyond kConclusionsShown.
  std::vector<std::string> further_conclusions;
};

/// A file a scenario asks to be written (image-compress's PNGs under --output-dir). The command
/// line writes it with the run's reports, all or none, and only once the run has succeeded:
/// a run that fails or is interrupted leaves none of them behind.
struct OutputFile {
  std::filesystem::path path;  ///< as the user asked for it; a folder that is missing is made
  std::string content;         ///< the file's bytes
};

struct ScenarioResult {
  std::string scenario;  ///< Scenario::name()
  std::string summary;   ///< Scenario::summary()
  RunSettings settings;  ///< `modes` lists the modes that ran, in run order
  Environment environment;
  std::vector<MetricSpec> metrics;        ///< the scenario's metrics, then the frame metrics
  std::vector<MetricSpec> setup_metrics;  ///< Scenario::setup_metrics()
  std::vector<ParameterResult> parameter_sets;
  /// The sentences that compare the parameter sets or hold for the whole run
  /// (Conclusions::run); those about one set are in its ParameterResult.
  std::vector<std::string> conclusions;
  std::vector<OutputFile> output_files;           ///< Scenario::output_files(), in the order given
  std::chrono::system_clock::time_point started;  ///< when the run began (file names use it)

  const MetricSpec& primary_metric() const { return metrics.front(); }
};

/// Files `conclusions` into `result`: per_set[i] into parameter_sets[i].conclusions, up to
/// kConclusionsShown, the rest and details[i] into its further_conclusions, run into
/// result.conclusions. Throws std::logic_error when it speaks of a set the result does not hold.
void attach_conclusions(ScenarioResult& result, Conclusions conclusions);

/// The mode named `name` in `set`; nullptr when it did not run. For scenarios' conclusions.
const ModeResult* find_mode(const ParameterResult& set, std::string_view name) noexcept;

/// The median of `key` over `mode`'s repetitions; empty when `mode` is nullptr (it did not run)
/// or has no such metric.
std::optional<double> median(const ModeResult* mode, std::string_view key) noexcept;

/// The median of `key` in the mode named `mode` of `set`; empty as above.
std::optional<double> median(const ParameterResult& set, std::string_view mode,
                             std::string_view key) noexcept;

/// How `mode` compares with `baseline` on a metric, by medians: baseline / mode for
/// lower-is-better metrics, mode / baseline otherwise, so > 1 always means "mode is better".
/// Empty when either median is 0 or the metric is missing.
std::optional<double> speedup(const ModeResult& baseline, const ModeResult& mode,
                              const MetricSpec& metric);

/// `candidate` against `reference` (two modes of one parameter set) on `metric`, pairing the
/// repetitions measured in the same round: the median of the per-round ratios, its 95 %
/// interval and the verdict (confidence.hpp). Empty when either mode lacks the metric.
std::optional<PairedRatio> compare(const ModeResult& reference, const ModeResult& candidate,
                                   const MetricSpec& metric);

/// Whether `metric` is a duration where lower is better: its verdicts read "faster"/"slower".
bool is_time(const MetricSpec& metric) noexcept;

/// The verdict with its range, for sentences and tables: "faster (1.25x to 1.40x)",
/// "slower (1.31x to 1.52x)", "no clear difference (1.10x slower to 1.08x faster)"; with too
/// few pairs for a 95 % interval, "no clear difference (N repetitions; 6 needed for a 95 %
/// interval)".
std::string describe_comparison(const PairedRatio& ratio, const MetricSpec& metric);

/// A ratio as the reports print it: "1.32x", "inf"; a value within rounding of 1 but not 1
/// gets more digits ("0.9981x"), so a bound never seems to touch 1 when it does not.
std::string format_ratio(double ratio);

/// The metric of `result` keyed `key`; nullptr when it has none.
const MetricSpec* find_metric(const ScenarioResult& result, std::string_view key) noexcept;

/// hyperfine's wording for a speedup: "2.40x faster", "1.30x slower", "as fast" (within 0.5 %).
/// For higher-is-better metrics: "better"/"worse" instead of "faster"/"slower".
std::string describe_speedup(double speedup, const MetricSpec& metric);

}  // namespace bench
