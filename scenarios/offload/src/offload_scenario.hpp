#pragma once
// isolate-bench offload: when does moving CPU work off the main isolate pay? Synthetic work of a
// calibrated duration, with a payload that crosses in and a result that crosses back, done:
//   main          on the main isolate in one event, while the frames tick (the jank)
//   chunked-main  on the main isolate in --slice pieces, yielding to the loop between them
//   run           in a new isolate per call (Isolate::run: spawn, work, result back by exit)
//   worker        in a persistent worker spawned once in setup, request and reply by message
// Every mode must compute the same checksum for a parameter set; a difference fails the run.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bench/harness/result.hpp"
#include "bench/harness/scenario.hpp"

namespace offload {

namespace metric_keys {
inline constexpr const char* end_to_end = "end_to_end_ns";
inline constexpr const char* main_busy = "main_thread_ns";
inline constexpr const char* work = "work_ns";
inline constexpr const char* overhead = "overhead_ns";
inline constexpr const char* worker_spawn = "worker_spawn_ns";
}  // namespace metric_keys

/// What the modes of one parameter set share while the run goes on: the first checksum computed
/// and the mode that computed it. Later checksums must equal it.
struct PointRecord {
  std::optional<std::uint64_t> checksum;
  std::string checksum_mode;

  /// Keeps the first checksum, checks the others. Throws std::runtime_error naming both modes.
  void record(const std::string& mode, std::uint64_t computed);
};

/// One parameter set: a work size and a payload.
struct WorkPoint {
  std::chrono::nanoseconds work{0};  ///< the duration asked for (--work)
  std::uint64_t rounds = 0;          ///< the calibrated rounds that make it on this machine
  std::uint64_t slice_rounds = 0;    ///< rounds per `chunked-main` slice (--slice)
  std::chrono::nanoseconds slice{0};
  std::shared_ptr<const std::vector<std::uint8_t>> payload;
  std::shared_ptr<PointRecord> record;

  std::string label() const;
  std::vector<bench::Parameter> parameters() const;  ///< work_ns, work_rounds, payload_bytes
};

struct OffloadSettings {
  std::optional<std::vector<std::chrono::nanoseconds>> work;  ///< --work
  std::optional<std::vector<std::uint64_t>> payloads;         ///< --payload
  std::optional<std::chrono::nanoseconds> slice;              ///< --slice
  /// Rounds per nanosecond; 0: measured in prepare(). Tests set it to skip the calibration.
  double rounds_per_ns = 0;
};

class OffloadScenario final : public bench::ScenarioOf<WorkPoint> {
 public:
  std::string name() const override { return "offload"; }
  std::string summary() const override;
  std::string help() const override;
  std::vector<bench::OptionSpec> options() override;
  std::vector<bench::ModeSpec> modes() const override;
  std::vector<bench::MetricSpec> metrics() const override;
  std::vector<bench::MetricSpec> setup_metrics() const override;
  std::vector<bench::ParameterSpec> parameter_specs() const override;
  bench::Conclusions conclusions(const bench::ScenarioResult& result) const override;

  OffloadSettings& settings() { return settings_; }
  /// Rounds per nanosecond the run used (measured in prepare() unless set).
  double rounds_per_ns() const { return rounds_per_ns_; }

 protected:
  std::vector<WorkPoint> make_points(const bench::RunSettings& settings) override;
  std::unique_ptr<bench::ModeRunner> make_runner_for(const bench::ModeSpec& mode,
                                                     const WorkPoint& point) override;

 private:
  OffloadSettings settings_;
  double rounds_per_ns_ = 0;
};

/// The sentences under the table, from `result`'s medians; `points` are the run's points
/// (indexed by ParameterResult::index).
bench::Conclusions build_conclusions(const std::vector<WorkPoint>& points,
                                     const bench::ScenarioResult& result, double rounds_per_ns);

}  // namespace offload
