#pragma once
// A test-only scenario: two modes, a configurable number of parameter sets, and runners that
// record every call so tests can check what the harness did.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "bench/frames/busy_work.hpp"
#include "bench/harness/harness.hpp"
#include "bench/harness/units.hpp"
#include "iso/timer.hpp"

namespace fake {

struct Calls {
  int make_runner = 0, setup = 0, run_once = 0, teardown = 0;
  std::vector<std::string> run_order;  ///< mode names in the order run_once() was called
};

struct Behaviour {
  int parameter_sets = 1;
  bool omit_metric = false;                 ///< run_once() leaves out "work_ns"
  bool extra_metric = false;                ///< run_once() adds an undeclared key
  std::chrono::milliseconds block_main{0};  ///< busy work on the main isolate in run_once()
  bool fail_run = false;                    ///< run_once() throws
  bool pool_by_default = true;              ///< runs_by_default() of the pool mode
  /// work_ns stays the same every round (instead of growing with it), after `noisy_rounds`
  /// rounds at ten times that value: for -r auto's stopping rule.
  bool steady = false;
  int noisy_rounds = 0;
};

class Runner final : public bench::ModeRunner {
 public:
  Runner(std::string mode, Calls& calls, const Behaviour& behaviour)
      : mode_(std::move(mode)), calls_(calls), behaviour_(behaviour) {}

  iso::Future<bench::Measurements> setup() override {
    ++calls_.setup;
    co_await iso::delay(std::chrono::microseconds(100));  // setup may really be asynchronous
    if (mode_ == "worker") co_return bench::Measurements{{"spawn_ns", 1234}};
    co_return bench::Measurements{};
  }

  iso::Future<bench::Measurements> run_once() override {
    ++calls_.run_once;
    calls_.run_order.push_back(mode_);
    if (behaviour_.fail_run) throw std::runtime_error("workload failed");
    if (behaviour_.block_main.count() > 0) bench::busy_for(behaviour_.block_main);
    co_await iso::delay(std::chrono::microseconds(50));
    ++count_;
    bench::Measurements values;
    // Deterministic values: worker is always twice as fast as main.
    const double base = mode_ == "main" ? 2000.0 : 1000.0;
    const double factor = !behaviour_.steady                  ? count_
                          : count_ <= behaviour_.noisy_rounds ? 10.0
                                                              : 1.0;
    if (!behaviour_.omit_metric) values["work_ns"] = base * factor;
    values["items"] = 10;
    if (behaviour_.extra_metric) values["surprise"] = 1;
    co_return values;
  }

  iso::Future<void> teardown() override {
    ++calls_.teardown;
    co_return;
  }

 private:
  std::string mode_;
  Calls& calls_;
  const Behaviour& behaviour_;
  int count_ = 0;
};

/// One parameter set of the fake scenario: a size.
struct Point {
  std::uint64_t bytes = 0;
  std::string label() const { return bench::describe_size(bytes); }
  std::vector<bench::Parameter> parameters() const { return {{"size_bytes", bytes}}; }
};

class Scenario final : public bench::ScenarioOf<Point> {
 public:
  explicit Scenario(Behaviour behaviour = {}) : behaviour_(behaviour) {}

  std::string name() const override { return "fake"; }
  std::string summary() const override { return "a scenario for tests"; }
  std::vector<bench::ModeSpec> modes() const override {
    return {{"main", "on the main isolate"}, {"worker", "in a worker"}, {"pool", "in a pool"}};
  }
  std::vector<bench::MetricSpec> metrics() const override {
    return {{"work_ns", "work", bench::Unit::ns, true, "the work, as the main isolate sees it"},
            {"items", "items", bench::Unit::count, false, "items done"}};
  }
  std::vector<bench::MetricSpec> setup_metrics() const override {
    return {{"spawn_ns", "spawn", bench::Unit::ns, true, "the worker's spawn"}};
  }
  bench::Conclusions conclusions(const bench::ScenarioResult& result) const override {
    conclusions_saw_sets = result.parameter_sets.size();
    bench::Conclusions conclusions;
    for (std::size_t i = 0; i < result.parameter_sets.size(); ++i) {
      conclusions.add(i, "about " + result.parameter_sets[i].parameters.label);
    }
    conclusions.run = {"a conclusion"};
    return conclusions;
  }

  bool runs_by_default(const bench::ModeSpec& mode) const override {
    return mode.name != "pool" || behaviour_.pool_by_default;
  }

  mutable Calls calls;
  mutable std::size_t conclusions_saw_sets = 0;

 protected:
  std::vector<Point> make_points(const bench::RunSettings&) override {
    std::vector<Point> points;
    for (int i = 1; i <= behaviour_.parameter_sets; ++i) {
      points.push_back({static_cast<std::uint64_t>(i) * 1000});
    }
    return points;
  }
  std::unique_ptr<bench::ModeRunner> make_runner_for(const bench::ModeSpec& mode,
                                                     const Point&) override {
    ++calls.make_runner;
    return std::make_unique<Runner>(mode.name, calls, behaviour_);
  }

 private:
  Behaviour behaviour_;
};

/// Fast settings: a 1000 fps display with little UI work, so windows are a few milliseconds.
/// Only the main and worker modes run unless a test picks others.
inline bench::RunSettings fast_settings(int repetitions = 3, int warmups = 1) {
  bench::RunSettings settings;
  settings.modes = {"main", "worker"};
  settings.display.fps = 1000;
  settings.display.ui_work = std::chrono::microseconds(100);
  settings.repetitions = repetitions;
  settings.warmups = warmups;
  return settings;
}

}  // namespace fake
