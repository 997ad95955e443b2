// Self-registration: a scenario registered in its own translation unit is found by name.

#include "bench/harness/registry.hpp"

#include <gtest/gtest.h>

#include "fake_scenario.hpp"

namespace {

ISOBENCH_REGISTER_SCENARIO(fake::Scenario);

TEST(Registry, FindsTheScenarioRegisteredInThisFileAndMakesAFreshOneEachTime) {
  const auto factories = bench::registered_scenarios();
  ASSERT_EQ(factories.size(), 1u);
  const auto first = factories.front()();
  const auto second = factories.front()();
  EXPECT_EQ(first->name(), "fake");
  EXPECT_NE(first.get(), second.get());
}

}  // namespace
