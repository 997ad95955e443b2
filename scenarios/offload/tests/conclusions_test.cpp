// The conclusions are computed from the medians they are given: synthetic results with known
// answers, so the threshold they name is the one the frame data shows.

#include <gtest/gtest.h>

#include "bench/harness/frame_metrics.hpp"
#include "offload_scenario.hpp"

namespace offload {
namespace {

using namespace std::chrono_literals;
namespace fk = bench::frame_metric_keys;

bench::ModeResult mode_with(const std::string& name, double work_ns, double overhead_ns,
                            double dropped, double janky) {
  bench::ModeResult mode;
  mode.mode = {name, ""};
  const bench::Measurements medians{{metric_keys::end_to_end, work_ns + overhead_ns},
                                    {metric_keys::main_busy, work_ns},
                                    {metric_keys::work, work_ns},
                                    {metric_keys::overhead, overhead_ns},
                                    {fk::dropped, dropped},
                                    {fk::janky, janky}};
  for (const auto& [key, value] : medians) {
    bench::MetricSummary summary;
    summary.key = key;
    summary.statistics.count = 1;
    summary.statistics.median = value;
    summary.statistics.min = value;
    mode.summaries.push_back(summary);
  }
  return mode;
}

struct Row {
  std::chrono::nanoseconds work;
  double main_dropped, main_janky, run_dropped;
};

/// Points and a result for `rows`, in the order given; `run` adds 300 µs, `worker` 50 µs.
struct Synthetic {
  std::vector<WorkPoint> points;
  bench::ScenarioResult result;
};

Synthetic synthetic(const std::vector<Row>& rows, bool with_main = true,
                    double run_overhead = 300e3) {
  Synthetic s;
  s.result.settings.display.fps = 60;
  s.result.settings.display.ui_work = 2ms;
  s.result.environment.logical_cores = 2;
  auto payload = std::make_shared<const std::vector<std::uint8_t>>(64'000, 0);
  for (const auto& row : rows) {
    WorkPoint point;
    point.work = row.work;
    point.slice = 4ms;
    point.payload = payload;
    point.record = std::make_shared<PointRecord>();
    bench::ParameterResult set;
    set.index = s.points.size();
    const double work = static_cast<double>(row.work.count()) * 1.02;
    if (with_main)
      set.modes.push_back(mode_with("main", work, 0, row.main_dropped, row.main_janky));
    set.modes.push_back(mode_with("run", work, run_overhead, row.run_dropped, 0));
    set.modes.push_back(mode_with("worker", work, 50e3, 0, 0));
    s.points.push_back(point);
    s.result.parameter_sets.push_back(set);
  }
  return s;
}

std::string all_of(const std::vector<std::string>& sentences) {
  std::string text;
  for (const auto& sentence : sentences) text += sentence + "\n";
  return text;
}

TEST(OffloadConclusions, NameTheSmallestWorkAtWhichMainDropsFramesWhateverTheOrderOfTheSets) {
  // Given out of order: the sentence must sort by work, not trust the run order.
  const auto s = synthetic({{100ms, 5, 1, 0},
                            {1ms, 0, 0, 0},
                            {33ms, 1, 1, 0},
                            {10ms, 0, 1, 0},
                            {16ms, 0, 1, 1},
                            {5ms, 0, 0, 0}});
  const std::string text = all_of(build_conclusions(s.points, s.result, 1.25).all());
  EXPECT_NE(text.find("At 60 fps with 2 ms of UI work per frame, `main` starts dropping frames at "
                      "33 ms of work (it took 33.7 ms, and dropped 1 frame: medians); at 16 ms it "
                      "dropped none; frames turn janky from 10 ms"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("1250 rounds of arithmetic per µs"), std::string::npos) << text;
  EXPECT_NE(text.find("`run` adds 300 µs per call"), std::string::npos) << text;
  EXPECT_NE(text.find("`worker` adds 50 µs per call"), std::string::npos) << text;
  // `run` keeps the frames `main` drops from 33 ms on; below, `main` keeps them itself.
  EXPECT_NE(text.find("It is worth it from 33 ms on: there `main` drops 1 frame and `run` 0 "
                      "frames; it stops being worth it below that: up to 16 ms `main` keeps its "
                      "frames and `run` only adds time, 300 µs on top of the 1 ms job (30 % more) "
                      "at the smallest"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\"under 5 ms, not worth it\" holds here as far as frames go"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\"over ~16 ms, move it\" is early here: `main` first drops frames at "
                      "33 ms"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("`run` costs 300 µs per call here (its fastest 300 µs), 6.0 % of a 5 ms "
                      "job, and `worker` 50 µs: below the document's ~0.5 ms"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("2 logical cores"), std::string::npos) << text;
}

TEST(OffloadConclusions, SayWhenMainDroppedNoFrameAtAnyWork) {
  const auto s = synthetic({{1ms, 0, 0, 0}, {5ms, 0, 0, 0}, {16ms, 0, 1, 0}});
  const std::string text = all_of(build_conclusions(s.points, s.result, 1).all());
  EXPECT_NE(text.find("`main` dropped no frame up to 16 ms of work, the largest measured; frames "
                      "turn janky from 16 ms"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("It is worth it at no work size measured: `main` drops no frame that `run` "
                      "keeps, so it only adds time: 300 µs on top of the 1 ms job (30 % more)."),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("starts dropping"), std::string::npos) << text;
  EXPECT_NE(text.find("\"over ~16 ms, move it\" is early here: `main` dropped none up to 16 ms"),
            std::string::npos)
      << text;
}

TEST(OffloadConclusions, AThresholdAtTheSmallestWorkSaysSo) {
  const auto s = synthetic({{2ms, 1, 0, 0}, {10ms, 2, 0, 0}});
  const std::string text = all_of(build_conclusions(s.points, s.result, 1).all());
  EXPECT_NE(text.find("starts dropping frames at 2 ms of work"), std::string::npos) << text;
  EXPECT_NE(text.find("that is the smallest work measured"), std::string::npos) << text;
  EXPECT_NE(text.find("\"under 5 ms, not worth it\" does not hold here: `main` drops frames "
                      "already at 2 ms"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\"over ~16 ms, move it\" holds: `main` drops frames from 2 ms"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("It is worth it from 2 ms on"), std::string::npos) << text;
  EXPECT_EQ(text.find("stops being worth it"), std::string::npos) << text;
}

TEST(OffloadConclusions, AnOverheadAboveTheDocumentsHalfMillisecondIsExplained) {
  auto s = synthetic({{1ms, 0, 0, 0}, {33ms, 1, 0, 0}}, true, 1.5e6);
  s.result.environment.load_average_1m = 3.5;
  const std::string text = all_of(build_conclusions(s.points, s.result, 1).all());
  EXPECT_NE(text.find("`run` costs 1.5 ms per call here (its fastest 1.5 ms), 30.0 % of a 5 ms "
                      "job, and `worker` 50 µs: not below the document's ~0.5 ms"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("waits for a core (2 logical cores at a load average of 3.50)"),
            std::string::npos)
      << text;
}

TEST(OffloadConclusions, LeaveOutWhatTheRunDidNotMeasure) {
  const auto s = synthetic({{1ms, 0, 0, 0}, {33ms, 1, 0, 0}}, /*with_main=*/false);
  const std::string text = all_of(build_conclusions(s.points, s.result, 1).all());
  EXPECT_EQ(text.find("`main` starts"), std::string::npos) << text;
  EXPECT_EQ(text.find("worth it from"), std::string::npos) << text;
  EXPECT_NE(text.find("`run` adds 300 µs"), std::string::npos) << text;
}

}  // namespace
}  // namespace offload
