// CopyRegion on its own, without operator new in the way: the bump allocation, the one charge
// at seal(), and the count of live blocks that frees the region with its last block, from any
// thread. These tests run in every build, ThreadSanitizer's included (where operator new is not
// replaced and CopyScope never opens a region), so the region's counting is checked for races.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <thread>
#include <vector>

#include "copy_region.hpp"
#include "iso/heap.hpp"
#include "test_account.hpp"

namespace {

using iso::detail::BlockHeader;
using iso::detail::CopyRegion;

void free_block(void* user) {
  BlockHeader* header = BlockHeader::of(user);
  ASSERT_TRUE(header->in_region());
  header->region()->free_block(header);
}

// `count` blocks of sizes cycling through 1..kLargestBlock's range, each filled with its index.
std::vector<void*> allocate_filled(CopyRegion& region, int count, std::size_t& bytes) {
  std::vector<void*> blocks;
  for (int i = 0; i < count; ++i) {
    const std::size_t size = 1 + static_cast<std::size_t>(i * 37) % 300;
    void* block = region.allocate(size);
    EXPECT_NE(block, nullptr);
    std::memset(block, i & 0xff, size);
    blocks.push_back(block);
    bytes += size;
  }
  return blocks;
}

// A region charged to a test account, opened for the test; the test seals it.
class CopyRegionTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NE(region, nullptr); }

  TestAccount receiver;
  CopyRegion* region = CopyRegion::open(receiver.account);
};

}  // namespace

TEST_F(CopyRegionTest, BlocksAreAlignedSeparateAndKnowTheirRegion) {
  std::size_t bytes = 0;
  const std::vector<void*> blocks = allocate_filled(*region, 2000, bytes);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const BlockHeader* header = BlockHeader::of(blocks[i]);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(blocks[i]) % 16, 0U);
    EXPECT_TRUE(header->in_region());
    EXPECT_EQ(header->region(), region);
    EXPECT_EQ(header->size, 1 + (i * 37) % 300);
    // Every byte still holds what was written: no block overlapped another or a header.
    const auto* first = static_cast<const unsigned char*>(blocks[i]);
    EXPECT_TRUE(
        std::all_of(first, first + header->size, [i](unsigned char c) { return c == (i & 0xff); }))
        << "block " << i;
  }
  region->seal();
  for (void* block : blocks) free_block(block);
}

TEST_F(CopyRegionTest, ChargesTheAccountOnceAtSealAndCreditsItWithTheLastBlock) {
  std::size_t bytes = 0;
  const std::vector<void*> blocks = allocate_filled(*region, 500, bytes);
  EXPECT_EQ(receiver.stats().allocations, 0U);  // nothing is charged while the copy is made
  region->seal();
  EXPECT_EQ(receiver.stats().live_allocations, 500);
  EXPECT_EQ(receiver.stats().allocations, 500U);
  EXPECT_EQ(receiver.stats().live_bytes, static_cast<std::int64_t>(bytes));
  for (std::size_t i = 0; i + 1 < blocks.size(); ++i) free_block(blocks[i]);
  EXPECT_EQ(receiver.stats().live_bytes, static_cast<std::int64_t>(bytes));  // one still alive
  free_block(blocks.back());
  EXPECT_EQ(receiver.stats().live_allocations, 0);
  EXPECT_EQ(receiver.stats().live_bytes, 0);
}

TEST_F(CopyRegionTest, BlocksOfTheLargestSizeGrowTheRegion) {
  std::vector<void*> blocks;
  for (int i = 0; i < 64; ++i) {
    void* block = region->allocate(CopyRegion::kLargestBlock);
    ASSERT_NE(block, nullptr);
    std::memset(block, i, CopyRegion::kLargestBlock);
    blocks.push_back(block);
  }
  for (int i = 0; i < 64; ++i) {
    EXPECT_EQ(static_cast<unsigned char*>(blocks[i])[CopyRegion::kLargestBlock - 1], i);
  }
  region->seal();
  EXPECT_EQ(receiver.stats().live_bytes, static_cast<std::int64_t>(64 * CopyRegion::kLargestBlock));
  for (void* block : blocks) free_block(block);
  EXPECT_EQ(receiver.stats().live_bytes, 0);
}

TEST_F(CopyRegionTest, ASealWithEveryBlockFreedFreesTheRegionAtOnce) {
  std::size_t bytes = 0;
  for (void* block : allocate_filled(*region, 100, bytes)) free_block(block);
  region->seal();  // charges and credits the 100 blocks: the account is left as it was
  EXPECT_EQ(receiver.stats().allocations, 100U);
  EXPECT_EQ(receiver.stats().live_allocations, 0);
  EXPECT_EQ(receiver.stats().live_bytes, 0);
}

TEST(CopyRegion, BlocksFreedOnOtherThreadsWhileTheCopyIsMadeAndAfter) {
  TestAccount receiver;
  constexpr int kRounds = 50;
  for (int round = 0; round < kRounds; ++round) {
    CopyRegion* region = CopyRegion::open(receiver.account);
    ASSERT_NE(region, nullptr);
    std::size_t bytes = 0;
    std::vector<void*> early = allocate_filled(*region, 200, bytes);
    // Two threads free half of the blocks each, racing with each other, with the allocation
    // of more blocks and with seal(); the last free, wherever it lands, frees the region.
    std::vector<std::thread> freers;
    for (int parity = 0; parity < 2; ++parity) {
      freers.emplace_back([&early, parity] {
        for (std::size_t i = static_cast<std::size_t>(parity); i < early.size(); i += 2) {
          free_block(early[i]);
        }
      });
    }
    std::vector<void*> late = allocate_filled(*region, 200, bytes);
    region->seal();
    std::thread late_freer([&late] {
      for (void* block : late) free_block(block);
    });
    for (auto& freer : freers) freer.join();
    late_freer.join();
  }
  EXPECT_EQ(receiver.stats().allocations, static_cast<std::uint64_t>(kRounds * 400));
  EXPECT_EQ(receiver.stats().live_allocations, 0);
  EXPECT_EQ(receiver.stats().live_bytes, 0);
}
