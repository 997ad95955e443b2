#pragma once
// Where the command line finds the scenarios: each scenario registers itself with one line in its
// own folder, beside its code, as Google Benchmark's BENCHMARK() does:
//
//   ISOBENCH_REGISTER_SCENARIO(JsonParseScenario);
//
// Self-registration, rather than a list in a shared file, is what makes a scenario one folder:
// nothing outside it names it, so adding one edits no shared file but the build's list of folders.
// The registration is a static object, so its translation unit must be linked in whole: the build's
// isobench_add_scenario() (scenarios/scenario.cmake) makes each scenario an object library for
// exactly that reason (a static library's unreferenced members would be dropped by the linker).

#include <memory>
#include <vector>

#include "bench/harness/scenario.hpp"

namespace bench {

using ScenarioFactory = std::unique_ptr<Scenario> (*)();

/// Every registered scenario's factory, sorted by scenario name (`list` and --help show them in
/// this order). Each call to a factory makes a fresh scenario with its default settings.
std::vector<ScenarioFactory> registered_scenarios();

/// Adds `factory` to the registry. Called by ISOBENCH_REGISTER_SCENARIO during static
/// initialisation; a second scenario with the same name is a programming error that
/// registered_scenarios() reports (std::logic_error).
struct ScenarioRegistration {
  explicit ScenarioRegistration(ScenarioFactory factory);
};

}  // namespace bench

#define ISOBENCH_CONCAT_INNER(a, b) a##b
#define ISOBENCH_CONCAT(a, b) ISOBENCH_CONCAT_INNER(a, b)
/// Registers `Type` (default-constructible, derived from bench::Scenario) from namespace scope.
#define ISOBENCH_REGISTER_SCENARIO(Type)                                             \
  static const ::bench::ScenarioRegistration ISOBENCH_CONCAT(isobench_registration_, \
                                                             __COUNTER__) {          \
    []() -> std::unique_ptr<::bench::Scenario> { return std::make_unique<Type>(); }  \
  }
