#include "bench/harness/offload_answer.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "bench/harness/frame_metrics.hpp"
#include "bench/harness/units.hpp"

namespace bench {
namespace {

std::string frames(double count) {
  return format_value(count, Unit::count) + (count == 1 ? " frame" : " frames");
}

/// "2 frames", or with `janky` shown "0 frames (1 janky)": janky frames are what the answer
/// weighs when no frame was dropped, so the sentence shows them whenever either mode had some.
std::string lost(double dropped, double janky, bool show_janky) {
  return frames(dropped) +
         (show_janky ? " (" + format_value(janky, Unit::count) + " janky)" : std::string());
}

}  // namespace

std::optional<std::string> offload_answer(const ScenarioResult& result, const ParameterResult& set,
                                          const OffloadQuestion& question) {
  namespace f = frame_metric_keys;
  const ModeResult* best = nullptr;
  double best_time = 0;
  for (const auto& name : question.offloads) {
    const ModeResult* mode = find_mode(set, name);
    const auto time = median(mode, question.end_to_end);
    if (time && (best == nullptr || *time < best_time)) {
      best = mode;
      best_time = *time;
    }
  }
  const ModeResult* main = find_mode(set, question.on_main);
  const auto main_time = median(main, question.end_to_end);
  const double main_dropped = median(main, f::dropped).value_or(0);
  const double main_janky = median(main, f::janky).value_or(0);
  const double dropped = median(best, f::dropped).value_or(0);
  const double janky = median(best, f::janky).value_or(0);
  const bool show_janky = main_janky > 0 || janky > 0;
  const std::string on_main = main_time ? fmt::format("the main isolate {} in {} and dropped {}",
                                                      question.did, format_duration_ns(*main_time),
                                                      lost(main_dropped, main_janky, show_janky))
                                        : std::string();
  if (best == nullptr) {
    if (!main_time) return std::nullopt;
    const char* answer = main_dropped > 0 ? "offload it"
                         : main_janky > 0 ? "offload it if late frames matter"
                                          : "no need to offload";
    return fmt::format("{}: {} (no offload mode ran beside it).", answer, on_main);
  }
  const auto busy = median(best, question.main_busy);  // a scenario may not measure it
  const std::string offload =
      fmt::format("the fastest offload ({}, {} end to end) dropped {}{}", best->mode.name,
                  format_duration_ns(best_time), lost(dropped, janky, show_janky),
                  busy ? " and kept the main isolate busy " + format_duration_ns(*busy) : "");
  const MetricSpec* metric = find_metric(result, question.end_to_end);
  // The verdict, not the ratio of medians: on a noisy machine a ratio alone can point either
  // way from one run to the next, the paired interval says whether the difference is real.
  const auto compared = main && metric ? compare(*main, *best, *metric) : std::nullopt;
  if (!main_time || !compared) return offload + ".";
  const char* answer = main_dropped > dropped ? "offload it"
                       : main_dropped == dropped && main_janky > janky
                           ? "offload it if late frames matter"
                       : main_dropped == 0 && main_janky == 0 ? "no need to offload"
                                                              : "offloading saves no frame";
  return fmt::format("{}: {}; {}; end to end: {}.", answer, on_main, offload,
                     describe_comparison(*compared, *metric));
}

}  // namespace bench
