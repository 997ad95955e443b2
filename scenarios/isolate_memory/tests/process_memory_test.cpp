// Reading /proc/self/status: the parser on known text, and the live reading on this machine.

#include <gtest/gtest.h>

#include <thread>

#include "process_memory.hpp"

namespace isolate_memory {
namespace {

TEST(ProcessMemory, ParsesResidentVirtualAndThreadsInBytes) {
  const auto memory = parse_status(
      "Name:\tisolate-bench\nVmPeak:\t  99999 kB\nVmSize:\t  20480 kB\nVmRSS:\t    4096 kB\n"
      "Threads:\t3\nSigQ:\t0/1\n");
  ASSERT_TRUE(memory);
  EXPECT_EQ(memory->virtual_bytes, 20480 * 1024);
  EXPECT_EQ(memory->resident_bytes, 4096 * 1024);
  EXPECT_EQ(memory->threads, 3);
}

TEST(ProcessMemory, AMissingOrMalformedFieldIsNoReading) {
  EXPECT_FALSE(parse_status("VmSize:\t1 kB\nThreads:\t1\n"));  // no VmRSS
  EXPECT_FALSE(parse_status("VmSize:\t1 kB\nVmRSS:\tmany kB\nThreads:\t1\n"));
  // A field whose name only starts like one is not that field.
  EXPECT_FALSE(parse_status("VmSizeX:\t1 kB\nVmRSS:\t1 kB\nThreads:\t1\n"));
  EXPECT_FALSE(parse_status(""));
}

TEST(ProcessMemory, TheLiveReadingCountsAThreadWhileItRuns) {
  const auto before = read_process_memory();
  EXPECT_GT(before.resident_bytes, 0);
  EXPECT_GE(before.virtual_bytes, before.resident_bytes);
  std::int64_t during = 0;
  std::thread([&] { during = read_process_memory().threads; }).join();
  // Compared with the reading after the join, not before the start: a sanitizer's runtime may
  // start a helper thread of its own with the process's first new thread.
  const auto after = read_process_memory();
  EXPECT_EQ(during, after.threads + 1);
}

}  // namespace
}  // namespace isolate_memory
