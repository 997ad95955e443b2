// The verdict rules on fixed figures: each rule's every branch, at and around its edges.

#include "bench/claims/verdicts.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace bench::claims {
namespace {

using V = ClaimVerdict;

Statistics stats(std::vector<double> values) {
  return summarize(values);
}

TEST(ClaimVerdicts, NamesAreTheReportsWords) {
  EXPECT_EQ(verdict_name(V::holds), "holds");
  EXPECT_EQ(verdict_name(V::holds_in_shape), "holds in shape");
  EXPECT_EQ(verdict_name(V::differs_here), "differs here");
  EXPECT_EQ(verdict_name(V::not_measured), "not measured yet");
}

TEST(JudgeRange, InsideTheRangeHoldsEdgesIncluded) {
  const Reasons why{"faster", "slower"};
  EXPECT_EQ(judge_range(60e6, {60e6, 80e6}, why).verdict, V::holds);
  EXPECT_EQ(judge_range(80e6, {60e6, 80e6}, why).verdict, V::holds);
  EXPECT_EQ(judge_range(70e6, {60e6, 80e6}, why).verdict, V::holds);
}

TEST(JudgeRange, WithinTenTimesHoldsInShapeWithTheSidesReason) {
  const Reasons why{"faster", "slower"};
  const auto below = judge_range(6e6, {60e6, 80e6}, why);  // exactly ten times below
  EXPECT_EQ(below.verdict, V::holds_in_shape);
  EXPECT_EQ(below.reason, "faster");
  const auto above = judge_range(800e6, {60e6, 80e6}, why);
  EXPECT_EQ(above.verdict, V::holds_in_shape);
  EXPECT_EQ(above.reason, "slower");
}

TEST(JudgeRange, BeyondTenTimesDiffersHere) {
  const Reasons why{"native code", "this machine"};
  const auto below = judge_range(5.9e6, {60e6, 80e6}, why);
  EXPECT_EQ(below.verdict, V::differs_here);
  EXPECT_EQ(below.reason, "native code");
  EXPECT_EQ(judge_range(801e6, {60e6, 80e6}, why).verdict, V::differs_here);
}

TEST(JudgeDroppedFrames, TheDocumentsCountHolds) {
  EXPECT_EQ(judge_dropped_frames(4, {4, 5}, "fewer", "more").verdict, V::holds);
  EXPECT_EQ(judge_dropped_frames(5, {4, 5}, "fewer", "more").verdict, V::holds);
}

TEST(JudgeDroppedFrames, AnyDroppedFrameKeepsTheShape) {
  const auto fewer = judge_dropped_frames(1, {4, 5}, "fewer", "more");
  EXPECT_EQ(fewer.verdict, V::holds_in_shape);
  EXPECT_EQ(fewer.reason, "fewer");
  const auto more = judge_dropped_frames(9, {4, 5}, "fewer", "more");
  EXPECT_EQ(more.verdict, V::holds_in_shape);
  EXPECT_EQ(more.reason, "more");
}

TEST(JudgeDroppedFrames, NoDroppedFrameDiffers) {
  const auto none = judge_dropped_frames(0, {4, 5}, "fewer", "more");
  EXPECT_EQ(none.verdict, V::differs_here);
  EXPECT_EQ(none.reason, "fewer");
}

TEST(JudgeMoreCostsMore, SeparatedRunsHoldOverlappingOnesHoldInShape) {
  EXPECT_EQ(judge_more_costs_more(stats({10, 11, 12}), stats({100, 120, 130})).verdict, V::holds);
  EXPECT_EQ(judge_more_costs_more(stats({10, 11, 50}), stats({40, 60, 70})).verdict,
            V::holds_in_shape);
  EXPECT_EQ(judge_more_costs_more(stats({10, 11, 12}), stats({9, 10, 11})).verdict,
            V::differs_here);
}

TEST(JudgeNotWorthOffloading, DependsOnMainsFramesFirst) {
  EXPECT_EQ(judge_not_worth_offloading(0, Verdict::worse).verdict, V::holds);
  EXPECT_EQ(judge_not_worth_offloading(0, Verdict::no_clear_difference).verdict, V::holds);
  EXPECT_EQ(judge_not_worth_offloading(0, std::nullopt).verdict, V::holds);
  EXPECT_EQ(judge_not_worth_offloading(0, Verdict::better).verdict, V::holds_in_shape);
  EXPECT_EQ(judge_not_worth_offloading(1, Verdict::worse).verdict, V::differs_here);
}

TEST(JudgeOffloadPays, MainDropsTheIsolateDoesNot) {
  EXPECT_EQ(judge_offload_pays(2, 0, 8, "within a frame").verdict, V::holds);
  const auto fewer = judge_offload_pays(3, 1, 2, "within a frame");
  EXPECT_EQ(fewer.verdict, V::holds_in_shape);
  EXPECT_EQ(fewer.reason, "this machine's 2 cores shared with the work");
  const auto none = judge_offload_pays(0, 0, 8, "within a frame");
  EXPECT_EQ(none.verdict, V::differs_here);
  EXPECT_EQ(none.reason, "within a frame");
  EXPECT_EQ(judge_offload_pays(2, 2, 1, "within a frame").verdict, V::differs_here);
}

TEST(JudgePersistentWorker, FollowsThePairedVerdict) {
  EXPECT_EQ(judge_persistent_worker(Verdict::better).verdict, V::holds);
  EXPECT_EQ(judge_persistent_worker(Verdict::no_clear_difference).verdict, V::holds_in_shape);
  EXPECT_EQ(judge_persistent_worker(Verdict::worse).verdict, V::differs_here);
}

TEST(JudgeNativeRace, LostUpdatesWithoutTheMutexHold) {
  EXPECT_EQ(judge_native_race(stats({120, 300, 90}), stats({0, 0, 0})).verdict, V::holds);
  EXPECT_EQ(judge_native_race(stats({0, 0, 7}), stats({0, 0, 0})).verdict, V::holds_in_shape);
  EXPECT_EQ(judge_native_race(stats({0, 0, 0}), stats({0, 0, 0})).verdict, V::differs_here);
  EXPECT_EQ(judge_native_race(stats({120, 300, 90}), stats({0, 1, 0})).verdict, V::differs_here);
}

TEST(JudgeWorkersSuffice, MoreWorkersAddingLittleHolds) {
  const std::vector<PoolSpeedup> flat{{2, 1.8}, {3, 2.4}, {4, 2.5}};  // 4 % over three
  EXPECT_EQ(judge_workers_suffice(flat, 8).verdict, V::holds);
}

TEST(JudgeWorkersSuffice, FewCoresMakeItTheMachinesLimit) {
  const std::vector<PoolSpeedup> capped{{2, 1.7}, {4, 1.75}};
  const auto judged = judge_workers_suffice(capped, 2);
  EXPECT_EQ(judged.verdict, V::holds_in_shape);
  EXPECT_EQ(judged.reason, "this machine's 2 cores cap the pool");
}

TEST(JudgeWorkersSuffice, MoreWorkersHelpingDiffers) {
  const std::vector<PoolSpeedup> scaling{{2, 1.9}, {3, 2.8}, {4, 3.7}};
  EXPECT_EQ(judge_workers_suffice(scaling, 16).reason,
            "this machine's 16 cores let more workers help");
  EXPECT_EQ(judge_workers_suffice(scaling, 2).reason,
            "more workers than this machine's 2 cores still helped");
  EXPECT_EQ(judge_workers_suffice({{2, 1.9}}, 16).verdict, V::differs_here);  // nothing beyond 3
}

TEST(JudgeSharing, TheBytesCopiedDecideWhereTheyAreCounted) {
  EXPECT_EQ(judge_sharing(24, 2e6, Verdict::better).verdict, V::holds);
  EXPECT_EQ(judge_sharing(24, 2e6, Verdict::no_clear_difference).verdict, V::holds);
  EXPECT_EQ(judge_sharing(24, 2e6, Verdict::worse).verdict, V::holds_in_shape);
  EXPECT_EQ(judge_sharing(2e6, 2e6, Verdict::better).verdict, V::differs_here);
  EXPECT_EQ(judge_sharing(20'001, 2e6, Verdict::better).verdict, V::differs_here);  // over 1 %
}

TEST(JudgeSharing, WithoutByteCountsTheTimesDecide) {
  EXPECT_EQ(judge_sharing(0, 0, Verdict::better).verdict, V::holds);
  EXPECT_EQ(judge_sharing(0, 0, Verdict::no_clear_difference).verdict, V::holds_in_shape);
  EXPECT_EQ(judge_sharing(0, 0, Verdict::worse).verdict, V::differs_here);
}

}  // namespace
}  // namespace bench::claims
