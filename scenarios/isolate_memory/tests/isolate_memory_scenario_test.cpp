// The isolate-memory scenario: declarations, bad settings, and what its runners measure when a
// few idle isolates and threads really start and end. Counts and signs, never sizes that depend
// on the machine (those are the benchmark's).

#include <gtest/gtest.h>

#include <algorithm>

#include "bench/harness/runner.hpp"
#include "bench/harness/settings_error.hpp"
#include "idle_runners.hpp"
#include "iso/iso.hpp"
#include "isolate_memory_scenario.hpp"

namespace isolate_memory {
namespace {

namespace k = metric_keys;

bench::Measurements measure(std::unique_ptr<bench::ModeRunner> runner) {
  return iso::run_main([&]() -> iso::Future<bench::Measurements> {
    co_await runner->setup();
    auto values = co_await runner->run_once();
    co_await runner->teardown();
    co_return values;
  });
}

TEST(IsolateMemoryScenario, DeclaresThreadAsReferenceThenIsolate) {
  IsolateMemoryScenario scenario;
  ASSERT_EQ(scenario.modes().size(), 2u);
  EXPECT_EQ(scenario.modes()[0].name, "thread");
  EXPECT_EQ(scenario.modes()[1].name, "isolate");
  EXPECT_EQ(scenario.metrics().front().key, k::rss_per_isolate_bytes);
}

TEST(IsolateMemoryScenario, ItsOptionRefusesBadCountsAndStoresGoodOnes) {
  IsolateMemoryScenario scenario;
  auto option = scenario.options().at(0);
  EXPECT_EQ(bench::long_flag(option.flags), "--isolates");
  for (const char* bad : {"0", "-1", "10001", "5,5", "many", ""}) {
    EXPECT_THROW(option.apply(bad), bench::SettingsError) << bad;
  }
  option.apply("1,10000");
  EXPECT_EQ(scenario.counts(), (std::vector<std::int64_t>{1, 10000}));
}

TEST(IsolateMemoryRunners, IdleIsolatesAddTheirThreadsAndLeaveNoneBehind) {
  const auto values = measure(make_isolate_runner(8));
  EXPECT_EQ(values.at(k::threads_added), 8);
  EXPECT_EQ(values.at(k::threads_retained), 0);
  EXPECT_GT(values.at(k::vm_per_isolate_bytes), 0);  // each thread maps a stack
  if (iso::heap_accounting_enabled()) {
    // Each holds at least its port and its entry's coroutine frame on its own heap.
    EXPECT_GT(values.at(k::heap_per_isolate_bytes), 0);
  }
  EXPECT_GT(values.at(k::all_up_ns), 0);
}

TEST(IsolateMemoryRunners, RawThreadsAreCountedTooAndChargeNoHeap) {
  const auto values = measure(make_thread_runner(8));
  EXPECT_EQ(values.at(k::threads_added), 8);
  EXPECT_EQ(values.at(k::threads_retained), 0);
  EXPECT_EQ(values.at(k::heap_per_isolate_bytes), 0);
}

TEST(IsolateMemoryScenario, ConclusionsCompareWithTheDocumentAndSayWhatWasReturned) {
  IsolateMemoryScenario scenario;
  scenario.counts() = {4};
  bench::RunSettings run;
  run.repetitions = 1;
  run.warmups = 0;
  run.lead_in_frames = 0;
  run.lead_out_frames = 0;
  scenario.prepare(run);
  const auto result = bench::run_scenario_on_main_isolate(scenario, run, bench::Environment{});
  const auto& sentences = result.parameter_sets.front().conclusions;  // under its table
  auto mentions = [&](std::string_view text) {
    return std::any_of(sentences.begin(), sentences.end(),
                       [&](const std::string& s) { return s.find(text) != std::string::npos; });
  };
  EXPECT_TRUE(mentions("4 idle isolates: each costs"));
  EXPECT_TRUE(mentions("the document's 2 MB low end"));
  EXPECT_TRUE(mentions("A raw thread doing nothing costs"));
  EXPECT_TRUE(mentions("After the 4 isolates ended"));
  EXPECT_TRUE(mentions("After the 4 threads ended"));
}

}  // namespace
}  // namespace isolate_memory
