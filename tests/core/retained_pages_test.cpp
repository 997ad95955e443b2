// The core keeps freed memory in the process's heap as a VM's heap does (core/src/heap.cpp): a
// block the size of a large message comes from an arena, not a mapping of its own, and freeing
// it leaves its pages for the next one instead of returning them to the kernel.

#include <gtest/gtest.h>
#include <malloc.h>

#include <cstddef>
#include <memory>

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

}  // namespace
