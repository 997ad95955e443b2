#include "bench/harness/runner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <numeric>
#include <set>
#include <stdexcept>

#include "bench/frames/display.hpp"
#include "bench/frames/metrics.hpp"
#include "bench/harness/common_options.hpp"
#include "bench/harness/frame_metrics.hpp"
#include "bench/harness/option.hpp"
#include "iso/run_main.hpp"
#include "iso/timer.hpp"

namespace bench {
namespace {

bool is_identifier(const std::string& key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

void check_declarations(const std::string& scenario, const std::vector<ModeSpec>& modes,
                        const std::vector<ParameterSet>& sets,
                        const std::vector<MetricSpec>& all_metrics,
                        std::size_t scenario_metric_count, const RunSettings& settings) {
  if (modes.empty()) throw std::invalid_argument(scenario + ": declares no mode");
  if (sets.empty()) throw std::invalid_argument(scenario + ": declares no parameter set");
  if (scenario_metric_count == 0) throw std::invalid_argument(scenario + ": declares no metric");
  if (settings.repetitions < 1) throw std::invalid_argument("repetitions must be at least 1");
  if (settings.auto_repetitions && settings.max_time &&
      *settings.max_time <= std::chrono::nanoseconds(0)) {
    throw std::invalid_argument("max-time must be positive");
  }
  if (settings.warmups < 0) throw std::invalid_argument("warm-ups must not be negative");
  if (settings.lead_in_frames < 0 || settings.lead_out_frames < 0) {
    throw std::invalid_argument("lead-in and lead-out frames must not be negative");
  }
  validate(settings.display);
  std::set<std::string, std::less<>> keys;
  for (const auto& metric : all_metrics) {
    if (!is_identifier(metric.key)) {
      throw std::invalid_argument(scenario + ": metric key '" + metric.key + "' is not [a-z0-9_]");
    }
    if (!keys.insert(metric.key).second) {
      throw std::invalid_argument(scenario + ": metric key '" + metric.key + "' is declared twice");
    }
  }
}

/// The modes of `scenario` named in `chosen` (when `chosen` is empty: those it runs by default),
/// in declared order. Throws SettingsError for a name that is not declared or is given twice.
std::vector<ModeSpec> chosen_modes(const Scenario& scenario,
                                   const std::vector<std::string>& chosen) {
  const std::vector<ModeSpec> declared = scenario.modes();
  if (chosen.empty()) {
    std::vector<ModeSpec> modes;
    for (const auto& mode : declared) {
      if (scenario.runs_by_default(mode)) modes.push_back(mode);
    }
    return modes;
  }
  std::vector<std::string> names;
  for (const auto& mode : declared) names.push_back(mode.name);
  std::string list;
  for (const auto& name : chosen) list += (list.empty() ? "" : ",") + name;
  const auto valid = parse_name_list(list, "--mode", names, /*all_allowed=*/false);
  std::vector<ModeSpec> modes;
  for (const auto& mode : declared) {
    if (std::find(valid.begin(), valid.end(), mode.name) != valid.end()) modes.push_back(mode);
  }
  return modes;
}

/// Throws std::logic_error when `values` holds a key `specs` does not declare, or (when
/// `require_all`) lacks one it does.
void check_keys(const Measurements& values, const std::vector<MetricSpec>& specs,
                const std::string& where, bool require_all = true) {
  for (const auto& spec : specs) {
    if (require_all && !values.contains(spec.key)) {
      throw std::logic_error(where + " did not return the declared metric '" + spec.key + "'");
    }
  }
  for (const auto& entry : values) {
    const std::string& key = entry.first;
    const bool declared = std::any_of(specs.begin(), specs.end(),
                                      [&](const MetricSpec& spec) { return spec.key == key; });
    if (!declared) throw std::logic_error(where + " returned the undeclared metric '" + key + "'");
  }
}

/// Waits, half a frame period at a time, until `display` has posted `vsyncs` VSyncs. On a loaded
/// machine the VSync thread can start or wake later than its deadlines (seen under
/// AddressSanitizer with tests running side by side: a window with no frame at all); the window
/// then stretches until the frames it promises were due and posted. Otherwise, the VSyncs being
/// on time, this returns at once.
iso::Future<void> until_posted(const Display& display, std::size_t vsyncs,
                               std::chrono::nanoseconds period) {
  while (display.vsyncs_posted() < vsyncs) co_await iso::delay(period / 2);
}

/// One measured repetition: the run inside a frames window.
iso::Future<Repetition> measure_in_window(ModeRunner& runner, const RunSettings& settings,
                                          const std::vector<MetricSpec>& declared,
                                          const std::string& where, int index) {
  const auto period = frame_period(settings.display.fps);
  const auto lead_in = static_cast<std::size_t>(settings.lead_in_frames);
  const auto lead_out = static_cast<std::size_t>(settings.lead_out_frames);
  Display display(settings.display);
  display.start();
  // Start half a period after a VSync, when that frame's UI work is done (for ui_work below
  // half a period): the work then starts on an idle main loop instead of queueing behind a
  // frame that happens to be due at the same instant, which would add ui_work to every figure.
  co_await iso::delay(period * settings.lead_in_frames + period / 2);
  co_await until_posted(display, lead_in + 1, period);  // VSync 0 and the lead-in's
  Measurements values = co_await runner.run_once();
  const std::size_t posted_by_the_end = display.vsyncs_posted();
  co_await iso::delay(period * settings.lead_out_frames);
  co_await until_posted(display, posted_by_the_end + lead_out, period);
  FrameLog log = display.stop();
  check_keys(values, declared, where);
  values.merge(frame_measurements(measure(log)));
  co_return Repetition{index, std::move(values), std::move(log)};
}

}  // namespace

bool all_medians_within(const ParameterResult& set, const MetricSpec& metric, double tolerance) {
  for (const auto& mode : set.modes) {
    std::vector<double> values;
    for (const auto& repetition : mode.repetitions) {
      const auto found = repetition.values.find(metric.key);
      if (found != repetition.values.end()) values.push_back(found->second);
    }
    if (values.empty()) return false;
    const auto s = summarize(values);
    if (!is_within(s.median_interval, s.median, tolerance)) return false;
  }
  return true;
}

iso::Future<ScenarioResult> run_scenario(Scenario& scenario, RunSettings settings,
                                         Environment environment, ProgressCallback progress) {
  ScenarioResult result;
  result.started = std::chrono::system_clock::now();
  result.scenario = scenario.name();
  result.summary = scenario.summary();
  result.settings = settings;
  result.environment = std::move(environment);
  for (auto& library : scenario.libraries()) note_library(result.environment, std::move(library));
  const std::vector<MetricSpec> declared = scenario.metrics();
  result.metrics = declared;
  for (auto& spec : frame_metric_specs()) result.metrics.push_back(std::move(spec));
  result.setup_metrics = scenario.setup_metrics();
  const std::vector<ModeSpec> modes = chosen_modes(scenario, settings.modes);
  result.settings.modes.clear();
  for (const auto& mode : modes) result.settings.modes.push_back(mode.name);
  const std::vector<ParameterSet> sets = scenario.parameter_sets();
  {
    auto every_metric = result.metrics;
    every_metric.insert(every_metric.end(), result.setup_metrics.begin(),
                        result.setup_metrics.end());
    check_declarations(result.scenario, modes, sets, every_metric, declared.size(), settings);
  }

  const auto max_time = max_time_per_set(settings, sets.size());
  if (settings.auto_repetitions) result.settings.max_time = max_time;  // what the reports state

  auto set_start = std::chrono::steady_clock::now();
  auto report = [&](const ModeSpec& mode, std::size_t set_index, bool warmup, int repetition) {
    if (!progress) return;
    Progress p;
    p.mode = mode.name;
    p.parameter_set = sets[set_index].label;
    p.set = set_index + 1;
    p.sets = sets.size();
    p.warmup = warmup;
    p.repetition = repetition;
    p.repetitions = warmup ? settings.warmups : settings.repetitions;
    p.auto_repetitions = settings.auto_repetitions && !warmup;
    if (p.auto_repetitions) p.budget = max_time;
    p.set_elapsed = std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now() - set_start);
    progress(p);
  };

  for (std::size_t set_index = 0; set_index < sets.size(); ++set_index) {
    const ParameterSet& set = sets[set_index];
    ParameterResult measured{set, set_index, {}, StopReason::fixed_count, 0, {}, {}, {}};
    set_start = std::chrono::steady_clock::now();
    std::vector<std::unique_ptr<ModeRunner>> runners;
    std::size_t set_up = 0;
    std::exception_ptr failure;
    try {
      for (std::size_t i = 0; i < modes.size(); ++i) {
        runners.push_back(scenario.make_runner(modes[i], set_index));
        if (!runners.back()) {
          throw std::logic_error(result.scenario + ": make_runner returned no runner for mode " +
                                 modes[i].name);
        }
        ModeResult mode_result;
        mode_result.mode = modes[i];
        mode_result.baseline = i == 0;
        mode_result.setup = co_await runners.back()->setup();
        ++set_up;
        check_keys(mode_result.setup, result.setup_metrics,
                   fmt::format("{} mode {}: setup()", result.scenario, modes[i].name),
                   /*require_all=*/false);
        measured.modes.push_back(std::move(mode_result));
      }
      for (int w = 0; w < settings.warmups; ++w) {
        for (std::size_t i = 0; i < modes.size(); ++i) {
          report(modes[i], set_index, true, w + 1);
          (void)co_await runners[i]->run_once();
        }
      }
      auto longest_round = std::chrono::nanoseconds(0);
      for (int r = 1;; ++r) {
        const auto round_start = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < modes.size(); ++i) {
          report(modes[i], set_index, false, r);
          const auto where = fmt::format("{} mode {}: run_once()", result.scenario, modes[i].name);
          measured.modes[i].repetitions.push_back(
              co_await measure_in_window(*runners[i], settings, declared, where, r));
        }
        measured.rounds = static_cast<std::size_t>(r);
        longest_round = std::max<std::chrono::nanoseconds>(
            longest_round, std::chrono::steady_clock::now() - round_start);
        if (!settings.auto_repetitions) {
          if (r < settings.repetitions) continue;
          break;
        }
        if (r >= settings.repetitions &&
            all_medians_within(measured, declared.front(), kAutoTolerance)) {
          measured.stop = StopReason::converged;
          break;
        }
        // Stop before a round that could end past the budget, judging by the longest so far:
        // on a loaded machine one round can take several times the one before it. Long rounds
        // stop below the least number of rounds, down to the fewest that bound a median.
        if (r >= kAutoFewestRepetitions &&
            std::chrono::steady_clock::now() - set_start + longest_round > max_time) {
          measured.stop = StopReason::time_budget;
          break;
        }
        if (r >= kMaxRepetitions) {
          measured.stop = StopReason::repetition_limit;
          break;
        }
      }
    } catch (...) {
      failure = std::current_exception();
    }
    for (std::size_t i = 0; i < set_up; ++i) {
      try {
        co_await runners[i]->teardown();
      } catch (...) {
        if (!failure) failure = std::current_exception();
      }
    }
    if (failure) std::rethrow_exception(failure);
    measured.measuring_time = std::chrono::steady_clock::now() - set_start;
    result.parameter_sets.push_back(std::move(measured));
  }

  result.environment.peak_rss_bytes = peak_resident_bytes();
  summarize_result(result);
  attach_conclusions(result, scenario.conclusions(result));
  result.output_files = scenario.output_files(result);
  co_return result;
}

void summarize_result(ScenarioResult& result) {
  for (auto& set : result.parameter_sets) {
    for (auto& mode : set.modes) {
      mode.summaries.clear();
      if (mode.repetitions.empty()) continue;
      for (const auto& metric : result.metrics) {
        std::vector<double> values;
        for (const auto& repetition : mode.repetitions) {
          const auto found = repetition.values.find(metric.key);
          if (found != repetition.values.end()) values.push_back(found->second);
        }
        if (values.empty()) continue;
        mode.summaries.push_back(MetricSummary{metric.key, summarize(values)});
      }
      // The representative repetition: the median of the primary metric (lower middle).
      const auto& primary = result.primary_metric().key;
      std::vector<std::size_t> order(mode.repetitions.size());
      std::iota(order.begin(), order.end(), std::size_t{0});
      auto value_of = [&](std::size_t i) {
        const auto found = mode.repetitions[i].values.find(primary);
        return found == mode.repetitions[i].values.end() ? 0.0 : found->second;
      };
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t a, std::size_t b) { return value_of(a) < value_of(b); });
      mode.representative = order[(order.size() - 1) / 2];
    }
  }
}

ScenarioResult run_scenario_on_main_isolate(Scenario& scenario, RunSettings settings,
                                            Environment environment, ProgressCallback progress) {
  return iso::run_main([&]() -> iso::Future<ScenarioResult> {
    return run_scenario(scenario, std::move(settings), std::move(environment), std::move(progress));
  });
}

}  // namespace bench
