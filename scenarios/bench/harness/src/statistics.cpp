#include "bench/harness/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace bench {

double quantile(std::span<const double> sorted_values, double q) {
  if (sorted_values.empty()) throw std::invalid_argument("quantile of no values");
  if (!(q >= 0.0 && q <= 1.0)) throw std::invalid_argument("quantile fraction outside 0..1");
  const double position = q * static_cast<double>(sorted_values.size() - 1);
  const auto lower = static_cast<std::size_t>(std::floor(position));
  const auto upper = std::min(lower + 1, sorted_values.size() - 1);
  const double weight = position - static_cast<double>(lower);
  return sorted_values[lower] + (sorted_values[upper] - sorted_values[lower]) * weight;
}

Statistics summarize(std::span<const double> values) {
  if (values.empty()) throw std::invalid_argument("statistics of no values");
  if (std::any_of(values.begin(), values.end(), [](double v) { return !std::isfinite(v); })) {
    throw std::invalid_argument("statistics of a NaN or infinite value");
  }
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());

  Statistics s;
  s.count = sorted.size();
  s.min = sorted.front();
  s.max = sorted.back();
  s.median = quantile(sorted, 0.5);
  s.p90 = quantile(sorted, 0.9);
  s.mean = std::accumulate(sorted.begin(), sorted.end(), 0.0) / static_cast<double>(s.count);
  if (s.count > 1) {
    double squares = 0;
    for (double v : sorted) squares += (v - s.mean) * (v - s.mean);
    s.stddev = std::sqrt(squares / static_cast<double>(s.count - 1));
  }
  if (s.stddev == 0) {
    s.coefficient_of_variation = 0;
  } else if (s.mean == 0) {
    s.coefficient_of_variation = std::numeric_limits<double>::infinity();
  } else {
    s.coefficient_of_variation = s.stddev / std::fabs(s.mean);
  }
  s.unstable = s.count > 1 && s.coefficient_of_variation > kUnstableCoefficientOfVariation;
  s.median_interval = median_interval(sorted);
  s.outliers = tukey_outliers(sorted);
  return s;
}

}  // namespace bench
