#include "bench/harness/registry.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace bench {
namespace {

/// Built on first use, so registrations from any translation unit's static initialisation find it.
std::vector<ScenarioFactory>& factories() {
  static std::vector<ScenarioFactory> registered;
  return registered;
}

}  // namespace

ScenarioRegistration::ScenarioRegistration(ScenarioFactory factory) {
  factories().push_back(factory);
}

std::vector<ScenarioFactory> registered_scenarios() {
  std::vector<std::pair<std::string, ScenarioFactory>> named;
  for (const auto factory : factories()) named.emplace_back(factory()->name(), factory);
  std::sort(named.begin(), named.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<ScenarioFactory> sorted;
  for (std::size_t i = 0; i < named.size(); ++i) {
    if (i > 0 && named[i].first == named[i - 1].first) {
      throw std::logic_error("two scenarios are registered as '" + named[i].first + "'");
    }
    sorted.push_back(named[i].second);
  }
  return sorted;
}

}  // namespace bench
