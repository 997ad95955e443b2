#include "bench/harness/statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace {

TEST(Statistics, SummarizesOneToTenInAnyOrder) {
  const std::vector<double> values{7, 3, 10, 1, 5, 9, 2, 8, 6, 4};
  const auto s = bench::summarize(values);
  EXPECT_EQ(s.count, 10u);
  EXPECT_DOUBLE_EQ(s.min, 1);
  EXPECT_DOUBLE_EQ(s.max, 10);
  EXPECT_DOUBLE_EQ(s.median, 5.5);
  EXPECT_DOUBLE_EQ(s.mean, 5.5);
  EXPECT_DOUBLE_EQ(s.p90, 9.1);
  EXPECT_NEAR(s.stddev, 3.0276503540974917, 1e-12);  // sample standard deviation
  EXPECT_NEAR(s.coefficient_of_variation, 3.0276503540974917 / 5.5, 1e-12);
  EXPECT_TRUE(s.unstable);
}

TEST(Statistics, OddCountMedianIsTheMiddleValue) {
  const std::vector<double> values{100, 101, 99};
  const auto s = bench::summarize(values);
  EXPECT_DOUBLE_EQ(s.median, 100);
  EXPECT_DOUBLE_EQ(s.stddev, 1);
  EXPECT_NEAR(s.coefficient_of_variation, 0.01, 1e-12);
  EXPECT_FALSE(s.unstable);
}

TEST(Statistics, ElevenPercentSpreadIsUnstableNinePercentIsNot) {
  // Values 100-d, 100, 100+d: mean 100, sample stddev exactly d.
  const std::vector<double> unstable{89, 100, 111};
  EXPECT_TRUE(bench::summarize(unstable).unstable);
  const std::vector<double> stable{91, 100, 109};
  EXPECT_FALSE(bench::summarize(stable).unstable);
}

TEST(Statistics, SingleValueHasNoSpreadAndIsNeverUnstable) {
  const std::vector<double> values{42};
  const auto s = bench::summarize(values);
  EXPECT_DOUBLE_EQ(s.median, 42);
  EXPECT_DOUBLE_EQ(s.p90, 42);
  EXPECT_DOUBLE_EQ(s.stddev, 0);
  EXPECT_DOUBLE_EQ(s.coefficient_of_variation, 0);
  EXPECT_FALSE(s.unstable);
}

TEST(Statistics, AllZeroHasZeroVariationButZeroMeanWithSpreadIsInfinite) {
  const std::vector<double> zeros{0, 0, 0};
  EXPECT_DOUBLE_EQ(bench::summarize(zeros).coefficient_of_variation, 0);
  EXPECT_FALSE(bench::summarize(zeros).unstable);
  const std::vector<double> symmetric{-1, 1};
  EXPECT_TRUE(std::isinf(bench::summarize(symmetric).coefficient_of_variation));
  EXPECT_TRUE(bench::summarize(symmetric).unstable);
}

TEST(Statistics, RejectsEmptyAndNonFiniteInput) {
  EXPECT_THROW(bench::summarize(std::vector<double>{}), std::invalid_argument);
  EXPECT_THROW(bench::summarize(std::vector<double>{1, std::nan("")}), std::invalid_argument);
  EXPECT_THROW(bench::summarize(std::vector<double>{std::numeric_limits<double>::infinity()}),
               std::invalid_argument);
}

TEST(Statistics, QuantileInterpolatesAndChecksItsFraction) {
  const std::vector<double> sorted{10, 20, 30, 40};
  EXPECT_DOUBLE_EQ(bench::quantile(sorted, 0), 10);
  EXPECT_DOUBLE_EQ(bench::quantile(sorted, 1), 40);
  EXPECT_DOUBLE_EQ(bench::quantile(sorted, 0.5), 25);
  EXPECT_THROW(bench::quantile(sorted, 1.5), std::invalid_argument);
  EXPECT_THROW(bench::quantile(std::vector<double>{}, 0.5), std::invalid_argument);
}

}  // namespace
