// The common options: declared once by the harness for every scenario, each with an upper limit.

#include "bench/harness/common_options.hpp"

#include <gtest/gtest.h>

#include <map>

#include "bench/harness/settings_error.hpp"
#include "fake_scenario.hpp"

namespace {

std::map<std::string, bench::OptionSpec> by_flag(std::vector<bench::OptionSpec> options) {
  std::map<std::string, bench::OptionSpec> found;
  for (auto& option : options) found.emplace(bench::long_flag(option.flags), std::move(option));
  return found;
}

TEST(CommonOptions, EveryScenarioGetsTheSameSevenWritingIntoTheRunSettings) {
  fake::Scenario scenario;
  bench::RunSettings settings;
  auto options = by_flag(bench::common_options(settings, scenario));
  ASSERT_EQ(options.size(), 7u);
  options.at("--mode").apply("pool,main");
  options.at("--repetitions").apply("7");
  options.at("--max-time").apply("5s");
  options.at("--warmup").apply("0");
  options.at("--fps").apply("120");
  options.at("--ui-work").apply("500us");
  options.at("--seed").apply("9");
  EXPECT_EQ(settings.modes, (std::vector<std::string>{"pool", "main"}));
  EXPECT_EQ(settings.repetitions, 7);
  EXPECT_FALSE(settings.auto_repetitions);
  EXPECT_EQ(settings.max_time, std::chrono::nanoseconds(std::chrono::seconds(5)));
  EXPECT_EQ(settings.warmups, 0);
  EXPECT_EQ(settings.display.fps, 120);
  EXPECT_EQ(settings.display.ui_work, std::chrono::microseconds(500));
  EXPECT_EQ(settings.seed, 9u);
  EXPECT_EQ(options.at("--repetitions").flags, "-r,--repetitions") << "short form kept";
  EXPECT_NE(options.at("--mode").help.find("main, worker, pool"), std::string::npos)
      << "--help lists the scenario's modes";
}

TEST(CommonOptions, RefuseValuesThatWouldNeverEndOrCannotMeasure) {
  fake::Scenario scenario;
  bench::RunSettings settings;
  auto options = by_flag(bench::common_options(settings, scenario));
  const std::vector<std::pair<std::string, std::string>> refused{
      {"--mode", "threads"},     {"--mode", "main,main"},    {"--mode", ""},
      {"--repetitions", "0"},    {"--repetitions", "-3"},    {"--repetitions", "1001"},
      {"--warmup", "-1"},        {"--warmup", "101"},        {"--fps", "0"},
      {"--fps", "1001"},         {"--ui-work", "1000000s"},  {"--ui-work", "2s"},
      {"--ui-work", "-1ms"},     {"--seed", "-1"},           {"--seed", "x"},
      {"--repetitions", "Auto"}, {"--repetitions", "autox"}, {"--repetitions", ""},
      {"--max-time", "0s"},      {"--max-time", "2h"},       {"--max-time", "30"},
  };
  for (const auto& [flag, value] : refused) {
    EXPECT_THROW(options.at(flag).apply(value), bench::SettingsError) << flag << " " << value;
  }
  EXPECT_EQ(settings.repetitions, 10) << "refused values store nothing";
}

TEST(CommonOptions, TheCommandLineDefaultIsAutoWithTheRunsBudgetSharedByItsSets) {
  fake::Scenario scenario;
  bench::RunSettings settings;
  EXPECT_FALSE(settings.auto_repetitions) << "settings made in code keep a fixed count";
  auto options = by_flag(bench::common_options(settings, scenario));
  EXPECT_TRUE(settings.auto_repetitions) << "declaring the options applies -r's default";
  EXPECT_EQ(options.at("--repetitions").default_value, "auto");
  // 45 s shared, at most 30 s a set: 1 set 30 s, 2 sets 22.5 s each, 5 sets 9 s each.
  using std::chrono::milliseconds;
  using std::chrono::seconds;
  EXPECT_EQ(bench::max_time_per_set(settings, 1), seconds(30));
  EXPECT_EQ(bench::max_time_per_set(settings, 2), milliseconds(22500));
  EXPECT_EQ(bench::max_time_per_set(settings, 5), seconds(9));
  options.at("--max-time").apply("40s");
  EXPECT_EQ(bench::max_time_per_set(settings, 5), seconds(40)) << "--max-time is per set";
}

TEST(CommonOptions, RepetitionsAutoAndBackToACount) {
  fake::Scenario scenario;
  bench::RunSettings settings;
  auto options = by_flag(bench::common_options(settings, scenario));
  options.at("--repetitions").apply("auto");
  EXPECT_TRUE(settings.auto_repetitions);
  EXPECT_EQ(settings.repetitions, bench::kAutoLeastRepetitions) << "the least number of rounds";
  options.at("--repetitions").apply("3");
  EXPECT_FALSE(settings.auto_repetitions);
  EXPECT_EQ(settings.repetitions, 3);
  EXPECT_EQ(options.at("--repetitions").value_name, "auto|N");
  try {
    options.at("--repetitions").apply("0");
    FAIL() << "0 accepted";
  } catch (const bench::SettingsError& error) {
    EXPECT_NE(std::string(error.what()).find("accepted: auto or a count from 1 to 1000"),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
