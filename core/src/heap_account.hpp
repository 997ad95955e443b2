#pragma once
// Internals of the heap accounting shared by heap.cpp (operator new, accounts) and
// copy_region.cpp (message copies): the account itself and the header in front of every block.

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "iso/heap.hpp"

namespace iso {

class HeapAccount {
 public:
  std::atomic<std::int64_t> live_bytes{0};
  std::atomic<std::int64_t> peak_bytes{0};
  std::atomic<std::int64_t> live_allocations{0};
  std::atomic<std::uint64_t> allocations{0};
  std::atomic<std::uint64_t> allocated_bytes{0};
  std::atomic<std::int64_t> references{1};

  // Accounts this one adopted (isolates that ended by handing their heap over), a short list
  // guarded by a spin lock: it changes once per exit hand-over.
  std::atomic_flag adopted_lock = ATOMIC_FLAG_INIT;
  std::atomic<bool> adopted{false};  // an account joins at most one receiver's list
  HeapAccount* first_adopted = nullptr;
  HeapAccount* next_adopted = nullptr;

  void lock_adopted() noexcept {
    while (adopted_lock.test_and_set(std::memory_order_acquire)) {
    }
  }
  void unlock_adopted() noexcept { adopted_lock.clear(std::memory_order_release); }

  /// Charges `count` blocks of `bytes` in all, which hold one reference between them.
  void charge(std::size_t bytes, std::int64_t count = 1) noexcept {
    references.fetch_add(1, std::memory_order_relaxed);
    live_allocations.fetch_add(count, std::memory_order_relaxed);
    allocations.fetch_add(static_cast<std::uint64_t>(count), std::memory_order_relaxed);
    allocated_bytes.fetch_add(bytes, std::memory_order_relaxed);
    const auto live =
        live_bytes.fetch_add(static_cast<std::int64_t>(bytes), std::memory_order_relaxed) +
        static_cast<std::int64_t>(bytes);
    auto peak = peak_bytes.load(std::memory_order_relaxed);
    while (live > peak &&
           !peak_bytes.compare_exchange_weak(peak, live, std::memory_order_relaxed)) {
    }
  }

  /// Credits what one charge() charged. Returns false once nothing references the account any
  /// more (the caller then destroys it).
  bool credit(std::size_t bytes, std::int64_t count = 1) noexcept {
    live_bytes.fetch_sub(static_cast<std::int64_t>(bytes), std::memory_order_relaxed);
    live_allocations.fetch_sub(count, std::memory_order_relaxed);
    return references.fetch_sub(1, std::memory_order_acq_rel) != 1;
  }
};

namespace detail {

/// Frees an account nothing references any more, and releases the accounts it adopted.
void destroy_account(HeapAccount* account) noexcept;

class CopyRegion;

/// Sits in front of every block operator new returns. 16 bytes keeps malloc's 16-byte
/// alignment for the user part. `owner` is the HeapAccount that paid for the block (or null),
/// or, with its lowest bit set, the CopyRegion the block was bump-allocated from.
struct alignas(16) BlockHeader {
  std::uintptr_t owner;
  std::size_t size;

  bool in_region() const noexcept { return (owner & 1U) != 0; }
  HeapAccount* account() const noexcept { return reinterpret_cast<HeapAccount*>(owner); }
  CopyRegion* region() const noexcept {
    return reinterpret_cast<CopyRegion*>(owner & ~std::uintptr_t{1});
  }

  static BlockHeader* of(void* user) noexcept { return static_cast<BlockHeader*>(user) - 1; }
};
static_assert(sizeof(BlockHeader) == 16);

}  // namespace detail
}  // namespace iso
