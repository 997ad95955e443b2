#pragma once
// Aggregates of one metric over the repetitions: computed in one place for every report.

#include <cstddef>
#include <span>

#include "bench/harness/confidence.hpp"

namespace bench {

/// A coefficient of variation above this marks a result unstable in every report.
inline constexpr double kUnstableCoefficientOfVariation = 0.10;

struct Statistics {
  std::size_t count = 0;
  double min = 0;
  double median = 0;  ///< linear interpolation between the two middle values for even counts
  double mean = 0;
  double p90 = 0;  ///< 90th percentile, linear interpolation between closest ranks
  double max = 0;
  double stddev = 0;  ///< sample standard deviation (n - 1); 0 for a single value
  /// stddev / |mean|. 0 when every value is 0; +infinity when the mean is 0 but values differ.
  double coefficient_of_variation = 0;
  /// More than one value and a coefficient of variation above 10 %.
  bool unstable = false;
  /// The median's distribution-free 95 % interval (confidence.hpp); below the level with fewer
  /// than 6 values.
  Interval median_interval;
  /// Values beyond Tukey's fences, counted, never removed from any figure.
  Outliers outliers;
};

/// Statistics of `values` (any order). Throws std::invalid_argument when `values` is empty or
/// holds a NaN or an infinity.
Statistics summarize(std::span<const double> values);

/// The value at fraction `q` (0..1) of the sorted `values`, interpolating linearly between
/// closest ranks. Throws std::invalid_argument when `values` is empty or `q` is outside 0..1.
double quantile(std::span<const double> sorted_values, double q);

}  // namespace bench
