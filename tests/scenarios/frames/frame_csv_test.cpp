#include "bench/frames/frame_csv.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "bench/frames/simulate.hpp"
#include "timeline.hpp"

namespace bench {
namespace {

using namespace std::chrono_literals;
using testing::at_ms;
using testing::kOrigin;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(FrameCsv, HeaderThenOneRowPerVsync) {
  SimulatedRun run;
  run.config = {60, 2ms};
  run.started = kOrigin;
  run.stopped = at_ms(100);
  run.vsyncs = ideal_vsyncs(run.config, run.started, run.stopped);
  run.busy = {{at_ms(20), at_ms(60)}};  // VSyncs 2 (33.3 ms) and 3 (50 ms) arrive: 2 is dropped
  const FrameLog log = simulate(run);

  std::ostringstream out;
  write_frame_csv(out, log);
  const auto lines = lines_of(out.str());
  ASSERT_EQ(lines.size(), log.frames.size() + 1);
  EXPECT_EQ(lines[0],
            "vsync,due_us,deadline_us,posted_us,started_us,finished_us,latency_us,outcome");
  EXPECT_EQ(lines[1], "0,0.000,16666.667,,0.000,2000.000,2000.000,on_time");
  EXPECT_EQ(lines[3], "2,33333.333,50000.000,,,,,dropped");
  EXPECT_EQ(lines[4], "3,50000.000,66666.667,,60000.000,62000.000,12000.000,on_time");
}

TEST(FrameCsv, EmptyLogIsJustTheHeader) {
  FrameLog log;
  std::ostringstream out;
  write_frame_csv(out, log);
  EXPECT_EQ(lines_of(out.str()).size(), 1u);
}

}  // namespace
}  // namespace bench
