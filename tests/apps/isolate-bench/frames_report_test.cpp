// The frames CSV (--frames PATH) on a hand-made result, and its place in the report plan.

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "bench/harness/runner.hpp"
#include "bench/harness/settings_error.hpp"
#include "output/report_plan.hpp"
#include "report/report_writer.hpp"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

/// At 100 fps (10 ms periods) from t0: VSync 0 rendered 1..3 ms (on time), VSync 1 finishing
/// exactly at its deadline, 20 ms (on time), VSync 2 dropped, VSync 3 rendered 31..41 ms, past
/// its 40 ms deadline (janky).
bench::FrameLog four_vsyncs() {
  bench::FrameLog log;
  log.config.fps = 100;
  log.started = bench::Clock::time_point(5s);
  const auto at = [&](std::chrono::nanoseconds offset) { return log.started + offset; };
  log.frames = {{at(0ms), at(1ms), at(3ms)},
                {at(10ms), at(12ms), at(20ms)},
                {at(20ms), std::nullopt, std::nullopt},
                {at(30ms), at(31ms), at(41ms)}};
  log.stopped = at(45ms);
  return log;
}

/// One parameter set whose label needs quoting; modes main (baseline) and worker, three
/// repetitions each, every one with the four VSyncs above.
bench::ScenarioResult result_with_frames() {
  bench::ScenarioResult result;
  result.scenario = "sample";
  result.metrics = {{"wall_ns", "wall time", bench::Unit::ns, true, "the whole run"}};
  bench::ParameterResult set;
  set.parameters = {"size, \"odd\"", {{"size_bytes", std::int64_t{2000}}}};
  for (auto [name, wall] : {std::pair{"main", 3e6}, std::pair{"worker", 1e6}}) {
    bench::ModeResult mode;
    mode.mode = {name, "how"};
    mode.baseline = std::string(name) == "main";
    for (int r = 1; r <= 3; ++r) {
      mode.repetitions.push_back({r, {{"wall_ns", wall * (r == 2 ? 2 : 1) + r}}, four_vsyncs()});
    }
    set.modes.push_back(std::move(mode));
  }
  result.parameter_sets.push_back(std::move(set));
  bench::summarize_result(result);
  return result;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    EXPECT_FALSE(line.empty() || line.back() != '\r') << "CRLF line ends: " << line;
    lines.push_back(line.substr(0, line.size() - 1));
  }
  return lines;
}

TEST(FramesCsv, HasOneRowPerVsyncOfEveryRepetitionWithTheLibrarysStatus) {
  const auto result = result_with_frames();
  const auto lines = lines_of(isolate_bench::make_frames_csv_writer()->render(result));
  ASSERT_EQ(lines.size(), 1u + 2 * 3 * 4) << "header, 2 modes x 3 repetitions x 4 VSyncs";
  EXPECT_EQ(lines[0],
            "scenario,mode,parameter_set,parameters,repetition,representative,vsync,due_ns,"
            "started_ns,finished_ns,status");
  // main's first repetition (not the representative: see below): times from the window's
  // start, in nanoseconds.
  EXPECT_EQ(lines[1],
            "sample,main,\"size, \"\"odd\"\"\",size_bytes=2000,1,false,0,0,1000000,"
            "3000000,on_time");
  EXPECT_EQ(lines[2],
            "sample,main,\"size, \"\"odd\"\"\",size_bytes=2000,1,false,1,10000000,"
            "12000000,20000000,on_time")
      << "finishing at the deadline is on time";
  EXPECT_EQ(lines[3],
            "sample,main,\"size, \"\"odd\"\"\",size_bytes=2000,1,false,2,20000000,,,"
            "dropped");
  EXPECT_EQ(lines[4],
            "sample,main,\"size, \"\"odd\"\"\",size_bytes=2000,1,false,3,30000000,"
            "31000000,41000000,janky");
  // Repetition 2 took twice as long: by wall time 1 < 3 < 2, so the median, the
  // representative, is repetition 3.
  EXPECT_NE(lines[5].find(",2,false,0,"), std::string::npos) << lines[5];
  EXPECT_NE(lines[9].find(",3,true,0,"), std::string::npos) << lines[9];
  EXPECT_EQ(lines[13].rfind("sample,worker,", 0), 0u) << "then the next mode";
}

TEST(FramesCsv, IsEmptyButForTheHeaderWithoutRepetitions) {
  bench::ScenarioResult result;
  result.scenario = "sample";
  EXPECT_EQ(isolate_bench::make_frames_csv_writer()->render(result),
            "scenario,mode,parameter_set,parameters,repetition,representative,vsync,due_ns,"
            "started_ns,finished_ns,status\r\n");
}

class FramesPlan : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("isolate-bench-frames-" +
               std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }
  fs::path folder_;
};

TEST_F(FramesPlan, NamesTheFileAndRefusesOneThatCannotBeWritten) {
  isolate_bench::OutputOptions options;
  options.results_dir = folder_.string();
  options.frames_path = (folder_ / "f.csv").string();
  EXPECT_EQ(isolate_bench::plan_reports(options).frames_file, folder_ / "f.csv");
  EXPECT_FALSE(fs::exists(folder_ / "f.csv")) << "planning creates nothing";
  options.frames_path = (folder_ / "missing" / "f.csv").string();
  EXPECT_THROW(isolate_bench::plan_reports(options), bench::SettingsError);
  options.frames_path = folder_.string();
  EXPECT_THROW(isolate_bench::plan_reports(options), bench::SettingsError);
  options.frames_path = "/proc/frames.csv";
  EXPECT_THROW(isolate_bench::plan_reports(options), bench::SettingsError);
}

TEST_F(FramesPlan, RefusesToShareAFileWithAnotherReport) {
  isolate_bench::OutputOptions options;
  options.frames_path = (folder_ / "same.csv").string();
  options.csv_path = (folder_ / "." / "same.csv").string();
  try {
    isolate_bench::plan_reports(options);
    FAIL() << "--csv and --frames on one file";
  } catch (const bench::SettingsError& error) {
    EXPECT_NE(std::string(error.what()).find("--frames"), std::string::npos) << error.what();
  }
  options.csv_path = (folder_ / "r.csv").string();
  options.json_path = (folder_ / "same.csv").string();
  EXPECT_THROW(isolate_bench::plan_reports(options), bench::SettingsError);
  options.json_path = (folder_ / "r.json").string();
  EXPECT_NO_THROW(isolate_bench::plan_reports(options));
}

}  // namespace
