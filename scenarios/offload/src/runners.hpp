#pragma once
// The runners of the offload modes, one factory per mode, and what every mode measures alike.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bench/harness/scenario.hpp"
#include "offload_scenario.hpp"

namespace offload {

std::vector<bench::MetricSpec> call_metric_specs();
std::vector<bench::MetricSpec> call_setup_metric_specs();

/// The instants and costs of one call, as every mode records them.
struct CallTimeline {
  std::int64_t in_hand_ns = 0;    ///< the payload in hand on the main isolate, the call begins
  std::int64_t usable_ns = 0;     ///< the result usable on the main isolate
  std::int64_t main_busy_ns = 0;  ///< the main isolate's own stretches on this call, added up
  std::int64_t work_ns = 0;       ///< the computation itself, timed where it ran
};

/// A runner that records its checksum with its point and makes the metrics of a call.
class CallRunner : public bench::ModeRunner {
 public:
  CallRunner(const WorkPoint& point, std::string mode) : point_(point), mode_(std::move(mode)) {}

 protected:
  const std::vector<std::uint8_t>& payload() const { return *point_.payload; }
  /// Checks `checksum` against the point's first one and makes the metrics of `t`.
  bench::Measurements finish(const CallTimeline& t, std::uint64_t checksum);

  const WorkPoint& point_;
  const std::string mode_;
};

std::unique_ptr<bench::ModeRunner> make_main_runner(const WorkPoint& point);
std::unique_ptr<bench::ModeRunner> make_chunked_main_runner(const WorkPoint& point);
std::unique_ptr<bench::ModeRunner> make_run_runner(const WorkPoint& point);
std::unique_ptr<bench::ModeRunner> make_worker_runner(const WorkPoint& point);

}  // namespace offload
