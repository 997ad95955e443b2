#include "state_runner.hpp"

#include <chrono>
#include <vector>

#include "native_library.h"
#include "native_state_scenario.hpp"

namespace native_state {
namespace {

namespace k = metric_keys;

class StateRunner final : public bench::ModeRunner {
 public:
  StateRunner(Access access, std::int64_t workers, std::int64_t calls_each)
      : access_(access), workers_(workers), calls_each_(calls_each) {}

  iso::Future<bench::Measurements> run_once() override {
    native_reset();  // no earlier worker is alive: every repetition waits for its workers' exits
    iso::ReceivePort ready("native-state ready");
    iso::ReceivePort done("native-state done");
    iso::ReceivePort exited("native-state exited");
    for (std::int64_t i = 0; i < workers_; ++i) {
      iso::SpawnOptions options;
      options.debug_name = "native-state-" + std::to_string(i);
      options.on_exit = exited.send_port();
      (void)co_await iso::Isolate::spawn(
          &state_worker, WorkOrder{ready.send_port(), done.send_port(), access_, calls_each_},
          std::move(options));
    }
    // Every worker is spawned and waiting before any starts, so their calls overlap in time
    // rather than in the order the spawns happened to finish.
    std::vector<iso::SendPort> go;
    for (std::int64_t i = 0; i < workers_; ++i) {
      go.push_back((co_await ready.next()).take<iso::SendPort>());
    }
    const auto started = std::chrono::steady_clock::now();
    for (const auto& port : go) port.send(true);
    std::int64_t local_counts = 0;
    std::int64_t retries = 0;
    for (std::int64_t i = 0; i < workers_; ++i) {
      const auto report = (co_await done.next()).take<WorkReport>();
      local_counts += report.local_count;
      retries += report.retries;
    }
    const double elapsed = bench::elapsed_ns(started);
    for (std::int64_t i = 0; i < workers_; ++i) (void)co_await exited.next();

    const std::int64_t expected = workers_ * calls_each_;
    const std::int64_t observed =
        access_ == Access::isolate_local ? local_counts : static_cast<std::int64_t>(native_calls());
    const std::int64_t lost = expected - observed;
    co_return bench::Measurements{
        {k::all_calls_ns, elapsed},
        {k::calls_per_second, elapsed > 0 ? static_cast<double>(expected) / (elapsed / 1e9) : 0},
        {k::lost_updates, static_cast<double>(lost)},
        {k::lost_ratio, static_cast<double>(lost) / static_cast<double>(expected)},
        {k::cas_retries, static_cast<double>(retries)}};
  }

 private:
  Access access_;
  std::int64_t workers_;
  std::int64_t calls_each_;
};

}  // namespace

std::unique_ptr<bench::ModeRunner> make_state_runner(Access access, std::int64_t workers,
                                                     std::int64_t calls_each) {
  return std::make_unique<StateRunner>(access, workers, calls_each);
}

}  // namespace native_state
