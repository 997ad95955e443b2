#include "bench/harness/scenario.hpp"

#include "bench/harness/result.hpp"

namespace bench {

iso::Future<Measurements> ModeRunner::setup() {
  co_return Measurements{};
}

iso::Future<void> ModeRunner::teardown() {
  co_return;
}

Conclusions Scenario::conclusions(const ScenarioResult&) const {
  return {};
}

std::vector<OutputFile> Scenario::output_files(const ScenarioResult&) const {
  return {};
}

double elapsed_ns(std::chrono::steady_clock::time_point start) noexcept {
  return static_cast<double>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start)
          .count());
}

}  // namespace bench
