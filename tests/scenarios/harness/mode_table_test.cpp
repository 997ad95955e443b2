#include "bench/harness/mode_table.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace {

using MakeLabel = std::string (*)(int);

std::string main_label(int n) { return "main " + std::to_string(n); }
std::string worker_label(int n) { return "worker " + std::to_string(n); }

const bench::ModeTable<MakeLabel>& table() {
  static const bench::ModeTable<MakeLabel> modes(
      "demo", {{{"main", "on the main isolate"}, &main_label},
               {{"worker", "on a persistent worker"}, &worker_label}});
  return modes;
}

TEST(ModeTable, ListsTheModesInTheTablesOrderWithTheirDescriptions) {
  const auto specs = table().specs();
  ASSERT_EQ(specs.size(), 2u);
  EXPECT_EQ(specs[0].name, "main");
  EXPECT_EQ(specs[0].description, "on the main isolate");
  EXPECT_EQ(specs[1].name, "worker");
  EXPECT_EQ(specs[1].description, "on a persistent worker");
}

TEST(ModeTable, FindsEachModesMakerByName) {
  EXPECT_EQ(table().make("main")(1), "main 1");
  EXPECT_EQ(table().make("worker")(2), "worker 2");
}

TEST(ModeTable, FindAnswersWhetherAModeIsThereWithoutThrowing) {
  const MakeLabel* worker = table().find("worker");
  ASSERT_NE(worker, nullptr);
  EXPECT_EQ((*worker)(3), "worker 3");
  EXPECT_EQ(table().find("run"), nullptr);
}

TEST(ModeTable, AnUnknownModeIsAnErrorNamingTheScenarioAndTheMode) {
  try {
    (void)table().make("run");
    FAIL() << "an unknown mode must throw";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "demo: unknown mode 'run'");
  }
}

}  // namespace
