// native-state's conclusions: sentences from this run's medians, per parameter set, for the
// modes that ran.

#include <fmt/format.h>

#include <optional>
#include <string_view>

#include "bench/harness/result.hpp"
#include "bench/harness/units.hpp"
#include "native_state_scenario.hpp"

namespace native_state {
namespace {

namespace k = metric_keys;

using bench::median;

/// How many repetitions of `mode` lost no update, and how many ran.
std::pair<std::size_t, std::size_t> clean_runs(const bench::ParameterResult& set,
                                               std::string_view mode) {
  std::size_t clean = 0, runs = 0;
  for (const auto& measured : set.modes) {
    if (measured.mode.name != mode) continue;
    for (const auto& repetition : measured.repetitions) {
      ++runs;
      if (repetition.values.at(k::lost_updates) == 0) ++clean;
    }
  }
  return {clean, runs};
}

std::string count(double value) {
  return bench::format_value(value, bench::Unit::count);
}

std::string racy_sentence(const StatePoint& point, const bench::ParameterResult& set) {
  const auto lost = median(set, "native-racy", k::lost_updates);
  if (!lost) return {};
  const auto [clean, runs] = clean_runs(set, "native-racy");
  return fmt::format(
      "{}: without protection the native counter lost {} of {} updates ({:.1f} %, median); "
      "{} of {} runs lost updates. The isolates' own heaps do not protect a native library's "
      "globals.",
      point.label(), count(*lost), point.expected_calls(),
      100.0 * *lost / static_cast<double>(point.expected_calls()), runs - clean, runs);
}

std::string fix_sentence(const StatePoint& point, const bench::ParameterResult& set,
                         std::string_view mode, std::string_view fix) {
  const auto time = median(set, mode, k::all_calls_ns);
  if (!time) return {};
  const auto [clean, runs] = clean_runs(set, mode);
  std::string sentence = clean == runs ? fmt::format("{}: {} lost no update in any of {} runs",
                                                     point.label(), fix, runs)
                                       : fmt::format("{}: {} lost updates in {} of {} runs",
                                                     point.label(), fix, runs - clean, runs);
  sentence += "; all calls took " + bench::format_duration_ns(*time);
  if (const auto single = median(set, "single-isolate", k::all_calls_ns); single && *single > 0) {
    sentence += fmt::format(", {:.2f} x the time of one isolate making every call ({})",
                            *time / *single, bench::format_duration_ns(*single));
  }
  if (mode == "native-atomic") {
    if (const auto retries = median(set, mode, k::cas_retries)) {
      sentence += fmt::format(", with {} compare-and-swap retries", count(*retries));
    }
  }
  return sentence + " (medians).";
}

std::string local_sentence(const StatePoint& point, const bench::ParameterResult& set) {
  const auto lost = median(set, "isolate-local", k::lost_updates);
  if (!lost) return {};
  return fmt::format(
      "{}: with IsolateLocal state (Dart statics) each isolate counted its own {} calls and "
      "{} updates were lost, but no isolate sees another's count: per-isolate state is correct "
      "because it is not shared.",
      point.label(), point.calls_per_isolate, count(*lost));
}

}  // namespace

bench::Conclusions NativeStateScenario::conclusions(const bench::ScenarioResult& result) const {
  bench::Conclusions conclusions;
  conclusions.per_set.resize(result.parameter_sets.size());
  for (std::size_t i = 0; i < result.parameter_sets.size(); ++i) {
    const auto& set = result.parameter_sets[i];
    const StatePoint& point = points().at(set.index);
    for (auto sentence :
         {racy_sentence(point, set), fix_sentence(point, set, "native-mutex", "the mutex fix"),
          fix_sentence(point, set, "native-atomic", "the atomic fix"),
          local_sentence(point, set)}) {
      if (!sentence.empty()) conclusions.add(i, std::move(sentence));
    }
  }
  return conclusions;
}

}  // namespace native_state
