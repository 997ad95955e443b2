#pragma once
// Uncertainty of the figures the reports print: distribution-free confidence intervals of a
// median, the ratio of two modes from their paired repetitions with a verdict in words, and
// Tukey's outlier fences. Pure functions of the values, so they are tested against published
// and hand-computed references.
//
// Why order statistics: run times on a shared machine are skewed and heavy-tailed (a context
// switch adds milliseconds to one repetition), so intervals that assume a normal distribution
// would be wrong exactly where they matter. The interval [x(k), x(n+1-k)] of the sorted values
// holds the true median with a probability that depends only on n (each value falls below the
// median with probability 1/2), whatever the distribution.

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace bench {

/// The confidence every interval aims for.
inline constexpr double kConfidenceLevel = 0.95;

/// The fewest values whose extreme order statistics reach kConfidenceLevel for a median:
/// with 5 values [min, max] holds the median with probability 1 - 2/32 = 93.75 % only.
inline constexpr std::size_t kFewestForConfidence = 6;

struct Interval {
  double low = 0;
  double high = 0;
  /// The probability that the interval holds the true value, exactly (not an approximation):
  /// at least kConfidenceLevel once there are kFewestForConfidence values; below it with
  /// fewer, when the interval is simply [min, max].
  double confidence = 0;

  bool reaches_level() const noexcept { return confidence >= kConfidenceLevel; }
  bool contains(double value) const noexcept { return low <= value && value <= high; }
};

/// P(B <= k) for B ~ Binomial(n, 1/2). Exact to about 1e-12 for any n.
double binomial_half_cdf(std::size_t n, std::size_t k);

/// The 1-based ranks (lower, upper = n + 1 - lower) of the sorted values that bound the median's
/// interval for `n` values, and that interval's exact confidence: the largest `lower` with
/// 1 - 2 P(B <= lower - 1) >= kConfidenceLevel, or 1 when even [min, max] falls short (n < 6).
/// Throws std::invalid_argument for n = 0.
struct MedianRanks {
  std::size_t lower = 1;
  std::size_t upper = 1;
  double confidence = 0;
};
MedianRanks median_interval_ranks(std::size_t n);

/// The distribution-free confidence interval of the median of `values` (any order; infinities
/// allowed, they sort to the ends). Throws std::invalid_argument when `values` is empty or holds
/// a NaN.
Interval median_interval(std::span<const double> values);

/// Whether `interval` reaches kConfidenceLevel and lies within ±`tolerance` (0.05 for ±5 %) of
/// `median`. A median of 0 needs the interval [0, 0].
bool is_within(const Interval& interval, double median, double tolerance) noexcept;

/// A mode against another, from repetitions measured side by side.
enum class Verdict {
  better,               ///< the ratio's interval lies above 1: "faster" for times
  worse,                ///< the ratio's interval lies below 1: "slower" for times
  no_clear_difference,  ///< the interval holds 1, or has too few pairs to reach the level
};

/// "faster"/"slower" for times (`is_time`: lower-is-better durations), "better"/"worse" for
/// other metrics, "no clear difference".
std::string_view verdict_word(Verdict verdict, bool is_time) noexcept;

/// How one mode did against another: the median of their paired ratios, its interval, a verdict.
struct PairedRatio {
  std::size_t pairs = 0;  ///< repetitions paired
  double median = 0;      ///< median of the paired ratios
  Interval interval;      ///< median_interval() of the paired ratios
  Verdict verdict = Verdict::no_clear_difference;
};

/// Ratio of `candidate` to `reference`, repetition by repetition (value i of each was measured
/// in the same round): reference_i / candidate_i when `lower_is_better`, candidate_i /
/// reference_i otherwise, so a ratio above 1 always means the candidate did better. A pair of
/// zeros is a ratio of 1; one zero gives 0 or infinity. Extra values of the longer span (a
/// round cut short) are left out. Empty when there is no pair. Throws std::invalid_argument for
/// a NaN.
std::optional<PairedRatio> paired_ratio(std::span<const double> reference,
                                        std::span<const double> candidate, bool lower_is_better);

/// The verdict of a ratio's interval: better when it lies wholly above 1 and reaches the
/// confidence level, worse when wholly below 1, otherwise no clear difference.
Verdict verdict_of(const Interval& ratio_interval) noexcept;

/// Tukey's fences: values below Q1 - 1.5 IQR or above Q3 + 1.5 IQR, with the quartiles of
/// quantile() (linear interpolation, R's type 7). They are counted, never removed.
struct Outliers {
  double lower_fence = 0;
  double upper_fence = 0;
  std::size_t below = 0;
  std::size_t above = 0;

  std::size_t count() const noexcept { return below + above; }
};

/// Throws std::invalid_argument when `values` is empty or holds a NaN or an infinity.
Outliers tukey_outliers(std::span<const double> values);

}  // namespace bench
