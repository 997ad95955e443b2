// Heap accounting of message copies: CopyScope's region charges the receiver once for every
// block of a copy, and credits it once, when the last of them is freed, by whichever thread.
// NewSpaceScope is the same region, charged to the account the building thread charges.

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "address_sanitizer.hpp"
#include "iso/iso.hpp"
#include "test_account.hpp"

namespace {

using Strings = std::vector<std::string>;

// 100 strings too long for the small-string buffer: one block each.
Strings long_strings() {
  Strings strings;
  for (int i = 0; i < 100; ++i) strings.push_back(std::string(40, 'a') + std::to_string(i));
  return strings;
}

// A copy of `source` made inside a CopyScope charged to `account`, and the bytes it allocated.
std::unique_ptr<Strings> copy_into(iso::HeapAccount* account, const Strings& source,
                                   std::uint64_t& bytes) {
  const auto before = iso::thread_allocated_bytes();
  std::unique_ptr<Strings> copy;
  {
    iso::CopyScope copying(account);
    copy = std::make_unique<Strings>(source);
  }
  bytes = iso::thread_allocated_bytes() - before;
  return copy;
}

#define SKIP_WITHOUT_ACCOUNTING()                                          \
  if (!iso::heap_accounting_enabled()) {                                   \
    GTEST_SKIP() << "no heap accounting in this build (see iso/heap.hpp)"; \
  }

}  // namespace

TEST(CopyScope, ChargesTheReceiverForEveryBlockOfTheCopy) {
  SKIP_WITHOUT_ACCOUNTING();
  TestAccount receiver;
  TestAccount sender;
  const Strings source = long_strings();
  std::uint64_t bytes = 0;
  std::unique_ptr<Strings> copy;
  {
    iso::AllocationScope as_sender(sender.account);
    copy = copy_into(receiver.account, source, bytes);
  }
  EXPECT_EQ(*copy, source);
  const iso::HeapStats stats = receiver.stats();
  EXPECT_EQ(stats.live_allocations, 102);  // the vector object, its buffer, 100 strings
  EXPECT_EQ(stats.allocations, 102U);
  EXPECT_EQ(stats.live_bytes, static_cast<std::int64_t>(bytes));
  EXPECT_EQ(stats.allocated_bytes, bytes);
  EXPECT_EQ(sender.stats().allocations, 0U);
  copy.reset();
  EXPECT_EQ(receiver.stats().live_allocations, 0);
  EXPECT_EQ(receiver.stats().live_bytes, 0);
}

TEST(CopyScope, BlocksAreSeparateAndAligned) {
  TestAccount receiver;
  const Strings source = long_strings();
  std::uint64_t bytes = 0;
  auto copy = copy_into(receiver.account, source, bytes);
  for (std::size_t i = 0; i < copy->size(); ++i) {
    const auto address = reinterpret_cast<std::uintptr_t>((*copy)[i].data());
    EXPECT_EQ(address % 16, 0U) << "string " << i;
    EXPECT_NE((*copy)[i].data(), source[i].data());
  }
  // Writing every block in full must not disturb its neighbours (or their headers).
  for (auto& text : *copy) text.assign(text.size(), 'z');
  for (const auto& text : *copy) EXPECT_EQ(text, std::string(text.size(), 'z'));
}

TEST(CopyScope, StaysChargedUntilTheLastBlockIsFreed) {
  SKIP_WITHOUT_ACCOUNTING();
  TestAccount receiver;
  std::uint64_t bytes = 0;
  auto copy = copy_into(receiver.account, long_strings(), bytes);
  std::string kept = std::move(copy->back());  // a move keeps the block it points to
  copy.reset();
  // The region's memory is still held by `kept`: all of it stays charged.
  EXPECT_EQ(receiver.stats().live_bytes, static_cast<std::int64_t>(bytes));
  EXPECT_EQ(kept, std::string(40, 'a') + "99");
  std::string().swap(kept);
  EXPECT_EQ(receiver.stats().live_bytes, 0);
  EXPECT_EQ(receiver.stats().live_allocations, 0);
}

TEST(CopyScope, LastBlockFreedOnAnotherThreadCreditsTheReceiver) {
  SKIP_WITHOUT_ACCOUNTING();
  auto* receiver = iso::detail::new_heap_account();
  std::uint64_t bytes = 0;
  auto copy = copy_into(receiver, long_strings(), bytes);
  std::thread([&copy] { copy.reset(); }).join();
  EXPECT_EQ(iso::detail::stats_of(receiver).live_bytes, 0);
  // The region held a reference to the account; dropping ours now frees it (LeakSanitizer
  // checks that nothing stays behind).
  iso::detail::release(receiver);
}

TEST(CopyScope, CopiesFreedConcurrentlyFromManyThreads) {
  SKIP_WITHOUT_ACCOUNTING();
  TestAccount receiver;
  const Strings source = long_strings();
  std::vector<std::unique_ptr<Strings>> copies;
  std::uint64_t bytes = 0;
  for (int i = 0; i < 8; ++i) copies.push_back(copy_into(receiver.account, source, bytes));
  // Each thread frees every other string of every copy: the regions' counts race.
  std::vector<std::thread> freers;
  for (int parity = 0; parity < 2; ++parity) {
    freers.emplace_back([&copies, parity] {
      for (auto& copy : copies) {
        for (std::size_t i = static_cast<std::size_t>(parity); i < copy->size(); i += 2) {
          std::string().swap((*copy)[i]);
        }
      }
    });
  }
  for (auto& freer : freers) freer.join();
  copies.clear();
  EXPECT_EQ(receiver.stats().live_allocations, 0);
  EXPECT_EQ(receiver.stats().live_bytes, 0);
}

TEST(CopyScope, LargeBlocksAreOrdinaryBlocks) {
  SKIP_WITHOUT_ACCOUNTING();
  TestAccount receiver;
  const std::string large(1 << 20, 'x');
  const std::string small(100, 'y');
  std::unique_ptr<std::pair<std::string, std::string>> copy;
  {
    iso::CopyScope copying(receiver.account);
    copy = std::make_unique<std::pair<std::string, std::string>>(large, small);
  }
  EXPECT_GE(receiver.stats().live_bytes, static_cast<std::int64_t>(large.size()));
  std::string().swap(copy->first);  // freed at once, not with the region
  EXPECT_LT(receiver.stats().live_bytes, 1024);
  EXPECT_GT(receiver.stats().live_bytes, 0);
  copy.reset();
  EXPECT_EQ(receiver.stats().live_bytes, 0);
}

TEST(CopyScope, BlocksFreedDuringTheCopyLeaveNothingCharged) {
  SKIP_WITHOUT_ACCOUNTING();
  TestAccount receiver;
  {
    iso::CopyScope copying(receiver.account);
    for (int i = 0; i < 1000; ++i) {
      auto scratch = std::make_unique<std::string>(64, 's');
      EXPECT_EQ(scratch->size(), 64U);
    }
  }
  EXPECT_EQ(receiver.stats().live_allocations, 0);
  EXPECT_EQ(receiver.stats().live_bytes, 0);
}

TEST(CopyScope, AnEmptyCopyChargesNothing) {
  SKIP_WITHOUT_ACCOUNTING();
  TestAccount receiver;
  { iso::CopyScope copying(receiver.account); }
  EXPECT_EQ(receiver.stats().allocations, 0U);
  EXPECT_EQ(receiver.stats().live_bytes, 0);
}

TEST(CopyScope, NestedAllocationScopeChargesItsOwnAccountBlockByBlock) {
  SKIP_WITHOUT_ACCOUNTING();
  TestAccount receiver;
  TestAccount other;
  std::unique_ptr<std::string> in_region;
  std::unique_ptr<std::string> ordinary;
  {
    iso::CopyScope copying(receiver.account);
    {
      iso::AllocationScope elsewhere(other.account);
      ordinary = std::make_unique<std::string>(100, 'o');
      EXPECT_EQ(iso::detail::current_heap_account(), other.account);
    }
    EXPECT_EQ(iso::detail::current_heap_account(), receiver.account);
    in_region = std::make_unique<std::string>(100, 'r');  // the region is back in use
  }
  EXPECT_EQ(other.stats().live_allocations, 2);
  EXPECT_EQ(receiver.stats().live_allocations, 2);
  ordinary.reset();
  EXPECT_EQ(other.stats().live_allocations, 0);
  EXPECT_EQ(receiver.stats().live_allocations, 2);
  in_region.reset();
  EXPECT_EQ(receiver.stats().live_allocations, 0);
}

void* volatile escaped = nullptr;

TEST(CopyScope, OverAlignedBlocksAreChargedAndAligned) {
  SKIP_WITHOUT_ACCOUNTING();
  struct alignas(64) Line {
    char bytes[64];
  };
  TestAccount receiver;
  std::unique_ptr<Line> line;
  {
    iso::CopyScope copying(receiver.account);
    line = std::make_unique<Line>();
  }
  escaped = line.get();  // or the compiler may place the block on the stack instead
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(line.get()) % 64, 0U);
  EXPECT_EQ(receiver.stats().live_allocations, 1);
  line.reset();
  EXPECT_EQ(receiver.stats().live_allocations, 0);
}

TEST(CopyScope, AFailedCopyLeavesNothingCharged) {
  SKIP_WITHOUT_ACCOUNTING();
  TestAccount receiver;
  auto data = iso::TransferableTypedData::from_list(std::vector<std::uint8_t>(8));
  (void)iso::Message::copy_of(data, nullptr);  // transferred away: the handle is empty now
  // The strings are copied first, then the empty handle throws: the copy unwinds.
  const std::pair<Strings, iso::TransferableTypedData> upload{long_strings(), data};
  EXPECT_THROW((void)iso::Message::copy_of(upload, receiver.account), iso::IsolateError);
  EXPECT_EQ(receiver.stats().live_allocations, 0);
  EXPECT_EQ(receiver.stats().live_bytes, 0);
}

#if defined(ISO_ADDRESS_SANITIZER)
// A region block is poisoned once freed, as a malloc'ed block is: AddressSanitizer reports a
// read of it.
TEST(CopyScopeDeathTest, ReadingAFreedBlockIsReported) {
  TestAccount receiver;
  std::uint64_t bytes = 0;
  auto copy = copy_into(receiver.account, long_strings(), bytes);
  const char* freed = (*copy)[1].data();
  std::string().swap((*copy)[1]);  // the other strings keep the region alive
  EXPECT_DEATH(
      {
        volatile char c = freed[0];
        (void)c;
      },
      "use-after-poison");
}
#endif

// A result built in new space is one region on the thread's account: a string kept from it keeps
// the whole charge. A string made OutsideNewSpace is a block of its own, freed alone.
TEST(NewSpaceScope, KeepsTheResultInOneRegionAndWhatIsMadeOutsideItApart) {
  SKIP_WITHOUT_ACCOUNTING();
  TestAccount isolate;
  iso::AllocationScope as_isolate(isolate.account);
  const Strings source = long_strings();
  const iso::HeapStats before = isolate.stats();
  std::unique_ptr<Strings> built;
  std::string outside_text;
  {
    iso::NewSpaceScope new_space;
    built = std::make_unique<Strings>(source);
    {
      iso::OutsideNewSpace outside;
      outside_text = source.front();
    }
    built->push_back(source.back());  // the region is back in use
  }
  const iso::HeapStats after_building = isolate.stats();
  EXPECT_GT(after_building.live_allocations - before.live_allocations, 100);
  std::string kept = std::move(built->back());  // a move keeps the block it points to
  built.reset();
  EXPECT_EQ(isolate.stats().live_bytes, after_building.live_bytes);
  std::string().swap(outside_text);
  EXPECT_EQ(isolate.stats().live_allocations, after_building.live_allocations - 1);
  EXPECT_EQ(kept, source.back());
  std::string().swap(kept);
  EXPECT_EQ(isolate.stats().live_allocations, before.live_allocations);
  EXPECT_EQ(isolate.stats().live_bytes, before.live_bytes);
}
