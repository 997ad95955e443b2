#include "bench/harness/scenario.hpp"

#include <stdexcept>

#include "bench/harness/units.hpp"

namespace bench {

iso::Future<Measurements> ModeRunner::setup() {
  co_return Measurements{};
}

iso::Future<void> ModeRunner::teardown() {
  co_return;
}

std::vector<std::string> Scenario::conclusions(const ScenarioResult&) const {
  return {};
}

ParameterSet size_parameter_set(std::string key, std::uint64_t bytes) {
  return ParameterSet{describe_size(bytes),
                      {Parameter{std::move(key), static_cast<std::int64_t>(bytes)}}};
}

std::int64_t integer_parameter(const ParameterSet& set, std::string_view key) {
  for (const auto& parameter : set.parameters) {
    if (parameter.key == key) return std::get<std::int64_t>(parameter.value);
  }
  throw std::out_of_range("parameter set '" + set.label + "' has no parameter '" +
                          std::string(key) + "'");
}

double elapsed_ns(std::chrono::steady_clock::time_point start) noexcept {
  return static_cast<double>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start)
          .count());
}

}  // namespace bench
