#include "bench/harness/confidence.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "bench/harness/statistics.hpp"

namespace bench {
namespace {

void reject_nan(std::span<const double> values, const char* what) {
  if (std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); })) {
    throw std::invalid_argument(std::string(what) + " of a NaN");
  }
}

}  // namespace

double binomial_half_cdf(std::size_t n, std::size_t k) {
  if (k >= n) return 1.0;
  // Sum the terms in log space: C(n, i) / 2^n underflows as a product for large n, while
  // lgamma keeps every term's relative error near machine precision.
  const double log_half_power = static_cast<double>(n) * std::log(0.5);
  const double log_n_factorial = std::lgamma(static_cast<double>(n) + 1);
  double sum = 0;
  for (std::size_t i = 0; i <= k; ++i) {
    const double log_term = log_n_factorial - std::lgamma(static_cast<double>(i) + 1) -
                            std::lgamma(static_cast<double>(n - i) + 1) + log_half_power;
    sum += std::exp(log_term);
  }
  return std::min(sum, 1.0);
}

MedianRanks median_interval_ranks(std::size_t n) {
  if (n == 0) throw std::invalid_argument("median interval of no values");
  MedianRanks ranks{1, n, 1.0 - 2.0 * binomial_half_cdf(n, 0)};
  // Narrow from the extremes while the interval still reaches the level; the confidence falls
  // as `lower` rises, so the first rank that falls short ends the search.
  for (std::size_t lower = 2; 2 * lower <= n + 1; ++lower) {
    const double confidence = 1.0 - 2.0 * binomial_half_cdf(n, lower - 1);
    if (confidence < kConfidenceLevel) break;
    ranks = MedianRanks{lower, n + 1 - lower, confidence};
  }
  return ranks;
}

Interval median_interval(std::span<const double> values) {
  if (values.empty()) throw std::invalid_argument("median interval of no values");
  reject_nan(values, "median interval");
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const auto ranks = median_interval_ranks(sorted.size());
  return Interval{sorted[ranks.lower - 1], sorted[ranks.upper - 1],
                  std::max(ranks.confidence, 0.0)};
}

bool is_within(const Interval& interval, double median, double tolerance) noexcept {
  if (!interval.reaches_level()) return false;
  const double allowed = std::fabs(median) * tolerance;
  return interval.low >= median - allowed && interval.high <= median + allowed;
}

std::string_view verdict_word(Verdict verdict, bool is_time) noexcept {
  switch (verdict) {
    case Verdict::better:
      return is_time ? "faster" : "better";
    case Verdict::worse:
      return is_time ? "slower" : "worse";
    case Verdict::no_clear_difference:
      break;
  }
  return "no clear difference";
}

Verdict verdict_of(const Interval& ratio_interval) noexcept {
  if (!ratio_interval.reaches_level()) return Verdict::no_clear_difference;
  if (ratio_interval.low > 1.0) return Verdict::better;
  if (ratio_interval.high < 1.0) return Verdict::worse;
  return Verdict::no_clear_difference;
}

std::optional<PairedRatio> paired_ratio(std::span<const double> reference,
                                        std::span<const double> candidate, bool lower_is_better) {
  reject_nan(reference, "paired ratio");
  reject_nan(candidate, "paired ratio");
  const std::size_t pairs = std::min(reference.size(), candidate.size());
  if (pairs == 0) return std::nullopt;
  std::vector<double> ratios;
  ratios.reserve(pairs);
  for (std::size_t i = 0; i < pairs; ++i) {
    const double numerator = lower_is_better ? reference[i] : candidate[i];
    const double denominator = lower_is_better ? candidate[i] : reference[i];
    if (numerator == denominator) {
      ratios.push_back(1.0);  // includes 0 / 0: the same value, whatever it is
    } else {
      ratios.push_back(numerator / denominator);  // x / 0 is +infinity, as IEEE has it
    }
  }
  PairedRatio result;
  result.pairs = pairs;
  std::vector<double> sorted = ratios;
  std::sort(sorted.begin(), sorted.end());
  // The midpoint of the middle values, written out rather than through quantile(): ratios may
  // hold an infinity, and interpolating towards one gives NaN (infinity times a zero weight).
  const std::size_t middle = pairs / 2;
  result.median = pairs % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  result.interval = median_interval(ratios);
  result.verdict = verdict_of(result.interval);
  return result;
}

Outliers tukey_outliers(std::span<const double> values) {
  if (values.empty()) throw std::invalid_argument("outliers of no values");
  if (std::any_of(values.begin(), values.end(), [](double v) { return !std::isfinite(v); })) {
    throw std::invalid_argument("outliers of a NaN or infinite value");
  }
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const double q1 = quantile(sorted, 0.25);
  const double q3 = quantile(sorted, 0.75);
  const double reach = 1.5 * (q3 - q1);
  Outliers outliers{q1 - reach, q3 + reach, 0, 0};
  for (double v : sorted) {
    if (v < outliers.lower_fence) ++outliers.below;
    if (v > outliers.upper_fence) ++outliers.above;
  }
  return outliers;
}

}  // namespace bench
