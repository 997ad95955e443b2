#pragma once
// native-state: the document's FFI warning made visible. Dart statics are per isolate, but a
// native library's globals are shared by every isolate of the process and race like threads in C.
// K isolates each make N calls that update a counter (load, work, store); the modes keep that
// state per isolate, in the native library's global without protection, or with one of the two
// fixes the document names (a mutex, atomic operations), next to one isolate making all K x N
// calls. Reported: calls per second, lost updates (expected - observed), compare-and-swap retries.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bench/harness/scenario.hpp"

namespace native_state {

/// One parameter set: K isolates making N calls each.
struct StatePoint {
  std::int64_t isolates = 2;
  std::int64_t calls_per_isolate = 1'000'000;

  std::int64_t expected_calls() const { return isolates * calls_per_isolate; }
  std::string label() const;
  std::vector<bench::Parameter> parameters() const;
};

struct NativeStateSettings {
  std::vector<std::int64_t> isolates{2};       ///< --isolates
  std::int64_t calls_per_isolate = 1'000'000;  ///< --ops
};

inline constexpr std::int64_t kMaxIsolates = 64;
/// The goal's count, and the most any count option of the tool takes: 64 x 1,000,000 calls is a
/// few seconds per repetition at most.
inline constexpr std::int64_t kMaxCallsPerIsolate = 1'000'000;

class NativeStateScenario final : public bench::ScenarioOf<StatePoint> {
 public:
  std::string name() const override { return "native-state"; }
  std::string summary() const override;
  std::string help() const override;
  std::vector<bench::OptionSpec> options() override;
  std::vector<bench::ModeSpec> modes() const override;
  std::vector<bench::MetricSpec> metrics() const override;
  std::vector<bench::ParameterSpec> parameter_specs() const override;
  bench::Conclusions conclusions(const bench::ScenarioResult& result) const override;

  NativeStateSettings& settings() { return settings_; }

 protected:
  std::vector<StatePoint> make_points(const bench::RunSettings& run) override;
  std::unique_ptr<bench::ModeRunner> make_runner_for(const bench::ModeSpec& mode,
                                                     const StatePoint& point) override;

 private:
  NativeStateSettings settings_;
};

/// Metric keys, shared by the runner, the conclusions and the tests.
namespace metric_keys {
inline constexpr const char* all_calls_ns = "all_calls_ns";
inline constexpr const char* calls_per_second = "calls_per_second";
inline constexpr const char* lost_updates = "lost_updates";
inline constexpr const char* lost_ratio = "lost_ratio";
inline constexpr const char* cas_retries = "cas_retries";
}  // namespace metric_keys

}  // namespace native_state
