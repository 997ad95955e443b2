// Every mode does the same work to the same checksum and reports every metric; the scenario's
// settings and its checksum check.

#include <gtest/gtest.h>

#include <algorithm>

#include "bench/harness/runner.hpp"
#include "offload_scenario.hpp"
#include "work.hpp"

namespace offload {
namespace {

using namespace std::chrono_literals;

bench::RunSettings small_run() {
  bench::RunSettings run;
  run.display.fps = 1000;
  run.display.ui_work = 100us;
  run.warmups = 0;
  run.repetitions = 2;
  run.lead_in_frames = 1;
  run.lead_out_frames = 1;
  run.seed = 9;
  return run;
}

TEST(OffloadScenario, DeclaresItsModesWithMainAsBaselineAndSaysItTakesNoInput) {
  OffloadScenario scenario;
  std::vector<std::string> names;
  for (const auto& mode : scenario.modes()) names.push_back(mode.name);
  EXPECT_EQ(names, (std::vector<std::string>{"main", "chunked-main", "run", "worker"}));
  EXPECT_NE(scenario.help().find("There is no --input"), std::string::npos);
  EXPECT_NE(scenario.help().find("Examples:"), std::string::npos);
}

TEST(OffloadScenario, EveryModeComputesTheSameChecksumAndReportsEveryMetric) {
  OffloadScenario scenario;
  scenario.settings().work = std::vector<std::chrono::nanoseconds>{50us, 300us};
  scenario.settings().payloads = std::vector<std::uint64_t>{1000, 3000};
  scenario.settings().slice = 100us;
  scenario.settings().rounds_per_ns = 0.5;  // fixed: the test does not depend on the machine
  const bench::RunSettings run = small_run();
  scenario.prepare(run);
  ASSERT_EQ(scenario.points().size(), 4u);
  const auto result = bench::run_scenario_on_main_isolate(scenario, run, bench::Environment{});

  ASSERT_EQ(result.parameter_sets.size(), 4u);
  for (const auto& set : result.parameter_sets) {
    const WorkPoint& point = scenario.points().at(set.index);
    EXPECT_EQ(point.rounds, static_cast<std::uint64_t>(point.work.count() / 2));
    EXPECT_EQ(point.slice_rounds, 50'000u);  // 100 µs at 0.5 rounds per ns
    ASSERT_TRUE(point.record->checksum.has_value());
    EXPECT_EQ(*point.record->checksum, do_work(*point.payload, point.rounds).checksum)
        << point.label();
    ASSERT_EQ(set.modes.size(), 4u);
    for (const auto& mode : set.modes) {
      ASSERT_EQ(mode.repetitions.size(), 2u) << mode.mode.name;
      for (const auto& repetition : mode.repetitions) {
        const auto& v = repetition.values;
        for (const auto& metric : scenario.metrics()) {
          ASSERT_TRUE(v.contains(metric.key)) << mode.mode.name << " " << metric.key;
        }
        const double e2e = v.at(metric_keys::end_to_end);
        const double work = v.at(metric_keys::work);
        EXPECT_GT(work, 0) << mode.mode.name;
        EXPECT_EQ(v.at(metric_keys::overhead), std::max(0.0, e2e - work)) << mode.mode.name;
        if (mode.mode.name == "main" || mode.mode.name == "chunked-main") {
          EXPECT_EQ(v.at(metric_keys::main_busy), work) << "the main isolate did the work";
        }
        if (mode.mode.name == "main") EXPECT_EQ(e2e, work);
      }
      EXPECT_EQ(mode.setup.contains(metric_keys::worker_spawn), mode.mode.name == "worker");
    }
  }
  EXPECT_FALSE(result.conclusions.empty());
}

TEST(OffloadScenario, AChecksumThatDiffersFailsNamingBothModes) {
  PointRecord record;
  record.record("main", 1);
  record.record("run", 1);
  try {
    record.record("worker", 2);
    FAIL() << "a differing checksum was accepted";
  } catch (const std::runtime_error& error) {
    const std::string what = error.what();
    EXPECT_NE(what.find("worker"), std::string::npos) << what;
    EXPECT_NE(what.find("main"), std::string::npos) << what;
  }
}

TEST(OffloadScenario, DefaultsAreTheDocumentsWorkSizesAndA64KBPayload) {
  OffloadScenario scenario;
  scenario.settings().rounds_per_ns = 1;
  scenario.prepare(bench::RunSettings{});
  std::vector<std::int64_t> work_ms;
  for (const auto& point : scenario.points()) {
    work_ms.push_back(std::chrono::duration_cast<std::chrono::milliseconds>(point.work).count());
    EXPECT_EQ(point.payload->size(), 64'000u);
    EXPECT_EQ(point.slice, 4ms);
  }
  EXPECT_EQ(work_ms, (std::vector<std::int64_t>{1, 2, 5, 10, 16, 33, 100}));
}

}  // namespace
}  // namespace offload
