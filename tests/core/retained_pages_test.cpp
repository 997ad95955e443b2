// The core keeps freed memory in the process's heap as a VM's heap does (core/src/heap.cpp): a
// block the size of a large message comes from an arena, not a mapping of its own, and freeing
// it leaves its pages for the next one instead of returning them to the kernel; and the kept pages
// are kept in one arena for the process, not one per thread.

#include <gtest/gtest.h>
#include <malloc.h>

#include <unistd.h>

#include <cstddef>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <latch>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "address_sanitizer.hpp"
#include "iso/iso.hpp"

namespace {

constexpr std::size_t kMessageBytes = 2u << 20;  // the document's 2 MB message

// Keeps the compiler from eliding a new/delete pair whose memory nothing reads.
void escape(void* pointer) {
  asm volatile("" : : "g"(pointer) : "memory");
}

bool glibc_allocates() {
#if defined(ISO_ADDRESS_SANITIZER)
  return false;
#else
  return iso::heap_accounting_enabled();  // off under ThreadSanitizer, whose allocator rules
#endif
}

TEST(RetainedPages, AMessageSizedBlockComesFromAnArenaNotAMappingOfItsOwn) {
  if (!glibc_allocates()) GTEST_SKIP() << "a sanitizer's allocator replaces glibc's here";
  const auto mapped_before = mallinfo2().hblkhd;
  auto block = std::make_unique<char[]>(kMessageBytes);
  escape(block.get());
  EXPECT_EQ(mallinfo2().hblkhd, mapped_before) << "glibc would have mapped 2 MiB on its own";
}

TEST(RetainedPages, AFreedMessageSizedBlockStaysInTheHeapForTheNextOne) {
  if (!glibc_allocates()) GTEST_SKIP() << "a sanitizer's allocator replaces glibc's here";
  auto block = std::make_unique<char[]>(kMessageBytes);
  escape(block.get());
  const auto held = mallinfo2().arena;
  block.reset();
  EXPECT_EQ(mallinfo2().arena, held) << "the arena was trimmed: its pages went to the kernel";
  EXPECT_GE(mallinfo2().fordblks, kMessageBytes) << "the freed block is kept, free, for reuse";
}

/// How many arenas glibc's malloc has, read from its malloc_info report (one <heap> each).
int arena_count() {
  char* text = nullptr;
  std::size_t size = 0;
  FILE* report = open_memstream(&text, &size);
  if (report == nullptr) return -1;
  malloc_info(0, report);
  std::fclose(report);
  const std::string xml(text, size);
  std::free(text);
  int count = 0;
  for (auto at = xml.find("<heap nr="); at != std::string::npos; at = xml.find("<heap nr=", at + 1)) {
    ++count;
  }
  return count;
}

TEST(RetainedPages, ThreadsShareOneArena) {
  if (!glibc_allocates()) GTEST_SKIP() << "a sanitizer's allocator replaces glibc's here";
  const long cores = sysconf(_SC_NPROCESSORS_ONLN);
  ASSERT_GT(cores, 0);
  // A thread takes an arena at its first malloc, a new one while the limit allows (glibc's own
  // limit is eight per core): more threads than cores, all allocating at once, would get more.
  // They all hold their block until every one has one, as isolates running at once do (an
  // ended thread's arena goes back to a free list for the next thread).
  const long thread_count = 2 * cores + 2;
  std::latch all_allocated(thread_count);
  std::latch counted(1);
  std::vector<std::thread> threads;
  for (long i = 0; i < thread_count; ++i) {
    threads.emplace_back([&] {
      auto block = std::make_unique<char[]>(64 << 10);
      escape(block.get());
      all_allocated.count_down();
      counted.wait();
    });
  }
  all_allocated.wait();
  const int arenas = arena_count();
  counted.count_down();
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(arenas, 1);
}

/// The VmFlags line of the mapping in /proc/self/smaps that holds `address`; empty if none.
std::string vm_flags_of(const void* address) {
  const auto at = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t begin = 0;
    std::uintptr_t end = 0;
    char dash = 0;
    std::istringstream range(line);
    // A mapping's first line starts "begin-end"; its attribute lines ("Size:", "AnonHugePages:")
    // fail this read at the name.
    if (range >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= at && at < end;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line;
    }
  }
  return "";
}

TEST(RetainedPages, ABlockMappedOnItsOwnAsksForHugePages) {
  if (!glibc_allocates()) GTEST_SKIP() << "a sanitizer's allocator replaces glibc's here";
  if (!std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled")) {
    GTEST_SKIP() << "this kernel has no transparent huge pages";
  }
  constexpr std::size_t kBig = 64u << 20;  // above the 32 MiB from which blocks are mapped
  const auto mapped_before = mallinfo2().hblkhd;
  auto big = std::make_unique<char[]>(kBig);
  escape(big.get());
  ASSERT_GE(mallinfo2().hblkhd, mapped_before + kBig) << "the block came from the arena";
  EXPECT_NE(vm_flags_of(big.get() + kBig / 2).find(" hg"), std::string::npos)
      << "no MADV_HUGEPAGE on the block's mapping";
  auto small = std::make_unique<char[]>(kMessageBytes);
  escape(small.get());
  EXPECT_EQ(vm_flags_of(small.get()).find(" hg"), std::string::npos)
      << "an arena block was advised too";
}

}  // namespace
