#pragma once
// CopyRegion: the memory a message copy is built in.
//
// Dart deserializes a message straight into the receiving isolate's new space with bump
// allocation; a copy of tens of thousands of small objects costs little more than copying their
// bytes. A region does the same for operator new: it hands out blocks by bumping a cursor
// through chunks it takes from malloc, and it charges its account once, when the copy is done,
// instead of once per block.
//
// The price is the one every region allocator pays: a freed block's memory is reused only when
// the whole region is, i.e. when the last block allocated in it has been freed. A receiver that
// keeps one string of a large message keeps the message's region alive (and charged) with it.
//
// Threads: between open() and seal() only the opening thread allocates. Blocks may be freed by
// any thread at any time; the thread that frees the last block after seal() frees the region.

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "heap_account.hpp"

namespace iso::detail {

class CopyRegion {
 public:
  /// Blocks larger than this are not taken from a region: a region's chunks are for the many
  /// small objects of a copy, a large buffer is one malloc anyway.
  static constexpr std::size_t kLargestBlock = 8 * 1024;

  /// A region charged to `account` (null: charged to nobody), or null when memory ran out.
  static CopyRegion* open(HeapAccount* account) noexcept;

  /// A block of `size` (at most kLargestBlock) bytes, its header filled in; null when memory
  /// ran out. Only the opening thread, before seal().
  void* allocate(std::size_t size) noexcept;

  /// The copy is complete: charges the account with every block allocated, and frees the region
  /// at once if none of them is still alive. Only the opening thread, once; the region may be
  /// gone when it returns.
  void seal() noexcept;

  /// One of this region's blocks is freed (any thread). Frees the region with its last block.
  void free_block(BlockHeader* header) noexcept;

 private:
  struct Chunk;

  explicit CopyRegion(HeapAccount* account, Chunk* first) noexcept;
  bool add_chunk(std::size_t footprint) noexcept;  // one that holds a block of `footprint`
  void destroy() noexcept;

  // Blocks alive, plus kOpen while the copy is being made (so frees during the copy never reach
  // zero). Only the freeing side is atomic: allocation counts into blocks_ until seal().
  static constexpr std::int64_t kOpen = std::int64_t{1} << 62;
  std::atomic<std::int64_t> holds_{kOpen};

  HeapAccount* const account_;
  Chunk* chunks_;  // newest first; the first chunk holds the region itself
  char* cursor_;
  char* limit_;
  std::int64_t blocks_ = 0;  // allocated in all
  std::size_t bytes_ = 0;    // requested in all: what the account is charged
};

}  // namespace iso::detail
