// The native library and the workers' calls, on one isolate and on several: what each way of
// updating the state records. Counts, never timings.

#include <gtest/gtest.h>

#include "iso/iso.hpp"
#include "native_library.h"
#include "state_workers.hpp"

namespace native_state {
namespace {

TEST(NativeLibrary, OneCallerRecordsEveryCallAndCachesTheComputedResult) {
  native_reset();
  std::uint64_t last = 0;
  for (std::uint64_t input = 1; input <= 10; ++input) last = native_process_unguarded(input);
  EXPECT_EQ(native_calls(), 10u);
  // The tenth call saw 9 and cached its result in slot 9 % 8.
  EXPECT_EQ(last, native_compute(9, 10));
  EXPECT_EQ(native_cache_entry(9 % NATIVE_CACHE_SLOTS), last);
  EXPECT_EQ(native_cache_entry(NATIVE_CACHE_SLOTS), 0u);  // outside the cache
  native_reset();
  EXPECT_EQ(native_calls(), 0u);
  EXPECT_EQ(native_cache_entry(1), 0u);
}

TEST(NativeLibrary, TheFixesAndTheWidenedCallRecordEveryCallOfOneCallerToo) {
  native_reset();
  std::uint64_t retries = 0;
  for (std::uint64_t input = 1; input <= 100; ++input) native_process_locked(input);
  for (std::uint64_t input = 1; input <= 100; ++input) native_process_atomic(input, &retries);
  // The widened call yields at input 1024 and 2048, and still records every call of one caller.
  for (std::uint64_t input = 1; input <= 2048; ++input) native_process_unguarded_widened(input);
  EXPECT_EQ(native_calls(), 200u + 2048u);
  EXPECT_EQ(retries, 0u);  // nobody else moved the counter
}

TEST(NativeLibrary, TheComputationIsAPureFunctionOfWhatWasSeenAndTheInput) {
  EXPECT_EQ(native_compute(5, 7), native_compute(5, 7));
  EXPECT_NE(native_compute(5, 7), native_compute(6, 7));
  EXPECT_NE(native_compute(5, 7), native_compute(5, 8));
}

TEST(StateWorkers, IsolateLocalStateIsPerIsolateAndLeavesTheNativeGlobalAlone) {
  native_reset();
  const auto counts = iso::run_main([]() -> iso::Future<std::pair<std::int64_t, std::int64_t>> {
    const auto here = make_calls(Access::isolate_local, 300);
    // Another isolate starts from its own zero, not from this isolate's 300.
    const auto there = co_await iso::compute(
        +[](std::int64_t calls) { return make_calls(Access::isolate_local, calls).local_count; },
        std::int64_t{50});
    co_return std::make_pair(here.local_count, there);
  });
  EXPECT_EQ(counts.first, 300);
  EXPECT_EQ(counts.second, 50);
  EXPECT_EQ(native_calls(), 0u);
}

TEST(StateWorkers, SharedModesReportNoLocalCountAndOnlyAtomicCountsRetries) {
  native_reset();
  const auto reports = iso::run_main([]() -> iso::Future<std::vector<WorkReport>> {
    std::vector<WorkReport> seen;
    for (const auto access : {Access::unguarded, Access::racy, Access::locked, Access::atomic}) {
      seen.push_back(make_calls(access, 100));
    }
    co_return seen;
  });
  for (const auto& report : reports) EXPECT_EQ(report.local_count, 0);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(reports[i].retries, 0);
  EXPECT_EQ(native_calls(), 400u);
}

}  // namespace
}  // namespace native_state
