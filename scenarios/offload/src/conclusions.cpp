// The sentences under the table, computed from this run's medians: where `main` starts dropping
// frames, what `run` and `worker` add, where each stops being worth it, and how that compares
// with the document's rule of thumb.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "bench/harness/frame_metrics.hpp"
#include "bench/harness/offload_answer.hpp"
#include "bench/harness/statistics.hpp"
#include "bench/harness/units.hpp"
#include "offload_scenario.hpp"

namespace offload {
namespace {

namespace k = metric_keys;
using namespace std::chrono_literals;
namespace fk = bench::frame_metric_keys;
using bench::format_duration_ns;
using bench::median;

std::string duration(std::chrono::nanoseconds value) {
  return format_duration_ns(static_cast<double>(value.count()));
}

std::string frames(double count) {
  return bench::format_value(count, bench::Unit::count) + (count == 1 ? " frame" : " frames");
}

/// The parameter sets of one payload, in order of the work asked for.
struct PayloadGroup {
  const std::vector<std::uint8_t>* payload = nullptr;
  std::vector<const bench::ParameterResult*> sets;
};

std::vector<PayloadGroup> group_by_payload(const std::vector<WorkPoint>& points,
                                           const bench::ScenarioResult& result) {
  std::vector<PayloadGroup> groups;
  for (const auto& set : result.parameter_sets) {
    const auto* payload = points.at(set.index).payload.get();
    auto group = std::find_if(groups.begin(), groups.end(),
                              [&](const PayloadGroup& g) { return g.payload == payload; });
    if (group == groups.end()) group = groups.insert(groups.end(), PayloadGroup{payload, {}});
    group->sets.push_back(&set);
  }
  for (auto& group : groups) {
    std::stable_sort(group.sets.begin(), group.sets.end(), [&](auto* a, auto* b) {
      return points.at(a->index).work < points.at(b->index).work;
    });
  }
  return groups;
}

std::chrono::nanoseconds work_of(const std::vector<WorkPoint>& points,
                                 const bench::ParameterResult* set) {
  return points.at(set->index).work;
}

/// The median over the sets of `mode`'s median `key`; empty when the mode ran in none.
std::optional<double> median_over(const std::vector<const bench::ParameterResult*>& sets,
                                  const char* mode, const char* key) {
  std::vector<double> values;
  for (const auto* set : sets) {
    if (const auto value = median(*set, mode, key)) values.push_back(*value);
  }
  if (values.empty()) return std::nullopt;
  return bench::summarize(values).median;
}

std::string calibration_sentence(const std::vector<WorkPoint>& points, const PayloadGroup& group,
                                 double rounds_per_ns) {
  std::string measured;
  for (const auto* set : group.sets) {
    std::optional<double> work;
    for (const auto& mode : set->modes) {
      if ((work = median(&mode, k::work))) break;
    }
    if (!work) continue;
    measured += fmt::format("{}{} took {}", measured.empty() ? "" : ", ",
                            duration(work_of(points, set)), format_duration_ns(*work));
  }
  return fmt::format(
      "The work was calibrated before the run at {:.0f} rounds of arithmetic per µs on this "
      "machine; with a {} payload, asked for {} (medians of the first mode).",
      rounds_per_ns * 1000, bench::describe_size(group.payload->size()), measured);
}

/// The first set (in order of work) whose `main` median of `key` is above zero.
const bench::ParameterResult* first_with(const PayloadGroup& group, const char* key) {
  for (const auto* set : group.sets) {
    const auto value = median(*set, "main", key);
    if (value && *value > 0) return set;
  }
  return nullptr;
}

std::optional<std::string> threshold_sentence(const std::vector<WorkPoint>& points,
                                              const PayloadGroup& group,
                                              const bench::ScenarioResult& result) {
  const bool main_ran = std::any_of(group.sets.begin(), group.sets.end(), [](auto* set) {
    return median(*set, "main", fk::dropped).has_value();
  });
  if (!main_ran) return std::nullopt;
  const auto& display = result.settings.display;
  const std::string at = fmt::format("At {:g} fps with {} of UI work per frame", display.fps,
                                     duration(display.ui_work));
  const auto* dropping = first_with(group, fk::dropped);
  const auto* janky = first_with(group, fk::janky);
  std::string janky_part;
  if (janky != nullptr) {
    janky_part =
        fmt::format("; frames turn janky from {} ({} late)", duration(work_of(points, janky)),
                    frames(*median(*janky, "main", fk::janky)));
  }
  if (dropping == nullptr) {
    return fmt::format("{}, `main` dropped no frame up to {} of work, the largest measured{}.", at,
                       duration(work_of(points, group.sets.back())), janky_part);
  }
  std::string below;
  const auto position = std::find(group.sets.begin(), group.sets.end(), dropping);
  if (position != group.sets.begin()) {
    below = fmt::format("; at {} it dropped none", duration(work_of(points, *(position - 1))));
  } else {
    below = "; that is the smallest work measured";
  }
  const auto took = median(*dropping, "main", k::work);
  return fmt::format(
      "{}, `main` starts dropping frames at {} of work (it took {}, and dropped {}: medians){}{}.",
      at, duration(work_of(points, dropping)), format_duration_ns(took.value_or(0)),
      frames(*median(*dropping, "main", fk::dropped)), below, janky_part);
}

/// What `mode` adds over the work, and from which work on it keeps frames `main` drops.
std::optional<std::string> offload_sentence(const std::vector<WorkPoint>& points,
                                            const PayloadGroup& group, const char* mode,
                                            const char* what) {
  const auto overhead = median_over(group.sets, mode, k::overhead);
  if (!overhead) return std::nullopt;
  std::string text = fmt::format(
      "`{}` adds {} per call over the work itself (median over the "
      "work sizes; {})",
      mode, format_duration_ns(*overhead), what);
  const bench::ParameterResult* worth = nullptr;
  for (const auto* set : group.sets) {
    const auto main_dropped = median(*set, "main", fk::dropped);
    const auto dropped = median(*set, mode, fk::dropped);
    if (main_dropped && dropped && *main_dropped > *dropped) {
      worth = set;
      break;
    }
  }
  const auto* smallest = group.sets.front();
  const double smallest_work = static_cast<double>(work_of(points, smallest).count());
  const auto smallest_overhead = median(*smallest, mode, k::overhead);
  std::string cost;
  if (smallest_overhead && smallest_work > 0) {
    cost = fmt::format("{} on top of the {} job ({:.0f} % more)",
                       format_duration_ns(*smallest_overhead), duration(work_of(points, smallest)),
                       *smallest_overhead / smallest_work * 100);
  }
  if (!median(*smallest, "main", fk::dropped)) return text + ".";
  if (worth == nullptr) {
    return text + fmt::format(
                      ". It is worth it at no work size measured: `main` drops no frame "
                      "that `{}` keeps, so it only adds time{}.",
                      mode, cost.empty() ? "" : ": " + cost);
  }
  text +=
      fmt::format(". It is worth it from {} on: there `main` drops {} and `{}` {}",
                  duration(work_of(points, worth)), frames(*median(*worth, "main", fk::dropped)),
                  mode, frames(*median(*worth, mode, fk::dropped)));
  if (worth != smallest) {
    const auto position = std::find(group.sets.begin(), group.sets.end(), worth);
    text += fmt::format(
        "; it stops being worth it below that: up to {} `main` keeps its frames "
        "and `{}` only adds time{}",
        duration(work_of(points, *(position - 1))), mode,
        cost.empty() ? "" : ", " + cost + " at the smallest");
  }
  return text + ".";
}

std::optional<std::string> chunked_sentence(const std::vector<WorkPoint>& points,
                                            const PayloadGroup& group) {
  const auto* largest = group.sets.back();
  const auto chunked = median(*largest, "chunked-main", k::end_to_end);
  const auto most_dropped = [&]() -> std::optional<double> {
    std::optional<double> most;
    for (const auto* set : group.sets) {
      if (const auto value = median(*set, "chunked-main", fk::dropped)) {
        most = std::max(most.value_or(0), *value);
      }
    }
    return most;
  }();
  if (!chunked || !most_dropped) return std::nullopt;
  const std::string drops = *most_dropped == 0
                                ? std::string("drops no frame at any work size")
                                : "drops at most " + frames(*most_dropped) + " at any work size";
  std::string text = fmt::format(
      "`chunked-main` in {} slices {} (medians); at {} it takes {} end "
      "to end",
      duration(points.at(largest->index).slice), drops, duration(work_of(points, largest)),
      format_duration_ns(*chunked));
  if (const auto main = median(*largest, "main", k::end_to_end); main && *main > 0) {
    text += fmt::format(" against `main`'s {} ({:+.0f} %: the frames rendered between slices)",
                        format_duration_ns(*main), (*chunked - *main) / *main * 100);
  }
  return text + ".";
}

/// The smallest of `mode`'s fastest calls over the sets; empty when it ran in none.
std::optional<double> fastest_over(const std::vector<const bench::ParameterResult*>& sets,
                                   const char* mode, const char* key) {
  std::optional<double> fastest;
  for (const auto* set : sets) {
    const bench::ModeResult* found = bench::find_mode(*set, mode);
    const bench::MetricSummary* summary = found ? found->summary(key) : nullptr;
    if (summary)
      fastest = std::min(fastest.value_or(summary->statistics.min), summary->statistics.min);
  }
  return fastest;
}

/// The document's two claims, each held against this run's frame data.
std::string rule_verdicts(const std::vector<WorkPoint>& points, const PayloadGroup& group) {
  const auto* dropping = first_with(group, fk::dropped);
  const auto largest = work_of(points, group.sets.back());
  std::string under_five;
  if (dropping != nullptr && work_of(points, dropping) <= 5ms) {
    under_five = fmt::format(
        "\"under 5 ms, not worth it\" does not hold here: `main` drops "
        "frames already at {}",
        duration(work_of(points, dropping)));
  } else {
    under_five =
        "\"under 5 ms, not worth it\" holds here as far as frames go: `main` dropped "
        "none at 5 ms or less";
  }
  std::string over_sixteen;
  if (dropping == nullptr) {
    over_sixteen = fmt::format(
        "\"over ~16 ms, move it\" is early here: `main` dropped none up "
        "to {}",
        duration(largest));
  } else if (work_of(points, dropping) <= 16ms) {
    over_sixteen = fmt::format("\"over ~16 ms, move it\" holds: `main` drops frames from {}",
                               duration(work_of(points, dropping)));
  } else {
    over_sixteen = fmt::format(
        "\"over ~16 ms, move it\" is early here: `main` first drops "
        "frames at {}",
        duration(work_of(points, dropping)));
  }
  return under_five + "; " + over_sixteen;
}

std::string document_sentence(const std::vector<WorkPoint>& points, const PayloadGroup& group,
                              const bench::ScenarioResult& result) {
  const bool main_ran = median(*group.sets.front(), "main", fk::dropped).has_value();
  std::string text =
      "The document says: under 5 ms the spawn overhead (~0.5 ms + message passing) isn't worth "
      "it, over ~16 ms move it. ";
  if (main_ran) text += "Against this run's frames, " + rule_verdicts(points, group) + ". ";
  const auto& env = result.environment;
  const auto& display = result.settings.display;
  const std::string machine = fmt::format(
      "{}{}",
      env.logical_cores > 0 ? fmt::format("{} logical cores", env.logical_cores)
                            : std::string("this machine's cores"),
      env.load_average_1m >= 0 ? fmt::format(" at a load average of {:.2f}", env.load_average_1m)
                               : std::string());
  const auto run = median_over(group.sets, "run", k::overhead);
  if (run) {
    const auto fastest = fastest_over(group.sets, "run", k::overhead).value_or(*run);
    text += fmt::format("`run` costs {} per call here (its fastest {}), {} % of a 5 ms job",
                        format_duration_ns(*run), format_duration_ns(fastest),
                        fmt::format("{:.1f}", *run / 5e6 * 100));
    if (const auto worker = median_over(group.sets, "worker", k::overhead)) {
      text += fmt::format(", and `worker` {}", format_duration_ns(*worker));
    }
    text += *run < 0.5e6
                ? ": below the document's ~0.5 ms, as an isolate here starts on a parked thread "
                  "of a C++ process with no Dart heap or snapshot to set up and the payload is "
                  "copied at memory speed. "
                : fmt::format(
                      ": not below the document's ~0.5 ms, though the fastest call shows "
                      "what starting an isolate on a parked thread costs; the median "
                      "waits for a core ({}) and for the main isolate to finish the "
                      "frame it is rendering when the result arrives (up to {} of UI "
                      "work). ",
                      machine, duration(display.ui_work));
  }
  text += fmt::format(
      "The frame threshold follows the frame budget ({} at {:g} fps, less {} of UI work; a frame "
      "is dropped only once two VSyncs fall due during one event), so it moves with --fps and "
      "--ui-work rather than with the device. On a phone the overhead is larger (a Dart isolate "
      "and its heap to start, the message walked by the VM's serializer) and the work slower, "
      "while here the offloaded work ran beside the main isolate on {}.",
      format_duration_ns(1e9 / display.fps), display.fps, duration(display.ui_work), machine);
  return text;
}

}  // namespace

bench::Conclusions build_conclusions(const std::vector<WorkPoint>& points,
                                     const bench::ScenarioResult& result, double rounds_per_ns) {
  // Under each work size's table, whether to offload it; after every table, the sweep: where
  // `main` starts dropping frames, what `run` and `worker` add and where each is worth it,
  // chunking, and the document's rule of thumb against this run.
  bench::Conclusions conclusions;
  conclusions.per_set.resize(result.parameter_sets.size());
  bench::OffloadQuestion question;
  question.offloads = {"run", "worker"};
  question.main_busy = k::main_busy;
  for (std::size_t i = 0; i < result.parameter_sets.size(); ++i) {
    const auto& set = result.parameter_sets[i];
    question.did = "did " + duration(points.at(set.index).work) + " of work";
    if (auto answer = bench::offload_answer(result, set, question)) {
      conclusions.add(i, points.at(set.index).label() + ": " + *answer);
    }
  }
  for (const auto& group : group_by_payload(points, result)) {
    conclusions.run.push_back(calibration_sentence(points, group, rounds_per_ns));
    for (auto sentence :
         {threshold_sentence(points, group, result),
          offload_sentence(points, group, "run",
                           "spawning on a parked thread, copying the payload in, the result back "
                           "by exit"),
          offload_sentence(points, group, "worker",
                           "the request and the reply copied by message; its one-off spawn "
                           "excluded"),
          chunked_sentence(points, group)}) {
      if (sentence) conclusions.run.push_back(std::move(*sentence));
    }
    conclusions.run.push_back(document_sentence(points, group, result));
  }
  return conclusions;
}

}  // namespace offload
