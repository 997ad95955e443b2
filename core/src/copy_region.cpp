#include "copy_region.hpp"

#include <algorithm>
#include <cstdlib>
#include <new>

#include "address_sanitizer.hpp"

#if defined(ISO_ADDRESS_SANITIZER)
// Under AddressSanitizer every byte of a chunk that is not a live block is poisoned, so a read
// past a block, or of a block (or its header) after it was freed, is reported as it would be
// for malloc'ed memory.
#include <sanitizer/asan_interface.h>
#define ISO_POISON(address, size) ASAN_POISON_MEMORY_REGION(address, size)
#define ISO_UNPOISON(address, size) ASAN_UNPOISON_MEMORY_REGION(address, size)
#else
#define ISO_POISON(address, size) ((void)(address), (void)(size))
#define ISO_UNPOISON(address, size) ((void)(address), (void)(size))
#endif

namespace iso::detail {

namespace {

// Chunks grow from 256 bytes (a small message, the common case, costs one small malloc and
// holds little while it waits in a queue) by 4x to 64 KiB, which stays below glibc's mmap
// threshold: a large copy's chunks come from (and go back to) malloc's arenas, already mapped,
// instead of costing fresh page faults on every copy.
constexpr std::size_t kFirstChunkBytes = 256;
constexpr std::size_t kLargestChunkBytes = 64 * 1024;
constexpr std::size_t kAlignment = alignof(BlockHeader);

constexpr std::size_t round_up(std::size_t n) noexcept {
  return (n + kAlignment - 1) / kAlignment * kAlignment;
}

}  // namespace

struct alignas(kAlignment) CopyRegion::Chunk {
  Chunk* next;
  std::size_t bytes;  // including this header

  char* begin() noexcept { return reinterpret_cast<char*>(this + 1); }
  char* end() noexcept { return reinterpret_cast<char*>(this) + bytes; }

  /// A chunk of `bytes` (header included) in front of `next`; null when memory ran out.
  static Chunk* make(std::size_t bytes, Chunk* next) noexcept {
    void* memory = std::malloc(bytes);
    if (memory == nullptr) return nullptr;
    auto* chunk = new (memory) Chunk{next, bytes};
    ISO_POISON(chunk->begin(), chunk->end() - chunk->begin());
    return chunk;
  }
};

CopyRegion::CopyRegion(HeapAccount* account, Chunk* first) noexcept
    : account_(account),
      chunks_(first),
      cursor_(first->begin() + round_up(sizeof(CopyRegion))),
      limit_(first->end()) {}

CopyRegion* CopyRegion::open(HeapAccount* account) noexcept {
  static_assert(sizeof(Chunk) + round_up(sizeof(CopyRegion)) <= kFirstChunkBytes / 2);
  Chunk* first = Chunk::make(kFirstChunkBytes, nullptr);
  if (first == nullptr) return nullptr;
  ISO_UNPOISON(first->begin(), sizeof(CopyRegion));
  return new (first->begin()) CopyRegion(account, first);
}

bool CopyRegion::add_chunk(std::size_t footprint) noexcept {
  const std::size_t grown = std::min(chunks_->bytes * 4, kLargestChunkBytes);
  Chunk* chunk = Chunk::make(std::max(grown, sizeof(Chunk) + footprint), chunks_);
  if (chunk == nullptr) return false;
  chunks_ = chunk;
  cursor_ = chunk->begin();
  limit_ = chunk->end();
  return true;
}

void* CopyRegion::allocate(std::size_t size) noexcept {
  const std::size_t footprint = sizeof(BlockHeader) + round_up(size == 0 ? 1 : size);
  if (static_cast<std::size_t>(limit_ - cursor_) < footprint && !add_chunk(footprint)) {
    return nullptr;
  }
  ISO_UNPOISON(cursor_, footprint);
  auto* header = new (cursor_) BlockHeader{reinterpret_cast<std::uintptr_t>(this) | 1U, size};
  cursor_ += footprint;
  ++blocks_;
  bytes_ += size;
  return header + 1;
}

void CopyRegion::seal() noexcept {
  if (account_ != nullptr && blocks_ != 0) account_->charge(bytes_, blocks_);
  // From now on holds_ counts exactly the blocks still alive.
  const std::int64_t change = blocks_ - kOpen;
  if (holds_.fetch_add(change, std::memory_order_acq_rel) + change == 0) destroy();
}

void CopyRegion::free_block(BlockHeader* header) noexcept {
  ISO_POISON(header, sizeof(BlockHeader) + round_up(header->size == 0 ? 1 : header->size));
  if (holds_.fetch_sub(1, std::memory_order_acq_rel) == 1) destroy();
}

void CopyRegion::destroy() noexcept {
  HeapAccount* account = account_;
  const std::int64_t blocks = blocks_;
  const std::size_t bytes = bytes_;
  Chunk* chunk = chunks_;
  this->~CopyRegion();  // lives in the last chunk of the list: free the chunks after reading it
  while (chunk != nullptr) {
    Chunk* next = chunk->next;
    ISO_UNPOISON(chunk->begin(), chunk->end() - chunk->begin());
    std::free(chunk);
    chunk = next;
  }
  if (account != nullptr && blocks != 0 && !account->credit(bytes, blocks)) {
    destroy_account(account);
  }
}

}  // namespace iso::detail
