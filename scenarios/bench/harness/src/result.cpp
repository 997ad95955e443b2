#include "bench/harness/result.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <stdexcept>

namespace bench {

const MetricSummary* ModeResult::summary(std::string_view key) const noexcept {
  for (const auto& s : summaries) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

void attach_conclusions(ScenarioResult& result, Conclusions conclusions) {
  const std::size_t sets = result.parameter_sets.size();
  if (conclusions.per_set.size() > sets || conclusions.details.size() > sets) {
    throw std::logic_error(
        fmt::format("{}: conclusions about set {} of a run of {}", result.scenario,
                    std::max(conclusions.per_set.size(), conclusions.details.size()), sets));
  }
  conclusions.per_set.resize(sets);
  conclusions.details.resize(sets);
  for (std::size_t i = 0; i < sets; ++i) {
    auto& shown = conclusions.per_set[i];
    auto& further = result.parameter_sets[i].further_conclusions;
    further.clear();
    if (shown.size() > kConclusionsShown) {
      further.assign(std::make_move_iterator(shown.begin() + kConclusionsShown),
                     std::make_move_iterator(shown.end()));
      shown.resize(kConclusionsShown);
    }
    for (auto& sentence : conclusions.details[i]) further.push_back(std::move(sentence));
    result.parameter_sets[i].conclusions = std::move(shown);
  }
  result.conclusions = std::move(conclusions.run);
}

const ModeResult* find_mode(const ParameterResult& set, std::string_view name) noexcept {
  for (const auto& mode : set.modes) {
    if (mode.mode.name == name) return &mode;
  }
  return nullptr;
}

std::optional<double> median(const ModeResult* mode, std::string_view key) noexcept {
  if (mode == nullptr) return std::nullopt;
  const auto* summary = mode->summary(key);
  if (summary == nullptr) return std::nullopt;
  return summary->statistics.median;
}

std::optional<double> median(const ParameterResult& set, std::string_view mode,
                             std::string_view key) noexcept {
  return median(find_mode(set, mode), key);
}

std::optional<double> speedup(const ModeResult& baseline, const ModeResult& mode,
                              const MetricSpec& metric) {
  const auto* base = baseline.summary(metric.key);
  const auto* other = mode.summary(metric.key);
  if (!base || !other) return std::nullopt;
  const double b = base->statistics.median;
  const double m = other->statistics.median;
  if (b == 0 || m == 0) return std::nullopt;
  return metric.lower_is_better ? b / m : m / b;
}

std::string format_ratio(double ratio) {
  if (std::isinf(ratio)) return "inf";
  std::string text = fmt::format("{:.2f}x", ratio);
  // A bound just off 1 must not print as 1.00x: the verdict hangs on which side of 1 it lies.
  if (text == "1.00x" && ratio != 1.0) text = fmt::format("{:.4f}x", ratio);
  return text;
}

std::string_view stop_reason_name(StopReason reason) noexcept {
  switch (reason) {
    case StopReason::fixed_count:
      return "fixed";
    case StopReason::converged:
      return "converged";
    case StopReason::time_budget:
      return "time budget";
    case StopReason::repetition_limit:
      break;
  }
  return "repetition limit";
}

std::optional<PairedRatio> compare(const ModeResult& reference, const ModeResult& candidate,
                                   const MetricSpec& metric) {
  // Pair by round (Repetition::index), not by position: both lists are in round order and of
  // equal length when the harness made them, but the pairing is what the interval relies on.
  std::vector<double> left, right;
  for (const auto& repetition : candidate.repetitions) {
    const auto mine = repetition.values.find(metric.key);
    if (mine == repetition.values.end()) continue;
    for (const auto& partner : reference.repetitions) {
      if (partner.index != repetition.index) continue;
      const auto theirs = partner.values.find(metric.key);
      if (theirs == partner.values.end()) break;
      left.push_back(theirs->second);
      right.push_back(mine->second);
      break;
    }
  }
  return paired_ratio(left, right, metric.lower_is_better);
}

bool is_time(const MetricSpec& metric) noexcept {
  return metric.unit == Unit::ns && metric.lower_is_better;
}

std::string describe_comparison(const PairedRatio& ratio, const MetricSpec& metric) {
  const bool time = is_time(metric);
  const auto word = [&](Verdict verdict) { return std::string(verdict_word(verdict, time)); };
  // A ratio below 1 reads as its inverse "slower": 0.5 is "2.00x slower".
  const auto factor = [&](double r) {
    if (std::isinf(r)) return std::string("unbounded");
    return format_ratio(r >= 1 || r <= 0 ? r : 1 / r);
  };
  const auto& interval = ratio.interval;
  if (!interval.reaches_level()) {
    return fmt::format("{} ({} repetition{}; {} needed for a 95 % interval)",
                       word(Verdict::no_clear_difference), ratio.pairs, ratio.pairs == 1 ? "" : "s",
                       kFewestForConfidence);
  }
  switch (ratio.verdict) {
    case Verdict::better:
      return fmt::format("{} ({} to {})", word(Verdict::better), factor(interval.low),
                         factor(interval.high));
    case Verdict::worse:
      return fmt::format("{} ({} to {})", word(Verdict::worse), factor(interval.high),
                         factor(interval.low));
    case Verdict::no_clear_difference:
      break;
  }
  return fmt::format("{} ({} {} to {} {})", word(Verdict::no_clear_difference),
                     factor(interval.low), word(Verdict::worse), factor(interval.high),
                     word(Verdict::better));
}

const MetricSpec* find_metric(const ScenarioResult& result, std::string_view key) noexcept {
  for (const auto& metric : result.metrics) {
    if (metric.key == key) return &metric;
  }
  return nullptr;
}

std::string describe_speedup(double speedup, const MetricSpec& metric) {
  if (std::fabs(speedup - 1.0) < 0.005) return "as fast";
  const bool better = speedup > 1.0;
  const double factor = better ? speedup : 1.0 / speedup;
  const char* word =
      metric.lower_is_better ? (better ? "faster" : "slower") : (better ? "better" : "worse");
  if (metric.unit != Unit::ns) word = better ? "better" : "worse";
  return fmt::format("{:.2f}x {}", factor, word);
}

}  // namespace bench
