#include "bench/frames/metrics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "bench/frames/simulate.hpp"
#include "timeline.hpp"

namespace bench {
namespace {

using namespace std::chrono_literals;
using testing::at_ms;
using testing::kOrigin;
using testing::ns;

std::vector<std::size_t> dropped_vsyncs(const FrameLog& log) {
  std::vector<std::size_t> dropped;
  for (std::size_t n = 0; n < log.frames.size(); ++n) {
    if (!log.frames[n].started) dropped.push_back(n);
  }
  return dropped;
}

SimulatedRun run_at(double fps, std::chrono::nanoseconds ui_work, double window_ms) {
  SimulatedRun run;
  run.config = {fps, ui_work};
  run.started = kOrigin;
  run.stopped = at_ms(window_ms);
  run.vsyncs = ideal_vsyncs(run.config, run.started, run.stopped);
  return run;
}

TEST(FrameTimeline, VsyncsAreDueAtExactMultiplesOfThePeriod) {
  EXPECT_EQ(frame_period(60), ns(16'666'667));
  EXPECT_EQ(vsync_offset(60, 3), ns(50'000'000));
  EXPECT_EQ(vsync_offset(60, 600), 10s);  // no rounding drift after 10 s
  EXPECT_EQ(frame_period(1000), 1ms);
  const auto vsyncs = ideal_vsyncs({60, 2ms}, kOrigin, at_ms(100));
  ASSERT_EQ(vsyncs.size(), 6u);  // 0, 16.7, 33.3, 50, 66.7, 83.3; 100 is not before the end
  EXPECT_EQ(vsyncs[5].due, kOrigin + ns(83'333'333));
}

TEST(FrameMetrics, HundredMillisecondBlockAt60FpsDropsTheCoalescedVsyncs) {
  // Frames 0 and 1 render at once. The block runs 20..120 ms; VSyncs 2..7 (33.3, 50, 66.7, 83.3,
  // 100, 116.7 ms) arrive during it. At 120 ms the one frame renders the newest (7); 2..6 are
  // dropped. Then 8..11 render on time; VSync 12 is due at 200 ms, the window's end.
  SimulatedRun run = run_at(60, 2ms, 200);
  run.busy = {{at_ms(20), at_ms(120)}};
  const FrameLog log = simulate(run);

  EXPECT_EQ(dropped_vsyncs(log), (std::vector<std::size_t>{2, 3, 4, 5, 6}));
  ASSERT_TRUE(log.frames[7].started);
  EXPECT_EQ(*log.frames[7].started, at_ms(120));
  EXPECT_EQ(*log.frames[7].finished, at_ms(122));

  const FrameMetrics m = measure(log);
  EXPECT_EQ(m.due, 12u);
  EXPECT_EQ(m.rendered, 7u);
  EXPECT_EQ(m.dropped, 5u);
  EXPECT_EQ(m.janky, 0u);  // frame 7 finishes at 122 ms, before its deadline at 133.3 ms
  EXPECT_EQ(m.worst_latency, ns(122'000'000 - 116'666'667));
  EXPECT_EQ(m.longest_freeze, ns(122'000'000 - 18'666'667));  // frame 1 done .. frame 7 done
  EXPECT_EQ(m.longest_event, 100ms);
  EXPECT_DOUBLE_EQ(m.ui_busy_share, 7 * 2.0 / 200.0);
}

TEST(FrameMetrics, JankyFramesRenderLateWhileDroppedOnesNeverRender) {
  // 10 ms of UI work per frame. The block (12..30 ms) delays VSync 1 (16.7 ms): it renders
  // 30..40 ms, after its 33.3 ms deadline: janky. VSync 2 (33.3 ms) waits for it and renders
  // 40..50 ms, exactly at its deadline: on time. Nothing is dropped.
  SimulatedRun run = run_at(60, 10ms, 60);
  run.busy = {{at_ms(12), at_ms(30)}};
  const FrameLog log = simulate(run);
  ASSERT_EQ(log.frames.size(), 4u);
  EXPECT_EQ(classify(log.frames[0], log.config), FrameOutcome::on_time);
  EXPECT_EQ(classify(log.frames[1], log.config), FrameOutcome::janky);
  EXPECT_EQ(classify(log.frames[2], log.config), FrameOutcome::on_time);
  EXPECT_EQ(*log.frames[2].finished, at_ms(50));
  const FrameMetrics m = measure(log);
  EXPECT_EQ(m.janky, 1u);
  EXPECT_EQ(m.dropped, 0u);

  // A block that also covers VSync 2 coalesces: VSync 1 is dropped, VSync 2 renders.
  run.busy = {{at_ms(12), at_ms(40)}};
  const FrameMetrics blocked = measure(simulate(run));
  EXPECT_EQ(dropped_vsyncs(simulate(run)), std::vector<std::size_t>{1});
  EXPECT_EQ(blocked.dropped, 1u);
  EXPECT_EQ(blocked.janky, 0u);  // VSync 2 finishes at 50 ms, its deadline
}

TEST(FrameMetrics, LateArrivalsCoalesceByArrivalNotByDueTime) {
  // The VSync thread was late: VSyncs 1 and 2 both reach the loop at 40 ms. One frame renders
  // the newest; VSync 1 is dropped although the loop was idle.
  SimulatedRun run = run_at(60, 2ms, 60);
  run.vsyncs[1].arrives = at_ms(40);
  run.vsyncs[2].arrives = at_ms(40);
  const FrameLog log = simulate(run);
  EXPECT_EQ(dropped_vsyncs(log), std::vector<std::size_t>{1});
  EXPECT_EQ(*log.frames[2].started, at_ms(40));
}

TEST(FrameMetrics, ABusySpanIsServedInOrderOfArrival) {
  // A timer event due at 16 ms starts running at 17 ms; VSync 1 arrived in between (16.7 ms)
  // but queued behind it, so it renders after the block, not before.
  SimulatedRun run = run_at(60, 2ms, 40);
  run.busy = {{at_ms(17), at_ms(27), at_ms(16)}};
  EXPECT_EQ(*simulate(run).frames[1].started, at_ms(27));
  run.busy[0].arrives.reset();  // arriving when it began, it would wait for the frame instead
  EXPECT_EQ(*simulate(run).frames[1].started, run.vsyncs[1].due);
}

TEST(FrameMetrics, VsyncStillPendingAtTheEndIsLeftOutAndTheOnesItReplacedAreDropped) {
  SimulatedRun run = run_at(60, 2ms, 100);
  run.busy = {{at_ms(40), at_ms(110)}};  // still blocked when the window ends
  const FrameLog log = simulate(run);
  // VSyncs 0..2 render; 3 (50 ms) and 4 (66.7 ms) were replaced by 5 (83.3 ms), still pending.
  ASSERT_EQ(log.frames.size(), 5u);
  EXPECT_EQ(dropped_vsyncs(log), (std::vector<std::size_t>{3, 4}));
}

TEST(FrameMetrics, PercentilesUseTheNearestRank) {
  FrameLog log;
  log.config = {10, 0ms};  // 100 ms deadline
  log.started = kOrigin;
  log.stopped = at_ms(100 * 100);
  for (int n = 0; n < 100; ++n) {
    FrameRecord frame;
    frame.due = at_ms(100.0 * n);
    frame.started = frame.due;
    frame.finished = frame.due + std::chrono::milliseconds(100 - n);  // latencies 100, 99, ... 1
    log.frames.push_back(frame);
  }
  log.frames[0].finished = log.frames[0].due + 150ms;  // the only janky one: 150 > 100 ms
  const FrameMetrics m = measure(log);
  EXPECT_EQ(m.p50_latency, 50ms);
  EXPECT_EQ(m.p90_latency, 90ms);
  EXPECT_EQ(m.p99_latency, 99ms);
  EXPECT_EQ(m.worst_latency, 150ms);
  EXPECT_EQ(m.janky, 1u);
  EXPECT_EQ(m.p99_start_delay, 0ms);

  const std::vector<std::chrono::nanoseconds> three{1ms, 2ms, 3ms};
  EXPECT_EQ(nearest_rank(three, 50), 2ms);
  EXPECT_EQ(nearest_rank(three, 99), 3ms);
  EXPECT_EQ(nearest_rank({}, 50), 0ms);
}

TEST(FrameMetrics, LongestFreezeCountsTheWindowEdges) {
  FrameLog log;
  log.config = {60, 1ms};
  log.started = kOrigin;
  log.stopped = at_ms(200);
  FrameRecord frame;
  frame.due = at_ms(50);
  frame.started = at_ms(50);
  frame.finished = at_ms(60);
  log.frames = {frame};
  EXPECT_EQ(measure(log).longest_freeze, 140ms);  // 60 ms .. the end at 200 ms
  log.frames[0].finished = at_ms(150);
  EXPECT_EQ(measure(log).longest_freeze, 150ms);  // the start .. 150 ms
  EXPECT_EQ(measure(log).ui_busy_share, 0.5);
}

TEST(FrameMetrics, NoFramesIsOneFreezeOfTheWholeWindow) {
  FrameLog log;
  log.started = kOrigin;
  log.stopped = at_ms(100);
  const FrameMetrics m = measure(log);
  EXPECT_EQ(m.due, 0u);
  EXPECT_EQ(m.rendered, 0u);
  EXPECT_EQ(m.dropped, 0u);
  EXPECT_EQ(m.longest_freeze, 100ms);
  EXPECT_EQ(m.p99_latency, 0ms);
  EXPECT_EQ(m.worst_latency, 0ms);
  EXPECT_EQ(m.ui_busy_share, 0.0);

  log.stopped = log.started;  // an empty window
  EXPECT_EQ(measure(log).longest_freeze, 0ms);
}

TEST(FrameMetrics, ZeroUiWorkRendersEveryFrameInstantly) {
  const FrameLog log = simulate(run_at(120, 0ms, 100));
  const FrameMetrics m = measure(log);
  EXPECT_EQ(m.due, 12u);
  EXPECT_EQ(m.rendered, 12u);
  EXPECT_EQ(m.janky, 0u);
  EXPECT_EQ(m.worst_latency, 0ms);
  EXPECT_EQ(m.ui_busy_share, 0.0);
  // VSyncs are due at n/120 s rounded to the nanosecond: gaps of 8333333 and 8333334 ns.
  EXPECT_EQ(m.longest_freeze, ns(8'333'334));
}

TEST(FrameMetrics, RejectsAnInvalidConfig) {
  FrameLog log;
  log.config.fps = 0;
  EXPECT_THROW(measure(log), std::invalid_argument);
  log.config = {60, -1ms};
  EXPECT_THROW(measure(log), std::invalid_argument);
  log.config = {std::nan(""), 1ms};
  EXPECT_THROW(measure(log), std::invalid_argument);
}

TEST(Simulate, RejectsTimelinesOutOfOrder) {
  SimulatedRun run = run_at(60, 2ms, 100);
  std::swap(run.vsyncs[1].arrives, run.vsyncs[2].arrives);
  EXPECT_THROW(simulate(run), std::invalid_argument);
  run = run_at(60, 2ms, 100);
  run.busy = {{at_ms(30), at_ms(20)}};
  EXPECT_THROW(simulate(run), std::invalid_argument);
}

}  // namespace
}  // namespace bench
