#include "bench/harness/common_options.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "bench/harness/quantities.hpp"

namespace bench {

std::vector<OptionSpec> common_options(RunSettings& settings, const Scenario& scenario) {
  const std::string group = "Measurement";
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
      integer_option(
          "-r,--repetitions", settings.repetitions,
          fmt::format("Measured runs per mode and parameter set, 1..{}", kMaxRepetitions), "10", 1,
          kMaxRepetitions),
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
