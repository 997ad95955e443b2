#pragma once
// How a scenario describes itself to the harness and to the command line.
//
// A scenario declares, in its own folder: its name, a one-line summary, a help text with
// examples, its own options (plain declarations, option.hpp), every mode it can run, its metrics,
// and, once its settings are known, its parameter sets and how one repetition of a mode runs.
// The harness (runner.hpp) owns everything scenarios share: the common options (--mode,
// repetitions, warm-ups, fps, UI work, seed: common_options.hpp), warm-ups and repetitions, the
// frames display around each measured window, the frame metrics, statistics and the result. The
// command line owns parsing and the reports. A scenario knows neither.
//
// Life of a scenario in one run:
//   1. made by its registered factory (registry.hpp), with its default settings;
//   2. options() declared to the command line, whose values land in the scenario's settings;
//   3. prepare(settings): the one place that checks the settings together and builds the
//      workloads; a bad setting throws SettingsError (exit 2), before any work;
//   4. parameter_sets(), then make_runner() per mode and set, on the main isolate;
//   5. conclusions(result), then output_files(result): the files it asks to be written, which the
//      command line writes with the reports. A scenario writes no file itself, during setup or
//      after, so a failed or interrupted run leaves nothing behind.
// With --write-workload, step 4 and 5 are replaced by workloads(): the inputs prepare() built are
// written as files, and nothing runs.
//
// Most scenarios derive from ScenarioOf<Point> below: their parameter sets are values of their own
// struct, and runners and conclusions get those values back, typed; the harness only prints them.
//
//   struct Point {                                     // one parameter set
//     std::uint64_t bytes = 0;
//     std::string label() const { return bench::describe_size(bytes); }
//     std::vector<bench::Parameter> parameters() const { return {{"size_bytes", bytes}}; }
//   };
//   class MyRunner final : public bench::ModeRunner {
//     iso::Future<bench::Measurements> run_once() override { ... co_return {{"wall_ns", t}}; }
//   };
//   class MyScenario final : public bench::ScenarioOf<Point> {
//     std::string name() const override { return "my-scenario"; }
//     ...
//     std::vector<bench::OptionSpec> options() override {
//       return {bench::size_list_option("--size", settings_.sizes, "Input sizes", "2MB")};
//     }
//     std::vector<Point> make_points(const bench::RunSettings&) override { ... }
//     std::unique_ptr<bench::ModeRunner> make_runner_for(const bench::ModeSpec& mode,
//                                                        const Point& point) override { ... }
//   };
//   ISOBENCH_REGISTER_SCENARIO(MyScenario);           // registry.hpp
//
// Everything a runner does runs on the main isolate (inside iso::run_main), so its coroutines
// may co_await iso::Isolate::run, ports and timers. A runner must not block the main isolate
// for longer than the work it measures: that would show up as dropped frames.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "bench/harness/conclusions.hpp"
#include "bench/harness/environment.hpp"
#include "bench/harness/metric.hpp"
#include "bench/harness/option.hpp"
#include "bench/harness/run_settings.hpp"
#include "iso/future.hpp"

namespace bench {

struct ScenarioResult;
struct OutputFile;

/// A way of doing the scenario's work (main, run, worker...). The first mode a run includes is
/// the baseline every other mode is compared with.
struct ModeSpec {
  std::string name;         ///< [a-z0-9-] identifier: "main", "worker"
  std::string description;  ///< one line: "parse on the main isolate, blocking frames"
};

/// One printed value of a parameter set: what CSV and JSON write as key=value.
struct Parameter {
  std::string key;  ///< [a-z0-9_]: "size_bytes", "decoder"
  std::variant<std::int64_t, double, std::string> value;

  Parameter(std::string k, std::int64_t v) : key(std::move(k)), value(v) {}
  Parameter(std::string k, std::uint64_t v)
      : key(std::move(k)), value(static_cast<std::int64_t>(v)) {}
  Parameter(std::string k, int v) : key(std::move(k)), value(std::int64_t{v}) {}
  Parameter(std::string k, double v) : key(std::move(k)), value(v) {}
  Parameter(std::string k, std::string v) : key(std::move(k)), value(std::move(v)) {}
  Parameter(std::string k, const char* v) : key(std::move(k)), value(std::string(v)) {}
};

/// What one printed parameter means, for results/README.md.
struct ParameterSpec {
  std::string key;          ///< as in Parameter::key
  std::string description;  ///< one sentence: "the JSON text's exact length, in bytes"
};

/// How a parameter set is printed. The label is what humans read in tables; it states exact byte
/// counts where a size is involved ("2 MB (2000000 bytes)").
struct ParameterSet {
  std::string label;
  std::vector<Parameter> parameters;
};

/// A generated input as a file a program outside this suite can read (--write-workload), so the
/// same bytes can be measured in a Dart or Flutter app and set beside this suite's figures.
struct Workload {
  /// Tells workloads apart in file names when there are several: [A-Za-z0-9x.-], e.g. the byte
  /// count "2000000" or the resolution "1920x1080".
  std::string tag;
  std::string description;  ///< one line: "the generated catalog, 2 MB (2000000 bytes), seed 42"
  std::string content;      ///< the file's bytes
};

/// Runs one mode for one parameter set. Created, used and destroyed on the main isolate.
/// The harness calls setup() once, then run_once() for every warm-up and repetition (one at a
/// time, never overlapping), then teardown() once, even when a step failed after setup
/// succeeded. An exception from any of them fails the whole run with that exception.
class ModeRunner {
 public:
  virtual ~ModeRunner() = default;

  /// Prepares the mode (spawns a persistent worker, builds the input). May return one-off
  /// measurements, e.g. the worker's spawn time; they are reported separately from the
  /// repetitions. Keys must be among the scenario's setup_metrics(), but a mode may leave out
  /// those that do not apply to it (the main mode spawns nothing); an undeclared key fails the
  /// run (std::logic_error). Default: nothing to prepare.
  virtual iso::Future<Measurements> setup();

  /// Does the work once and returns what it measured, keyed by the scenario's metrics() keys,
  /// in base units. A declared metric missing from the result fails the run (std::logic_error).
  virtual iso::Future<Measurements> run_once() = 0;

  /// Releases what setup() made. Default: nothing.
  virtual iso::Future<void> teardown();
};

class Scenario {
 public:
  virtual ~Scenario() = default;

  // ---- What it is: declared before any setting is known ----
  virtual std::string name() const = 0;     ///< the subcommand: "json-parse"
  virtual std::string summary() const = 0;  ///< one line for `isolate-bench list` and --help
  /// Shown under the options by `isolate-bench NAME --help`: what is measured, how, and two or
  /// three example command lines. Default: none.
  virtual std::string help() const { return {}; }
  /// The scenario's own options; their apply() stores into this scenario's settings, so the
  /// scenario must outlive them. The harness adds the common ones. Default: none.
  virtual std::vector<OptionSpec> options() { return {}; }
  /// Every mode, baseline first; --mode picks a subset (RunSettings::modes).
  virtual std::vector<ModeSpec> modes() const = 0;
  /// What every repetition yields. The first metric is the primary one: ratios to the baseline
  /// and the choice of the representative (median) repetition use it. The harness appends the
  /// frame metrics (frame_metrics.hpp) itself.
  virtual std::vector<MetricSpec> metrics() const = 0;
  /// What setup() yields, once per mode and parameter set. Default: none.
  virtual std::vector<MetricSpec> setup_metrics() const { return {}; }
  /// The keys its parameter sets print, with their meaning. Default: none.
  virtual std::vector<ParameterSpec> parameter_specs() const { return {}; }

  // ---- A run: after the options are applied ----
  /// Checks the settings together and builds the workloads. Called once, before any work;
  /// throws SettingsError for a setting that cannot be used (naming the option and the accepted
  /// form), std::bad_alloc when a workload does not fit in memory.
  virtual void prepare(const RunSettings& settings) = 0;
  /// How each parameter set is printed, in run order (at least one). Only after prepare().
  virtual std::vector<ParameterSet> parameter_sets() const = 0;
  /// Whether `mode` runs when --mode does not name the modes. After prepare(): a mode that does
  /// not apply to the chosen settings says no (and prepare() refuses it when --mode names it).
  /// Default: every mode runs.
  virtual bool runs_by_default(const ModeSpec& mode) const {
    (void)mode;
    return true;
  }
  /// A runner for `mode` at parameter set number `set` (an index into parameter_sets()).
  /// Called on the main isolate.
  virtual std::unique_ptr<ModeRunner> make_runner(const ModeSpec& mode, std::size_t set) = 0;

  /// The libraries its work runs on, with the variant that ran where it matters (json-parse:
  /// simdjson and its kernels). Each replaces the environment's entry of the same name. After
  /// prepare(). Default: none.
  virtual std::vector<LibraryVersion> libraries() const { return {}; }

  /// Sentences computed from the results: per parameter set, shown under its table, the first
  /// answering "should this be offloaded here?" and at most kConclusionsShown of them on the
  /// first screen (the rest with --details); then the sentences comparing the sets ("main-thread
  /// parsing starts dropping frames at 8 MB at 60 fps"). Only the modes that ran are named.
  /// Called once, after every repetition. Default: none.
  virtual Conclusions conclusions(const ScenarioResult& result) const;

  /// What --write-workload writes, in a few words for its help ("the generated JSON catalog of
  /// each --size"); empty when the scenario generates no input, and then the option is not
  /// offered. Declared before any setting is known. Default: none.
  virtual std::string workload_format() const { return {}; }
  /// The inputs prepare() generated, one per distinct input (not per parameter set), in run
  /// order. Empty when the data is the user's own (--input). Only after prepare(). Default: none.
  virtual std::vector<Workload> workloads() const { return {}; }

  /// The files the user asked this run to write besides its reports (result.hpp's OutputFile),
  /// called once after conclusions(). They are written with the reports, all or none, so a
  /// conclusion that names one names the path asked for. Default: none.
  virtual std::vector<OutputFile> output_files(const ScenarioResult& result) const;
};

/// A scenario whose parameter sets are values of its own type `Point`, which provides
///   std::string label() const;                   // the heading humans read
///   std::vector<bench::Parameter> parameters() const;   // the key=value pairs CSV and JSON hold
/// Runners and conclusions get the Point back, never its printed form.
template <class Point>
class ScenarioOf : public Scenario {
 public:
  void prepare(const RunSettings& settings) final { points_ = make_points(settings); }

  std::vector<ParameterSet> parameter_sets() const final {
    std::vector<ParameterSet> sets;
    for (const auto& point : points_) sets.push_back({point.label(), point.parameters()});
    return sets;
  }

  std::unique_ptr<ModeRunner> make_runner(const ModeSpec& mode, std::size_t set) final {
    return make_runner_for(mode, points_.at(set));
  }

  /// The parameter sets prepare() made; runners may keep references into them.
  const std::vector<Point>& points() const { return points_; }

 protected:
  /// Checks the settings together (SettingsError) and builds one Point per parameter set.
  virtual std::vector<Point> make_points(const RunSettings& settings) = 0;
  virtual std::unique_ptr<ModeRunner> make_runner_for(const ModeSpec& mode, const Point& point) = 0;

 private:
  std::vector<Point> points_;
};

/// steady_clock time since `start`, in nanoseconds, as a metric value.
double elapsed_ns(std::chrono::steady_clock::time_point start) noexcept;

}  // namespace bench
