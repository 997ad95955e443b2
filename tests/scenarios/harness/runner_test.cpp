#include "bench/harness/runner.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "bench/harness/common_options.hpp"
#include "bench/harness/frame_metrics.hpp"
#include "bench/harness/settings_error.hpp"
#include "fake_scenario.hpp"

namespace {

bench::ScenarioResult run(fake::Scenario& scenario, bench::RunSettings settings,
                          bench::ProgressCallback progress = {}) {
  scenario.prepare(settings);
  return bench::run_scenario_on_main_isolate(scenario, settings, bench::Environment{},
                                             std::move(progress));
}

TEST(Runner, RunsWarmupsAndRepetitionsForEveryModeAndParameterSet) {
  fake::Scenario scenario({.parameter_sets = 2});
  const auto result = run(scenario, fake::fast_settings(3, 2));

  EXPECT_EQ(scenario.calls.make_runner, 4);
  EXPECT_EQ(scenario.calls.setup, 4);
  EXPECT_EQ(scenario.calls.teardown, 4);
  EXPECT_EQ(scenario.calls.run_once, 2 * 2 * (3 + 2));
  ASSERT_EQ(result.parameter_sets.size(), 2u);
  EXPECT_EQ(result.parameter_sets[1].parameters.label, "2 KB (2000 bytes)");
  for (const auto& set : result.parameter_sets) {
    ASSERT_EQ(set.modes.size(), 2u);
    EXPECT_EQ(set.modes[0].mode.name, "main");
    EXPECT_TRUE(set.modes[0].baseline);
    EXPECT_FALSE(set.modes[1].baseline);
    for (const auto& mode : set.modes) {
      ASSERT_EQ(mode.repetitions.size(), 3u);
      for (int r = 0; r < 3; ++r) EXPECT_EQ(mode.repetitions[r].index, r + 1);
    }
  }
  EXPECT_EQ(result.conclusions, std::vector<std::string>{"a conclusion"});
  EXPECT_EQ(result.parameter_sets[1].conclusions,
            std::vector<std::string>{"about 2 KB (2000 bytes)"})
      << "each set keeps the sentences about it";
  EXPECT_EQ(scenario.conclusions_saw_sets, 2u);
}

TEST(Runner, InterleavesModesWithinEachRound) {
  fake::Scenario scenario;
  run(scenario, fake::fast_settings(2, 1));
  const std::vector<std::string> expected{"main", "worker", "main", "worker", "main", "worker"};
  EXPECT_EQ(scenario.calls.run_order, expected);
}

TEST(Runner, EveryRepetitionCarriesTheScenarioAndFrameMetricsAndItsFrameLog) {
  fake::Scenario scenario;
  const auto result = run(scenario, fake::fast_settings(2, 0));
  ASSERT_EQ(result.metrics.size(), 2 + bench::frame_metric_specs().size());
  EXPECT_EQ(result.primary_metric().key, "work_ns");
  for (const auto& mode : result.parameter_sets[0].modes) {
    for (const auto& repetition : mode.repetitions) {
      for (const auto& metric : result.metrics) {
        EXPECT_TRUE(repetition.values.contains(metric.key)) << metric.key;
      }
      EXPECT_FALSE(repetition.frames.frames.empty());  // the display ran around the work
      EXPECT_GE(repetition.frames.frames.size(), 3u);  // at least the lead-in frames
    }
    EXPECT_EQ(mode.summaries.size(), result.metrics.size());
  }
}

TEST(Runner, SetupMetricsAreKeptPerModeAndMayBeLeftOut) {
  fake::Scenario scenario;
  const auto result = run(scenario, fake::fast_settings(1, 0));
  const auto& modes = result.parameter_sets[0].modes;
  EXPECT_TRUE(modes[0].setup.empty());
  ASSERT_TRUE(modes[1].setup.contains("spawn_ns"));
  EXPECT_DOUBLE_EQ(modes[1].setup.at("spawn_ns"), 1234);
}

TEST(Runner, SummariesRatiosAndRepresentativeComeFromTheRepetitions) {
  fake::Scenario scenario;
  // No warm-ups: run k of main yields 2000 * k ns, of worker 1000 * k ns.
  const auto result = run(scenario, fake::fast_settings(5, 0));
  const auto& main = result.parameter_sets[0].modes[0];
  const auto& worker = result.parameter_sets[0].modes[1];
  EXPECT_DOUBLE_EQ(main.summary("work_ns")->statistics.median, 6000);
  EXPECT_DOUBLE_EQ(worker.summary("work_ns")->statistics.median, 3000);
  EXPECT_DOUBLE_EQ(worker.summary("work_ns")->statistics.max, 5000);
  EXPECT_EQ(main.repetitions[main.representative].index, 3);
  const auto factor = bench::speedup(main, worker, result.primary_metric());
  ASSERT_TRUE(factor);
  EXPECT_DOUBLE_EQ(*factor, 2.0);
  EXPECT_EQ(bench::describe_speedup(*factor, result.primary_metric()), "2.00x faster");
  EXPECT_EQ(bench::describe_speedup(0.5, result.primary_metric()), "2.00x slower");
  EXPECT_TRUE(main.summary("work_ns")->statistics.unstable);  // 2000..10000 ns spreads widely
}

TEST(Runner, ReportsProgressBeforeEveryRun) {
  fake::Scenario scenario;
  std::vector<bench::Progress> seen;
  run(scenario, fake::fast_settings(2, 1), [&](const bench::Progress& p) { seen.push_back(p); });
  // One set, modes main and worker: a warm-up round, then two measured rounds.
  ASSERT_EQ(seen.size(), 6u);
  const std::vector<std::string> modes{"main", "worker", "main", "worker", "main", "worker"};
  const std::vector<int> repetitions{1, 1, 1, 1, 2, 2};
  for (std::size_t i = 0; i < seen.size(); ++i) {
    EXPECT_EQ(seen[i].mode, modes[i]);
    EXPECT_EQ(seen[i].repetition, repetitions[i]) << i;
    EXPECT_EQ(seen[i].repetitions, i < 2 ? 1 : 2) << "warm-ups of 1, then repetitions of 2";
    EXPECT_EQ(seen[i].warmup, i < 2);
    EXPECT_FALSE(seen[i].auto_repetitions);
    EXPECT_EQ(seen[i].set, 1u);
    EXPECT_EQ(seen[i].sets, 1u);
    EXPECT_FALSE(seen[i].parameter_set.empty());
  }
}

TEST(Runner, ReportsTheBudgetOfAutoRepetitions) {
  fake::Behaviour behaviour;
  behaviour.steady = true;  // converges at the least number of rounds
  fake::Scenario scenario(behaviour);
  auto settings = fake::fast_settings(bench::kAutoLeastRepetitions, 0);
  settings.auto_repetitions = true;
  settings.max_time = std::chrono::seconds(70);
  std::vector<bench::Progress> seen;
  run(scenario, settings, [&](const bench::Progress& p) { seen.push_back(p); });
  ASSERT_EQ(seen.size(), 2u * bench::kAutoLeastRepetitions);
  for (std::size_t i = 0; i < seen.size(); ++i) {
    EXPECT_TRUE(seen[i].auto_repetitions);
    EXPECT_EQ(seen[i].budget, std::chrono::seconds(70));
    EXPECT_EQ(seen[i].repetitions, bench::kAutoLeastRepetitions) << "the least number of rounds";
    EXPECT_EQ(seen[i].repetition, static_cast<int>(i / 2) + 1) << "one a round";
  }
  EXPECT_LE(seen.front().set_elapsed, seen.back().set_elapsed);
}

TEST(Runner, BlockingTheMainIsolateShowsAsDroppedFrames) {
  fake::Scenario scenario({.block_main = std::chrono::milliseconds(100)});
  bench::RunSettings settings = fake::fast_settings(1, 0);
  settings.display.fps = 60;  // 100 ms of blocking spans about six VSyncs
  settings.display.ui_work = std::chrono::milliseconds(1);
  const auto result = run(scenario, settings);
  const auto& repetition = result.parameter_sets[0].modes[0].repetitions[0];
  EXPECT_GE(repetition.values.at(bench::frame_metric_keys::dropped), 1);
  EXPECT_GE(repetition.values.at(bench::frame_metric_keys::longest_event), 100e6);
  EXPECT_GE(repetition.values.at(bench::frame_metric_keys::longest_freeze), 100e6);
}

TEST(Runner, MissingOrUndeclaredMetricsFailTheRunAfterTeardown) {
  fake::Scenario missing({.omit_metric = true});
  EXPECT_THROW(run(missing, fake::fast_settings(1, 0)), std::logic_error);
  EXPECT_EQ(missing.calls.teardown, missing.calls.setup);
  fake::Scenario extra({.extra_metric = true});
  EXPECT_THROW(run(extra, fake::fast_settings(1, 0)), std::logic_error);
  EXPECT_EQ(extra.calls.teardown, 2);
}

TEST(Runner, AFailingRunnerFailsTheRunWithItsErrorAfterTeardown) {
  fake::Scenario failing({.fail_run = true});
  EXPECT_THROW(run(failing, fake::fast_settings(1, 1)), std::runtime_error);
  EXPECT_EQ(failing.calls.teardown, 2);
}

TEST(Runner, RunsTheChosenModesInTheScenariosOrderWithTheFirstAsBaseline) {
  fake::Scenario scenario;
  auto settings = fake::fast_settings(1, 0);
  settings.modes = {"pool", "worker"};
  const auto result = run(scenario, settings);
  const auto& modes = result.parameter_sets[0].modes;
  ASSERT_EQ(modes.size(), 2u);
  EXPECT_EQ(modes[0].mode.name, "worker");
  EXPECT_TRUE(modes[0].baseline);
  EXPECT_EQ(modes[1].mode.name, "pool");
  EXPECT_EQ(result.settings.modes, (std::vector<std::string>{"worker", "pool"}));
}

TEST(Runner, RunsEveryModeWhenNoneIsChosen) {
  fake::Scenario scenario;
  auto settings = fake::fast_settings(1, 0);
  settings.modes.clear();
  const auto result = run(scenario, settings);
  EXPECT_EQ(result.parameter_sets[0].modes.size(), 3u);
  EXPECT_EQ(result.settings.modes, (std::vector<std::string>{"main", "worker", "pool"}));
}

TEST(Runner, WithoutChosenModesRunsThoseTheScenarioRunsByDefault) {
  fake::Scenario scenario({.pool_by_default = false});
  auto settings = fake::fast_settings(1, 0);
  settings.modes.clear();
  EXPECT_EQ(run(scenario, settings).settings.modes, (std::vector<std::string>{"main", "worker"}));
  settings.modes = {"pool"};
  EXPECT_EQ(run(scenario, settings).settings.modes, (std::vector<std::string>{"pool"}))
      << "a mode named by --mode runs";
}

TEST(Runner, RefusesUnknownOrRepeatedModesBeforeAnyWork) {
  fake::Scenario scenario;
  auto settings = fake::fast_settings(1, 0);
  settings.modes = {"main", "threads"};
  EXPECT_THROW(run(scenario, settings), bench::SettingsError);
  settings.modes = {"main", "main"};
  EXPECT_THROW(run(scenario, settings), bench::SettingsError);
  EXPECT_EQ(scenario.calls.make_runner, 0);
}

TEST(Runner, EachParameterSetKnowsItsIndex) {
  fake::Scenario scenario({.parameter_sets = 3});
  const auto result = run(scenario, fake::fast_settings(1, 0));
  ASSERT_EQ(result.parameter_sets.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(result.parameter_sets[i].index, i);
    EXPECT_EQ(scenario.points().at(result.parameter_sets[i].index).bytes, (i + 1) * 1000);
  }
}

TEST(Runner, RejectsSettingsThatCannotMeasure) {
  fake::Scenario scenario;
  auto settings = fake::fast_settings();
  settings.repetitions = 0;
  EXPECT_THROW(run(scenario, settings), std::invalid_argument);
  settings = fake::fast_settings();
  settings.display.fps = 0;
  EXPECT_THROW(run(scenario, settings), std::invalid_argument);
  EXPECT_EQ(scenario.calls.make_runner, 0);
}

TEST(Runner, FixedRepetitionsStopAtTheCountAsked) {
  fake::Scenario scenario;
  const auto result = run(scenario, fake::fast_settings(4, 0));
  const auto& set = result.parameter_sets.front();
  EXPECT_EQ(set.stop, bench::StopReason::fixed_count);
  EXPECT_EQ(set.rounds, 4u);
  EXPECT_GT(set.measuring_time.count(), 0);
}

TEST(Runner, AutoStopsAtTheLeastRoundsWhenEveryMedianIsAlreadyTight) {
  fake::Behaviour behaviour;
  behaviour.steady = true;
  fake::Scenario scenario(behaviour);
  auto settings = fake::fast_settings(bench::kAutoLeastRepetitions, 0);
  settings.auto_repetitions = true;
  const auto result = run(scenario, settings);
  const auto& set = result.parameter_sets.front();
  EXPECT_EQ(set.stop, bench::StopReason::converged);
  EXPECT_EQ(set.rounds, 10u);
  for (const auto& mode : set.modes) EXPECT_EQ(mode.repetitions.size(), 10u);
}

TEST(Runner, AutoAddsRoundsUntilTheOrderStatisticsLeaveTheNoisyOnesOut) {
  // Three noisy rounds first: the upper bound of the median's interval is rank n + 1 - k, and
  // it first falls on a steady value at n = 15 (ranks 4 and 12, binomial tables).
  fake::Behaviour behaviour;
  behaviour.steady = true;
  behaviour.noisy_rounds = 3;
  fake::Scenario scenario(behaviour);
  auto settings = fake::fast_settings(bench::kAutoLeastRepetitions, 0);
  settings.auto_repetitions = true;
  const auto result = run(scenario, settings);
  const auto& set = result.parameter_sets.front();
  EXPECT_EQ(set.stop, bench::StopReason::converged);
  EXPECT_EQ(set.rounds, 15u);
  EXPECT_EQ(set.modes[0].repetitions.size(), 15u);
  EXPECT_EQ(set.modes[1].repetitions.size(), 15u) << "rounds stay interleaved and complete";
  EXPECT_EQ(scenario.calls.run_order.size(), 30u);
}

TEST(Runner, AutoStopsWhenTheTimeBudgetRunsOutAndKeepsWhatItMeasured) {
  fake::Scenario scenario;  // work_ns grows every round: the medians never settle
  auto settings = fake::fast_settings(bench::kAutoLeastRepetitions, 0);
  settings.auto_repetitions = true;
  settings.max_time = std::chrono::nanoseconds(1);
  const auto result = run(scenario, settings);
  const auto& set = result.parameter_sets.front();
  EXPECT_EQ(set.stop, bench::StopReason::time_budget);
  EXPECT_EQ(set.rounds, static_cast<std::size_t>(bench::kAutoFewestRepetitions))
      << "a spent budget stops below the least number of rounds, at the fewest";
  EXPECT_FALSE(bench::all_medians_within(set, result.primary_metric(), bench::kAutoTolerance));
}

TEST(Runner, ComparisonsPairTheRoundsOfTwoModes) {
  fake::Scenario scenario;  // worker is exactly twice as fast as main in every round
  const auto result = run(scenario, fake::fast_settings(8, 0));
  const auto& set = result.parameter_sets.front();
  const auto compared = bench::compare(set.modes[0], set.modes[1], result.primary_metric());
  ASSERT_TRUE(compared);
  EXPECT_EQ(compared->pairs, 8u);
  EXPECT_DOUBLE_EQ(compared->interval.low, 2.0);
  EXPECT_DOUBLE_EQ(compared->interval.high, 2.0);
  EXPECT_EQ(compared->verdict, bench::Verdict::better);
  EXPECT_EQ(bench::describe_comparison(*compared, result.primary_metric()),
            "faster (2.00x to 2.00x)");
  EXPECT_EQ(bench::format_ratio(0.9981), "0.9981x") << "a bound below 1 never prints as 1.00x";
  EXPECT_EQ(bench::format_ratio(1.0), "1.00x");
  EXPECT_EQ(bench::format_ratio(1.2345), "1.23x");
}

}  // namespace
