// fixture-sum: the smallest complete scenario, kept as the proof that a scenario is one folder.
// It sums the first N whole numbers on the main isolate or in compute(), with one option of its
// own; everything else (modes, repetitions, frames, reports) comes from the harness and the app.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bench/harness/registry.hpp"
#include "bench/harness/scenario.hpp"
#include "iso/iso.hpp"

namespace fixture {
namespace {

std::int64_t sum_to(std::int64_t count) {
  std::int64_t sum = 0;
  for (std::int64_t i = 1; i <= count; ++i) sum += i;
  return sum;
}

struct Count {
  std::int64_t value = 0;
  std::string label() const { return std::to_string(value) + " numbers"; }
  std::vector<bench::Parameter> parameters() const { return {{"count", value}}; }
};

class MainRunner final : public bench::ModeRunner {
 public:
  explicit MainRunner(std::int64_t count) : count_(count) {}
  iso::Future<bench::Measurements> run_once() override {
    const auto started = std::chrono::steady_clock::now();
    const auto sum = sum_to(count_);
    co_return bench::Measurements{{"sum_ns", bench::elapsed_ns(started)},
                                  {"sum", static_cast<double>(sum)}};
  }

 private:
  std::int64_t count_;
};

class ComputeRunner final : public bench::ModeRunner {
 public:
  explicit ComputeRunner(std::int64_t count) : count_(count) {}
  iso::Future<bench::Measurements> run_once() override {
    const auto started = std::chrono::steady_clock::now();
    const std::int64_t sum = co_await iso::compute(&sum_to, count_);
    co_return bench::Measurements{{"sum_ns", bench::elapsed_ns(started)},
                                  {"sum", static_cast<double>(sum)}};
  }

 private:
  std::int64_t count_;
};

class FixtureScenario final : public bench::ScenarioOf<Count> {
 public:
  std::string name() const override { return "fixture-sum"; }
  std::string summary() const override { return "sums whole numbers (a test fixture)"; }
  std::string help() const override {
    return "Examples:\n  isolate-bench fixture-sum --count 10,1000\n";
  }
  std::vector<bench::OptionSpec> options() override {
    return {bench::integer_list_option("--count", counts_, "How many numbers to sum", "1000", 1,
                                       1'000'000)};
  }
  std::vector<bench::ModeSpec> modes() const override {
    return {{"main", "on the main isolate"}, {"compute", "in compute(sum_to, count)"}};
  }
  std::vector<bench::MetricSpec> metrics() const override {
    return {{"sum_ns", "sum", bench::Unit::ns, true, "summing, as the main isolate sees it"},
            {"sum", "result", bench::Unit::count, false, "the sum, for checking"}};
  }
  std::vector<bench::ParameterSpec> parameter_specs() const override {
    return {{"count", "how many numbers were summed"}};
  }

 protected:
  std::vector<Count> make_points(const bench::RunSettings&) override {
    std::vector<Count> points;
    for (const auto count : counts_) points.push_back({count});
    return points;
  }
  std::unique_ptr<bench::ModeRunner> make_runner_for(const bench::ModeSpec& mode,
                                                     const Count& count) override {
    if (mode.name == "main") return std::make_unique<MainRunner>(count.value);
    return std::make_unique<ComputeRunner>(count.value);
  }

 private:
  std::vector<std::int64_t> counts_{1000};
};

ISOBENCH_REGISTER_SCENARIO(FixtureScenario);

}  // namespace
}  // namespace fixture
