#pragma once
// isolate-memory: what an idle isolate costs in memory. N idle isolates, each holding an open
// port, are started; the process's resident and virtual memory and its threads are read before,
// with every one alive, and after they have all ended. A raw std::thread doing nothing is the
// reference: the difference is what an isolate's event loop, ports and heap account add.
//
// Its own scenario rather than a mode of `spawn`: every mode of a scenario reports every one of
// its metrics, and spawn's are latencies of one start-up, these are memory of N idle isolates.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bench/harness/scenario.hpp"

namespace isolate_memory {

/// One parameter set: how many idle isolates (or threads) are alive at once.
struct CountPoint {
  std::int64_t count = 100;
  std::string label() const;
  std::vector<bench::Parameter> parameters() const { return {{"isolates", count}}; }
};

inline constexpr std::int64_t kMaxIsolates = 10'000;

class IsolateMemoryScenario final : public bench::ScenarioOf<CountPoint> {
 public:
  std::string name() const override { return "isolate-memory"; }
  std::string summary() const override;
  std::string help() const override;
  std::vector<bench::OptionSpec> options() override;
  std::vector<bench::ModeSpec> modes() const override;
  std::vector<bench::MetricSpec> metrics() const override;
  std::vector<bench::ParameterSpec> parameter_specs() const override;
  bench::Conclusions conclusions(const bench::ScenarioResult& result) const override;

  std::vector<std::int64_t>& counts() { return counts_; }

 protected:
  std::vector<CountPoint> make_points(const bench::RunSettings& run) override;
  std::unique_ptr<bench::ModeRunner> make_runner_for(const bench::ModeSpec& mode,
                                                     const CountPoint& point) override;

 private:
  std::vector<std::int64_t> counts_{100};
};

/// Metric keys, shared by the runners, the conclusions and the tests.
namespace metric_keys {
inline constexpr const char* rss_per_isolate_bytes = "rss_per_isolate_bytes";
inline constexpr const char* vm_per_isolate_bytes = "vm_per_isolate_bytes";
inline constexpr const char* heap_per_isolate_bytes = "heap_per_isolate_bytes";
inline constexpr const char* threads_added = "threads_added";
inline constexpr const char* rss_retained_bytes = "rss_retained_bytes";
inline constexpr const char* vm_retained_bytes = "vm_retained_bytes";
inline constexpr const char* threads_retained = "threads_retained";
inline constexpr const char* all_up_ns = "all_up_ns";
}  // namespace metric_keys

}  // namespace isolate_memory
