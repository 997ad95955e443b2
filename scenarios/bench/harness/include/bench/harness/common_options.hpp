#pragma once
// The options every scenario takes, declared once here: --mode, --repetitions, --warmup, --fps,
// --ui-work and --seed, writing into RunSettings. Every count and duration has an upper limit,
// so no accepted value makes a run that cannot end in reasonable time.

#include <chrono>
#include <vector>

#include "bench/harness/option.hpp"
#include "bench/harness/run_settings.hpp"
#include "bench/harness/scenario.hpp"

namespace bench {

inline constexpr int kMaxRepetitions = 1000;
inline constexpr int kMaxWarmups = 100;
inline constexpr std::chrono::nanoseconds kMaxUiWork = std::chrono::seconds(1);

/// The common options of `scenario` (its modes make --mode's accepted list), storing into
/// `settings`; both must outlive the declarations.
std::vector<OptionSpec> common_options(RunSettings& settings, const Scenario& scenario);

}  // namespace bench
