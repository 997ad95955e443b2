#include "bench/harness/confidence.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

// Reference values and where they come from:
// - Binomial(n, 1/2) probabilities: exact fractions sum(C(n, i), i = 0..k) / 2^n, computed
//   with Python's math.comb and fractions.Fraction (/usr/bin/python3), e.g. P(B <= 1) for
//   n = 10 is 11/1024.
// - The ranks of the median's 95 % interval: the same exact sums, searched by hand for the
//   largest k with 1 - 2 P(B <= k - 1) >= 0.95; they agree with the published tables of
//   distribution-free median intervals (e.g. Conover, Practical Nonparametric Statistics,
//   3rd ed., and Hollander & Wolfe): n = 10 -> (2, 9), n = 20 -> (6, 15), n = 30 -> (10, 21),
//   n = 100 -> (40, 61).
// - Tukey's fences: quartiles from Python's statistics.quantiles(method="inclusive"), which is
//   R's default type 7, then Q1 - 1.5 IQR and Q3 + 1.5 IQR by hand.

namespace {

using bench::Verdict;

TEST(BinomialHalfCdf, MatchesExactFractions) {
  EXPECT_NEAR(bench::binomial_half_cdf(10, 1), 11.0 / 1024, 1e-15);
  EXPECT_NEAR(bench::binomial_half_cdf(10, 0), 1.0 / 1024, 1e-15);
  EXPECT_NEAR(bench::binomial_half_cdf(20, 5), 21700.0 / 1048576, 1e-14);  // 0.0206947...
  EXPECT_NEAR(bench::binomial_half_cdf(100, 39), 0.017600100108852407, 1e-12);
  EXPECT_DOUBLE_EQ(bench::binomial_half_cdf(5, 5), 1.0);
  EXPECT_NEAR(bench::binomial_half_cdf(4, 2), 11.0 / 16, 1e-15);  // symmetric: 1 + 4 + 6
}

TEST(MedianIntervalRanks, MatchPublishedTables) {
  struct Expected {
    std::size_t n, lower, upper;
    double confidence;
  };
  const Expected table[] = {
      {6, 1, 6, 31.0 / 32},
      {9, 2, 8, 123.0 / 128},
      {10, 2, 9, 501.0 / 512},
      {12, 3, 10, 1969.0 / 2048},
      {15, 4, 12, 247.0 / 256},
      {20, 6, 15, 125647.0 / 131072},
      {30, 10, 21, 0.9572260547429323},
      {100, 40, 61, 0.9647997997822951},
  };
  for (const auto& row : table) {
    const auto ranks = bench::median_interval_ranks(row.n);
    EXPECT_EQ(ranks.lower, row.lower) << "n = " << row.n;
    EXPECT_EQ(ranks.upper, row.upper) << "n = " << row.n;
    EXPECT_NEAR(ranks.confidence, row.confidence, 1e-12) << "n = " << row.n;
  }
}

TEST(MedianIntervalRanks, FewerThanSixValuesFallShortOfTheLevel) {
  // [min, max] of n values misses the median only when all fall on one side: 2 / 2^n.
  const auto five = bench::median_interval_ranks(5);
  EXPECT_EQ(five.lower, 1u);
  EXPECT_EQ(five.upper, 5u);
  EXPECT_DOUBLE_EQ(five.confidence, 15.0 / 16);
  EXPECT_DOUBLE_EQ(bench::median_interval_ranks(1).confidence, 0.0);
  EXPECT_THROW(bench::median_interval_ranks(0), std::invalid_argument);
}

TEST(MedianInterval, TakesTheOrderStatisticsOfTheSortedValues) {
  const std::vector<double> values{7, 3, 10, 1, 5, 9, 2, 8, 6, 4};  // 1..10 shuffled
  const auto interval = bench::median_interval(values);
  EXPECT_DOUBLE_EQ(interval.low, 2);   // x(2)
  EXPECT_DOUBLE_EQ(interval.high, 9);  // x(9)
  EXPECT_TRUE(interval.reaches_level());
  EXPECT_TRUE(interval.contains(5.5));

  const std::vector<double> three{3, 1, 2};
  const auto short_interval = bench::median_interval(three);
  EXPECT_DOUBLE_EQ(short_interval.low, 1);
  EXPECT_DOUBLE_EQ(short_interval.high, 3);
  EXPECT_FALSE(short_interval.reaches_level());  // 1 - 2/8 = 75 %

  EXPECT_THROW(bench::median_interval(std::vector<double>{}), std::invalid_argument);
  EXPECT_THROW(bench::median_interval(std::vector<double>{1, std::nan("")}), std::invalid_argument);
}

TEST(IsWithin, NeedsTheLevelAndBothBoundsInsideTheTolerance) {
  EXPECT_TRUE(bench::is_within({96, 104, 0.96}, 100, 0.05));
  EXPECT_FALSE(bench::is_within({94, 104, 0.96}, 100, 0.05));
  EXPECT_FALSE(bench::is_within({96, 106, 0.96}, 100, 0.05));
  EXPECT_FALSE(bench::is_within({99, 101, 0.90}, 100, 0.05));  // below 95 %
  EXPECT_TRUE(bench::is_within({0, 0, 0.96}, 0, 0.05));
  EXPECT_FALSE(bench::is_within({0, 1, 0.96}, 0, 0.05));
}

TEST(PairedRatio, PairsRepetitionsSoSharedDriftCancels) {
  // The machine slows down round by round; the candidate always takes half the reference's
  // time in the same round. Each mode's values spread over 10x, yet every pair says 2.
  std::vector<double> reference, candidate;
  for (int i = 1; i <= 10; ++i) {
    reference.push_back(100.0 * i);
    candidate.push_back(50.0 * i);
  }
  const auto ratio = bench::paired_ratio(reference, candidate, /*lower_is_better=*/true);
  ASSERT_TRUE(ratio);
  EXPECT_EQ(ratio->pairs, 10u);
  EXPECT_DOUBLE_EQ(ratio->median, 2.0);
  EXPECT_DOUBLE_EQ(ratio->interval.low, 2.0);
  EXPECT_DOUBLE_EQ(ratio->interval.high, 2.0);
  EXPECT_EQ(ratio->verdict, Verdict::better);

  const auto inverse = bench::paired_ratio(candidate, reference, true);
  ASSERT_TRUE(inverse);
  EXPECT_DOUBLE_EQ(inverse->median, 0.5);
  EXPECT_EQ(inverse->verdict, Verdict::worse);

  // Higher is better: candidate / reference.
  const auto throughput = bench::paired_ratio(reference, candidate, /*lower_is_better=*/false);
  ASSERT_TRUE(throughput);
  EXPECT_DOUBLE_EQ(throughput->median, 0.5);
  EXPECT_EQ(throughput->verdict, Verdict::worse);
}

TEST(PairedRatio, AnIntervalHoldingOneIsNoClearDifference) {
  // Ratios 0.2, 0.4, ..., 2.0 (reference 10 * i / 5 over candidate 10): sorted x(2) = 0.4 and
  // x(9) = 1.8 bound the median (1.0 + 1.2) / 2 = 1.1.
  std::vector<double> reference, candidate;
  for (int i = 1; i <= 10; ++i) {
    reference.push_back(2.0 * i);
    candidate.push_back(10.0);
  }
  const auto ratio = bench::paired_ratio(reference, candidate, true);
  ASSERT_TRUE(ratio);
  EXPECT_NEAR(ratio->median, 1.1, 1e-12);
  EXPECT_NEAR(ratio->interval.low, 0.4, 1e-12);
  EXPECT_NEAR(ratio->interval.high, 1.8, 1e-12);
  EXPECT_EQ(ratio->verdict, Verdict::no_clear_difference);
}

TEST(PairedRatio, TooFewPairsGiveNoVerdictEvenWhenAllAgree) {
  // Five pairs all at 2x: P(all five on one side of a true ratio of 1) = 2/32 = 6.25 % > 5 %.
  const std::vector<double> reference{10, 10, 10, 10, 10}, candidate{5, 5, 5, 5, 5};
  const auto ratio = bench::paired_ratio(reference, candidate, true);
  ASSERT_TRUE(ratio);
  EXPECT_FALSE(ratio->interval.reaches_level());
  EXPECT_EQ(ratio->verdict, Verdict::no_clear_difference);
}

TEST(PairedRatio, ZerosAndUnevenLengths) {
  const std::vector<double> reference{0, 4, 0}, candidate{0, 0, 2, 99};
  const auto ratio = bench::paired_ratio(reference, candidate, true);
  ASSERT_TRUE(ratio);
  EXPECT_EQ(ratio->pairs, 3u);                    // the fourth candidate value has no partner
  EXPECT_DOUBLE_EQ(ratio->interval.low, 0);       // 0 / 2
  EXPECT_TRUE(std::isinf(ratio->interval.high));  // 4 / 0
  EXPECT_DOUBLE_EQ(ratio->median, 1.0);           // 0 / 0 counts as the same value
  EXPECT_FALSE(bench::paired_ratio(std::vector<double>{}, candidate, true));
  EXPECT_THROW(bench::paired_ratio(std::vector<double>{std::nan("")}, candidate, true),
               std::invalid_argument);
}

TEST(Verdict, WordsForTimesAndOtherMetrics) {
  EXPECT_EQ(bench::verdict_word(Verdict::better, true), "faster");
  EXPECT_EQ(bench::verdict_word(Verdict::worse, true), "slower");
  EXPECT_EQ(bench::verdict_word(Verdict::better, false), "better");
  EXPECT_EQ(bench::verdict_word(Verdict::worse, false), "worse");
  EXPECT_EQ(bench::verdict_word(Verdict::no_clear_difference, true), "no clear difference");
  EXPECT_EQ(bench::verdict_of({1.01, 1.2, 0.96}), Verdict::better);
  EXPECT_EQ(bench::verdict_of({0.8, 0.99, 0.96}), Verdict::worse);
  EXPECT_EQ(bench::verdict_of({0.9, 1.0, 0.96}), Verdict::no_clear_difference);
  EXPECT_EQ(bench::verdict_of({1.5, 2.0, 0.9}), Verdict::no_clear_difference);
}

TEST(TukeyOutliers, CountsValuesBeyondTheFencesOnEachSide) {
  // Quartiles (type 7) 12 and 14, IQR 2: fences 9 and 17. 1 is below, 40 above.
  const std::vector<double> values{12, 15, 11, 14, 13, 40, 12, 13, 1, 14};
  const auto outliers = bench::tukey_outliers(values);
  EXPECT_DOUBLE_EQ(outliers.lower_fence, 9);
  EXPECT_DOUBLE_EQ(outliers.upper_fence, 17);
  EXPECT_EQ(outliers.below, 1u);
  EXPECT_EQ(outliers.above, 1u);
  EXPECT_EQ(outliers.count(), 2u);
}

TEST(TukeyOutliers, ValuesOnTheFenceAreKeptAndIdenticalValuesHaveNone) {
  // 1, 2, 3, 4, 5: quartiles 2 and 4, fences -1 and 7; 7 itself is not beyond.
  EXPECT_EQ(bench::tukey_outliers(std::vector<double>{1, 2, 3, 4, 7}).count(), 0u);
  EXPECT_EQ(bench::tukey_outliers(std::vector<double>{5, 5, 5, 5}).count(), 0u);
  EXPECT_EQ(bench::tukey_outliers(std::vector<double>{5}).count(), 0u);
  EXPECT_THROW(bench::tukey_outliers(std::vector<double>{}), std::invalid_argument);
  EXPECT_THROW(bench::tukey_outliers(std::vector<double>{1, INFINITY}), std::invalid_argument);
}

}  // namespace
