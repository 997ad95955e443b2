#pragma once
// How a scenario describes itself to the harness.
//
// A scenario only describes its workload and modes; the harness (runner.hpp) runs warm-ups and
// repetitions, keeps the frames display running around each measured window, adds the frame
// metrics, computes statistics and collects everything into a ScenarioResult. A scenario knows
// nothing of the command line or of output formats.
//
// Writing one, in short:
//
//   class MyRunner final : public bench::ModeRunner {
//    public:
//     iso::Future<bench::Measurements> setup() override {       // optional, once per mode
//       auto started = bench::Clock::now();
//       worker_ = co_await spawn_my_worker();
//       co_return bench::Measurements{{"spawn_ns", bench::elapsed_ns(started)}};
//     }
//     iso::Future<bench::Measurements> run_once() override {      // once per repetition
//       auto started = bench::Clock::now();
//       co_await do_the_work();
//       co_return bench::Measurements{{"wall_ns", bench::elapsed_ns(started)}};
//     }
//     iso::Future<void> teardown() override { worker_.kill(); co_return; }  // optional
//   };
//
//   class MyScenario final : public bench::Scenario {
//     std::string name() const override { return "my-scenario"; }
//     std::string summary() const override { return "what it measures, in one line"; }
//     std::vector<bench::ModeSpec> modes() const override {
//       return {{"main", "on the main isolate"}, {"worker", "in a persistent worker"}};
//     }
//     std::vector<bench::ParameterSet> parameter_sets() const override {
//       return {bench::size_parameter_set("size_bytes", 2'000'000)};
//     }
//     std::vector<bench::MetricSpec> metrics() const override {
//       return {{"wall_ns", "wall time", bench::Unit::ns}};
//     }
//     std::unique_ptr<bench::ModeRunner> make_runner(const bench::ModeSpec& mode,
//                                                    const bench::ParameterSet& set) override;
//   };
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

#include "bench/harness/metric.hpp"
#include "iso/future.hpp"

namespace bench {

struct ScenarioResult;

/// A way of doing the scenario's work (main, run, worker...). The first mode a scenario lists is
/// the baseline every other mode is compared with.
struct ModeSpec {
  std::string name;         ///< [a-z0-9-] identifier: "main", "worker"
  std::string description;  ///< one line: "parse on the main isolate, blocking frames"
};

/// One named value of a parameter set. Integers are exact (byte counts); strings for the rest.
struct Parameter {
  std::string key;  ///< [a-z0-9_]: "size_bytes", "tasks"
  std::variant<std::int64_t, double, std::string> value;
};

/// One point of a sweep (e.g. one --size). The label is what humans read in tables; it must
/// state exact byte counts where a size is involved ("2 MB (2000000 bytes)").
struct ParameterSet {
  std::string label;
  std::vector<Parameter> parameters;
};

/// The integer parameter `key` of `set` (e.g. "size_bytes"). Throws std::out_of_range when
/// the set has no such parameter, std::bad_variant_access when it is not an integer.
std::int64_t integer_parameter(const ParameterSet& set, std::string_view key);

/// A parameter set for one size: label "2 MB (2000000 bytes)", parameter `key` = bytes.
ParameterSet size_parameter_set(std::string key, std::uint64_t bytes);

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

  virtual std::string name() const = 0;             ///< the subcommand name: "json-parse"
  virtual std::string summary() const = 0;          ///< one line for `isolate-bench list`
  virtual std::vector<ModeSpec> modes() const = 0;  ///< baseline first; at least one
  virtual std::vector<ParameterSet> parameter_sets() const = 0;  ///< at least one
  /// What every repetition yields. The first metric is the primary one: ratios to the baseline
  /// and the choice of the representative (median) repetition use it. The harness appends the
  /// frame metrics (frame_metrics.hpp) itself.
  virtual std::vector<MetricSpec> metrics() const = 0;
  /// What setup() yields, once per mode and parameter set. Default: none.
  virtual std::vector<MetricSpec> setup_metrics() const { return {}; }

  /// A runner for `mode` at `set`. Called on the main isolate.
  virtual std::unique_ptr<ModeRunner> make_runner(const ModeSpec& mode,
                                                  const ParameterSet& set) = 0;

  /// Sentences computed from the results, shown under the table ("main-thread parsing starts
  /// dropping frames at 8 MB at 60 fps"). Called once, after every repetition. Default: none.
  virtual std::vector<std::string> conclusions(const ScenarioResult& result) const;
};

/// steady_clock time since `start`, in nanoseconds, as a metric value.
double elapsed_ns(std::chrono::steady_clock::time_point start) noexcept;

}  // namespace bench
