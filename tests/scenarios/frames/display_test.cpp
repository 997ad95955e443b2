// The live display on a real main isolate. Assertions are about order and structure, never about
// how fast this machine is.

#include "bench/frames/display.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "bench/frames/busy_work.hpp"
#include "bench/frames/metrics.hpp"
#include "iso/iso.hpp"

namespace bench {
namespace {

using namespace std::chrono_literals;

/// What holds for every live log, whatever the load.
void expect_consistent(const FrameLog& log) {
  ASSERT_FALSE(log.frames.empty());
  EXPECT_LE(log.started, log.stopped);
  std::optional<std::size_t> last_rendered;
  for (std::size_t n = 0; n < log.frames.size(); ++n) {
    const FrameRecord& frame = log.frames[n];
    SCOPED_TRACE("VSync " + std::to_string(n));
    // Due exactly at n/fps after the start: absolute deadlines, no drift.
    EXPECT_EQ(frame.due, log.started + vsync_offset(log.config.fps, static_cast<std::int64_t>(n)));
    ASSERT_TRUE(frame.posted);
    EXPECT_GE(*frame.posted, frame.due);  // the thread never fires early
    EXPECT_EQ(frame.started.has_value(), frame.finished.has_value());
    if (!frame.started) continue;
    EXPECT_GE(*frame.started, frame.due);  // a frame never renders before its VSync
    EXPECT_GE(*frame.finished - *frame.started, log.config.ui_work);  // the UI work really ran
    if (last_rendered) {
      EXPECT_GE(*frame.started, *log.frames[*last_rendered].finished);
    }
    last_rendered = n;
  }
  // Some frame rendered. VSyncs after the last one are dropped, not unsettled: each was
  // replaced by a newer one (the one still pending at stop is left out of the log), which is
  // what a loop that falls behind at the end of the window does on a loaded machine.
  ASSERT_TRUE(last_rendered);
}

TEST(Display, IdleLoopRendersVsyncsDueAtEachPeriod) {
  const FrameLog log = iso::run_main([]() -> iso::Future<FrameLog> {
    Display display({200, 500us});
    display.start();
    co_await iso::delay(100ms);
    co_return display.stop();
  });
  expect_consistent(log);
  EXPECT_EQ(log.config.fps, 200);
  // The window lasted at least the 100 ms delay; VSyncs were due at 5 ms steps within it.
  EXPECT_GE(log.stopped - log.started, 100ms);
  EXPECT_LT(log.frames.back().due, log.stopped);
  const FrameMetrics metrics = measure(log);
  EXPECT_EQ(metrics.due, log.frames.size());
  EXPECT_GE(metrics.rendered, 1u);
}

TEST(Display, BlockedLoopDropsVsyncsAndRendersTheNewest) {
  struct Outcome {
    FrameLog log;
    Clock::time_point block_began, block_ended;
  };
  const Outcome outcome = iso::run_main([]() -> iso::Future<Outcome> {
    Display display({100, 1ms});
    display.start();
    co_await iso::delay(30ms);
    Outcome result;
    result.block_began = Clock::now();
    busy_for(200ms);  // one long event: the loop cannot take a VSync
    result.block_ended = Clock::now();
    co_await iso::delay(100ms);  // ten VSyncs: time for a frame after the block, even under load
    result.log = display.stop();
    co_return result;
  });
  const FrameLog& log = outcome.log;
  expect_consistent(log);
  EXPECT_GE(log.longest_event, 200ms);  // the block was one event of the main loop

  // VSyncs handed to the loop while it was blocked.
  std::vector<std::size_t> during_block;
  for (std::size_t n = 0; n < log.frames.size(); ++n) {
    const FrameRecord& frame = log.frames[n];
    if (frame.started) {
      EXPECT_FALSE(*frame.started > outcome.block_began && *frame.started < outcome.block_ended)
          << "VSync " << n << " rendered while the loop was blocked";
    }
    if (*frame.posted > outcome.block_began && *frame.posted < outcome.block_ended) {
      during_block.push_back(n);
    }
  }
  ASSERT_GE(during_block.size(), 2u) << "the VSync thread did not tick during a 200 ms block";

  // The first frame after the block renders the newest VSync handed over during it (or a
  // newer one); every VSync since the last frame before the block is dropped.
  std::size_t first_after = 0;
  while (first_after < log.frames.size() &&
         !(log.frames[first_after].started &&
           *log.frames[first_after].started >= outcome.block_ended)) {
    ++first_after;
  }
  ASSERT_LT(first_after, log.frames.size()) << "no frame rendered after the block";
  EXPECT_GE(first_after, during_block.back());
  for (std::size_t n = during_block.front(); n < during_block.back(); ++n) {
    EXPECT_FALSE(log.frames[n].started) << "VSync " << n << " should have been coalesced";
  }
  EXPECT_GE(measure(log).dropped, during_block.size() - 1);
}

TEST(Display, CountsTheVsyncsItPostedUntilItStops) {
  iso::run_main([]() -> iso::Future<void> {
    Display display({500, 100us});
    EXPECT_EQ(display.vsyncs_posted(), 0u);
    display.start();
    // However late a loaded machine makes the VSyncs, they come: wait for three.
    while (display.vsyncs_posted() < 3) co_await iso::delay(1ms);
    const std::size_t posted = display.vsyncs_posted();
    const FrameLog log = display.stop();
    EXPECT_EQ(display.vsyncs_posted(), 0u);
    expect_consistent(log);
    // Every VSync posted is in the log, but the one still pending at stop (the thread may have
    // posted more since).
    EXPECT_GE(log.frames.size() + 1, posted);
  });
}

TEST(Display, RestartsWithAFreshWindow) {
  iso::run_main([]() -> iso::Future<void> {
    // Windows of 25 VSyncs: long enough that a loaded machine still renders some in each.
    Display display({250, 0ns});
    display.start();
    co_await iso::delay(100ms);
    const FrameLog first = display.stop();
    EXPECT_FALSE(display.is_running());
    display.start();
    co_await iso::delay(100ms);
    const FrameLog second = display.stop();
    EXPECT_GE(second.started, first.stopped);
    expect_consistent(first);
    expect_consistent(second);
  });
}

TEST(Display, DestructorStopsARunningDisplaySoTheIsolateCanEnd) {
  // If the port stayed open, run_main would never return.
  iso::run_main([]() -> iso::Future<void> {
    Display display({60, 1ms});
    display.start();
    co_await iso::delay(20ms);
  });
  SUCCEED();
}

TEST(Display, RejectsInvalidConfigAndMisuse) {
  EXPECT_THROW(Display({0.5, 1ms}), std::invalid_argument);
  EXPECT_THROW(Display({1001, 1ms}), std::invalid_argument);
  EXPECT_THROW(Display({std::nan(""), 1ms}), std::invalid_argument);
  EXPECT_THROW(Display({60, -1ns}), std::invalid_argument);
  EXPECT_NO_THROW(Display({1, 0ns}));
  EXPECT_NO_THROW(Display({1000, 0ns}));

  Display off_isolate({60, 1ms});
  EXPECT_THROW(off_isolate.start(), iso::IsolateError);
  EXPECT_THROW(off_isolate.stop(), std::logic_error);

  iso::run_main([] {
    Display display({60, 1ms});
    display.start();
    EXPECT_THROW(display.start(), std::logic_error);
    display.stop();
    EXPECT_THROW(display.stop(), std::logic_error);
  });
}

}  // namespace
}  // namespace bench
