#pragma once
// The options every scenario takes, declared once here: --mode, --repetitions, --max-time,
// --warmup, --fps, --ui-work and --seed, writing into RunSettings. Every count and duration has an
// upper limit, so no accepted value makes a run that cannot end in reasonable time.

#include <chrono>
#include <string_view>
#include <vector>

#include "bench/harness/option.hpp"
#include "bench/harness/run_settings.hpp"
#include "bench/harness/scenario.hpp"

namespace bench {

inline constexpr int kMaxRepetitions = 1000;
/// -r auto measures at least this many rounds when the time budget allows: enough for a 95 %
/// median interval that leaves out the extremes (ranks 2 and 9 of 10), so one disturbed
/// repetition cannot widen it.
inline constexpr int kAutoLeastRepetitions = 10;
/// When rounds are long (a second of work per mode, as image-compress's), ten of them do not fit
/// the budget; -r auto then stops at the budget but never below this many: six is the smallest
/// sample whose extremes still bound the median at 95 % (1 - 2 * 0.5^6 = 96.9 %).
inline constexpr int kAutoFewestRepetitions = 6;
inline constexpr std::chrono::nanoseconds kMaxTime = std::chrono::hours(1);
/// What -r means when not given on the command line. Auto: on a shared machine ten rounds
/// leave most comparisons undecided and two runs disagree; auto measures as many rounds as
/// the default time budget allows (kDefaultRunBudget), so a default run stays under a minute.
inline constexpr const char* kDefaultRepetitions = "auto";
inline constexpr int kMaxWarmups = 100;
inline constexpr std::chrono::nanoseconds kMaxUiWork = std::chrono::seconds(1);

/// Applies an -r value: "auto", or a count 1..kMaxRepetitions. Throws SettingsError otherwise.
void parse_repetitions(std::string_view text, RunSettings& settings);

/// The common options of `scenario` (its modes make --mode's accepted list), storing into
/// `settings`; both must outlive the declarations.
std::vector<OptionSpec> common_options(RunSettings& settings, const Scenario& scenario);

}  // namespace bench
