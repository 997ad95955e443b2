// The conclusions are computed from the medians they are given: synthetic results with known
// answers.

#include "scenario/conclusions.hpp"

#include <gtest/gtest.h>

#include "bench/harness/frame_metrics.hpp"
#include "scenario/timeline.hpp"

namespace sha256 {
namespace {

bench::ModeResult mode_with(const std::string& name, const bench::Measurements& medians) {
  bench::ModeResult mode;
  mode.mode = {name, ""};
  for (const auto& [key, value] : medians) {
    bench::MetricSummary summary;
    summary.key = key;
    summary.statistics.count = 1;
    summary.statistics.median = value;
    mode.summaries.push_back(summary);
  }
  // Ten rounds of the same figures, so comparisons have pairs to work from.
  for (int round = 1; round <= 10; ++round) mode.repetitions.push_back({round, medians, {}});
  return mode;
}

bench::Measurements medians(double e2e, double busy, double share, double dropped) {
  return {{metric_keys::end_to_end, e2e},
          {metric_keys::main_thread, busy},
          {metric_keys::throughput, 2100.0},
          {metric_keys::floor_share, share},
          {bench::frame_metric_keys::dropped, dropped},
          {bench::frame_metric_keys::janky, 0},
          {bench::frame_metric_keys::longest_event, 600'000}};
}

bool any_contains(const std::vector<std::string>& sentences, const std::string& part) {
  for (const auto& sentence : sentences) {
    if (sentence.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(Sha256Conclusions, CountTheVSyncsABusyStretchSpans) {
  // The work starts half a period after a VSync: at 60 fps, 32 ms spans the VSyncs at 16.7 and
  // 33.3 ms from that one; 8 ms spans none; 9 ms reaches the next.
  EXPECT_EQ(vsyncs_during(32e6, 60), 2);
  EXPECT_EQ(vsyncs_during(8e6, 60), 0);
  EXPECT_EQ(vsyncs_during(9e6, 60), 1);
  EXPECT_EQ(vsyncs_during(0, 60), 0);
  EXPECT_EQ(vsyncs_during(32e6, 120), 4);
}

TEST(Sha256Conclusions, SayWhatMainDropsWhatChunkingCostsAndWhichOffloadKeepsTheMost) {
  HashWorkload workload;
  workload.bytes = 64ull << 20;
  workload.label = "64 MiB";
  workload.input = "big.iso";
  PointRecord record;
  record.record("floor", Digest{});
  const std::vector<HashPoint> points{{&workload, 1ull << 20, &record}};

  bench::ScenarioResult result;
  result.settings.display.fps = 60;
  bench::ParameterResult set;
  set.index = 0;
  set.modes = {mode_with("floor", medians(30e6, 50e3, 1.0, 0)),
               mode_with("main", medians(32e6, 32e6, 1.0, 2)),
               mode_with("chunked-main", medians(40e6, 33e6, 0.8, 0)),
               mode_with("run", medians(60e6, 20e6, 0.5, 1)),
               mode_with("transfer", medians(31e6, 60e3, 0.97, 0)),
               mode_with("worker", medians(31.5e6, 300e3, 0.96, 0))};
  result.parameter_sets.push_back(set);
  const auto sentences = sha256_conclusions(result, points).all();
  EXPECT_TRUE(any_contains(sentences, "code path on this CPU")) << sentences[0];
  // The digest in sha256sum's format: 64 hex digits, two spaces, the path.
  EXPECT_TRUE(any_contains(sentences, std::string(64, '0') + "  big.iso"));
  EXPECT_TRUE(any_contains(sentences, "2 VSyncs fall due"));
  EXPECT_TRUE(any_contains(sentences, "predicts 1 frame dropped: it dropped 2 frames"));
  EXPECT_TRUE(any_contains(sentences, "costs 8 ms (+25.0 %)"));
  EXPECT_TRUE(any_contains(sentences, "(32 ms -> 40 ms, medians; slower (1.25x to 1.25x))"))
      << "the paired rounds' verdict beside the difference of medians";
  EXPECT_TRUE(any_contains(sentences, "drops 0 frames instead of 2 frames"));
  EXPECT_TRUE(any_contains(sentences, "`transfer` keeps the most of the floor's throughput"));
  EXPECT_TRUE(any_contains(sentences, "`run` 50.0 % of the floor (slower than the floor)"));
  EXPECT_TRUE(any_contains(sentences, "`transfer` 97.0 % of the floor (slower than the floor)"));
}

TEST(Sha256Conclusions, LeaveOutWhatTheRunDidNotMeasure) {
  HashWorkload workload;
  workload.bytes = 1000;
  workload.label = "1 KB";
  PointRecord record;
  const std::vector<HashPoint> points{{&workload, 1000, &record}};
  bench::ScenarioResult result;
  result.settings.display.fps = 60;
  bench::ParameterResult set;
  set.modes = {mode_with("worker", medians(1e5, 1e4, 0.9, 0))};
  result.parameter_sets.push_back(set);
  const auto sentences = sha256_conclusions(result, points).all();
  EXPECT_FALSE(any_contains(sentences, "`main` holds"));
  EXPECT_FALSE(any_contains(sentences, "chunking"));
  EXPECT_TRUE(any_contains(sentences, "`worker` keeps the most"));
}

}  // namespace
}  // namespace sha256
