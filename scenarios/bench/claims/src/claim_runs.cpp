#include "bench/claims/claim_runs.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>

#include "bench/harness/option.hpp"
#include "bench/harness/registry.hpp"
#include "bench/harness/settings_error.hpp"

namespace bench::claims {

std::vector<ClaimRun> claim_runs(RunLength length) {
  const bool quick = length == RunLength::quick;
  // Repetitions: enough for a median and a paired verdict where a claim compares two modes
  // (6 pairs reach a 95 % interval: confidence.hpp), fewer with --quick.
  const int compared = quick ? 6 : 20;
  const int few = quick ? 3 : 8;
  // Frames around the work where a claim reads frames: the scenarios' own lead-in by default.
  const int frames = quick ? 1 : RunSettings{}.lead_in_frames;
  std::vector<ClaimRun> runs{
      {"json", "json-parse", {{"--size", "2MB"}, {"--decoder", "dynamic"}}, {"main"}, few, frames},
      {"spawn", "spawn", {{"--payload", "1KB"}}, {"spawn", "run", "run-cold"}, quick ? 10 : 40},
      {"messages-string",
       "messages",
       {{"--kind", "string"}, {"--size", "2MB"}},
       {"copy", "share"},
       compared},
      {"messages-objects",
       "messages",
       {{"--kind", "objects"}, {"--objects", "100,10000"}},
       {"copy"},
       compared},
      {"isolate-memory", "isolate-memory", {{"--isolates", "100"}}, {"isolate"}, quick ? 2 : 3},
      {"offload",
       "offload",
       {{"--work", "4ms,20ms"}, {"--payload", "64KB"}},
       {"main", "run", "worker"},
       compared,
       frames},
      {"native-state",
       "native-state",
       {{"--isolates", "2"}, {"--ops", quick ? "50000" : "200000"}},
       {"native-racy", "native-mutex"},
       few},
      {"sha256",
       "sha256",
       {{"--size", quick ? "32MiB" : "64MiB"}},
       {"main", "transfer"},
       few,
       frames},
  };
  // One pool size per run (--workers takes one value), the same batch for each, so their
  // speedups over one worker compare.
  for (const int workers : quick ? std::vector<int>{2, 4} : std::vector<int>{2, 3, 4}) {
    runs.push_back(
        {"pool-" + std::to_string(workers),
         "image-compress",
         {{"--resolution", "320x180"}, {"--workers", std::to_string(workers)}, {"--images", "4"}},
         {"pool"},
         quick ? 2 : 5});
  }
  return runs;
}

namespace {

std::unique_ptr<Scenario> make_registered(const std::string& name) {
  for (const auto make : registered_scenarios()) {
    auto scenario = make();
    if (scenario->name() == name) return scenario;
  }
  return nullptr;
}

/// Applies `value` to the option of `scenario` whose long flag is `flag`, as the command line
/// would. Throws SettingsError for a flag the scenario does not declare.
void apply_option(std::vector<OptionSpec>& options, const std::string& scenario,
                  const std::string& flag, const std::string& value) {
  const auto option = std::find_if(options.begin(), options.end(),
                                   [&](const OptionSpec& o) { return long_flag(o.flags) == flag; });
  if (option == options.end()) {
    throw SettingsError(scenario + " has no option " + flag + " for the claims' run");
  }
  option->apply(value);
}

}  // namespace

RunResults run_claims(const std::vector<ClaimRun>& runs, const Environment& environment,
                      const ProgressCallback& progress, std::vector<RunTime>* times) {
  RunResults results;
  for (const auto& run : runs) {
    const auto begin = std::chrono::steady_clock::now();
    auto scenario = make_registered(run.scenario);
    if (!scenario) continue;  // not in this build: its claims say "not measured yet"
    auto options = scenario->options();
    for (const auto& [flag, value] : run.options) {
      apply_option(options, run.scenario, flag, value);
    }
    RunSettings settings;
    settings.repetitions = run.repetitions;
    settings.modes = run.modes;
    settings.lead_in_frames = run.lead_frames;
    settings.lead_out_frames = run.lead_frames;
    scenario->prepare(settings);
    results.emplace(run.tag,
                    run_scenario_on_main_isolate(*scenario, settings, environment, progress));
    if (times) times->push_back({run.tag, run.scenario, std::chrono::steady_clock::now() - begin});
  }
  return results;
}

}  // namespace bench::claims
