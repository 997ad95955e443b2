#include "bench/harness/result.hpp"

#include <fmt/format.h>

#include <cmath>

namespace bench {

const MetricSummary* ModeResult::summary(std::string_view key) const noexcept {
  for (const auto& s : summaries) {
    if (s.key == key) return &s;
  }
  return nullptr;
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
