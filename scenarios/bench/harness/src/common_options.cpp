#include "bench/harness/common_options.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "bench/harness/quantities.hpp"
#include "bench/harness/settings_error.hpp"

namespace bench {

void parse_repetitions(std::string_view text, RunSettings& settings) {
  if (text == "auto") {
    settings.auto_repetitions = true;
    settings.repetitions = kAutoLeastRepetitions;
    return;
  }
  std::int64_t count = 0;
  try {
    count = parse_integer(text, "--repetitions", 1, kMaxRepetitions);
  } catch (const SettingsError&) {
    throw SettingsError(
        fmt::format("--repetitions '{}': neither auto nor a whole number from 1 to "
                    "{}; accepted: auto or a count from 1 to {}",
                    text, kMaxRepetitions, kMaxRepetitions));
  }
  settings.auto_repetitions = false;
  settings.repetitions = static_cast<int>(count);
}

std::vector<OptionSpec> common_options(RunSettings& settings, const Scenario& scenario) {
  const std::string group = "Measurement";
  // The command line's default is -r auto (kDefaultRepetitions), while a RunSettings made in
  // code keeps a fixed count: the default is applied here, where --help states it.
  parse_repetitions(kDefaultRepetitions, settings);
  std::vector<std::string> names;
  for (const auto& mode : scenario.modes()) names.push_back(mode.name);
  std::vector<OptionSpec> options{
      {"--mode", "all|MODE[,MODE...]",
       fmt::format("Modes to run, a comma list of {}; they run in this order, the first of them "
                   "is the baseline",
                   fmt::join(names, ", ")),
       "all", group,
       [&settings, names](std::string_view text) {
         settings.modes = parse_name_list(text, "--mode", names, /*all_allowed=*/true);
       }},
      {"-r,--repetitions", "auto|N",
       fmt::format("Measured runs per mode and parameter set: auto (at least {0}, then more "
                   "until every mode's median is known to ±{1:.0f} % at 95 % confidence, or "
                   "--max-time is spent; {3} when --max-time allows no more) or a fixed count, "
                   "1..{2}",
                   kAutoLeastRepetitions, kAutoTolerance * 100, kMaxRepetitions,
                   kAutoFewestRepetitions),
       kDefaultRepetitions, group,
       [&settings](std::string_view text) { parse_repetitions(text, settings); }},
      duration_option("--max-time", settings.max_time,
                      fmt::format("With -r auto: the most time one parameter set may take "
                                  "(setup and warm-ups included; a round that would end later "
                                  "is not started), 1s..1h, with a unit: ns, us, ms or s. When "
                                  "not given: {}s shared by the parameter sets, at most {}s each",
                                  kDefaultRunBudget.count() / 1'000'000'000,
                                  kDefaultMaxTime.count() / 1'000'000'000),
                      "", std::chrono::seconds(1), kMaxTime),
      integer_option("--warmup", settings.warmups,
                     fmt::format("Unmeasured runs per mode before measuring, 0..{}", kMaxWarmups),
                     "1", 0, kMaxWarmups),
      {"--fps", "FPS", "Display refresh rate the frames are measured against, 1..1000", "60", group,
       [&settings](std::string_view text) { settings.display.fps = parse_fps(text, "--fps"); }},
      duration_option("--ui-work", settings.display.ui_work,
                      "CPU work of one UI frame on the main isolate, 0ns..1s, with a unit: ns, us, "
                      "ms or s",
                      "2ms", std::chrono::nanoseconds(0), kMaxUiWork),
      {"--seed", "N", "Seed of the generated workload, so runs are reproducible", "42", group,
       [&settings](std::string_view text) { settings.seed = parse_seed(text, "--seed"); }},
  };
  for (auto& option : options) option.group = group;
  return options;
}

}  // namespace bench
