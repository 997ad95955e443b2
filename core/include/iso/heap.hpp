#pragma once
// Per-isolate heap accounting.
//
// Every allocation made through operator new in a program linked with the core is charged to a
// heap account: the account of the isolate running on the calling thread, or the account an
// `AllocationScope` or `CopyScope` names (a message copy is made by the sender but charged to
// the receiver). The charge is recorded in a 16-byte header in front of the block, so a block is
// always credited back to the account that paid for it, whichever thread frees it.
//
// Plain threads that are not isolates charge nothing. Direct malloc calls are not seen.
//
// Like a VM's heap, the process keeps the pages it has had: blocks below 32 MiB come from
// malloc's arenas and up to 64 MiB of freed memory stays at an arena's top instead of going
// back to the kernel, so a message copied into an isolate lands in memory already mapped
// (core/src/heap.cpp says why and what it changed).

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace iso {

struct HeapStats {
  std::int64_t live_bytes = 0;        ///< bytes allocated and not yet freed
  std::int64_t peak_bytes = 0;        ///< highest live_bytes seen
  std::int64_t live_allocations = 0;  ///< blocks allocated and not yet freed
  std::uint64_t allocations = 0;      ///< blocks allocated over the account's life
  std::uint64_t allocated_bytes = 0;  ///< bytes allocated over the account's life
};

class HeapAccount;

namespace detail {
class CopyRegion;

/// Where a thread's allocations go: the account that pays and, inside a CopyScope, the region
/// the copy's small blocks are bump-allocated from.
struct AllocationTarget {
  HeapAccount* account = nullptr;
  CopyRegion* region = nullptr;
};
}  // namespace detail

/// Charges every allocation made on this thread inside the scope to `account` (which may be
/// null: charge nothing). Scopes nest; an AllocationScope inside a CopyScope suspends the copy's
/// region until it ends.
class AllocationScope {
 public:
  explicit AllocationScope(HeapAccount* account) noexcept;
  ~AllocationScope();
  AllocationScope(const AllocationScope&) = delete;
  AllocationScope& operator=(const AllocationScope&) = delete;

 private:
  detail::AllocationTarget previous_;
};

/// How a message copy is built: like AllocationScope, every allocation made on this thread
/// inside the scope is charged to `account`, but blocks of up to 8 KiB are bump-allocated from
/// one region opened for the scope, as Dart deserializes a message into the receiver's new
/// space. The account is charged once, when the scope ends, for every block of the region, and
/// credited once, when the last of them is freed (by any thread): until then the region's memory
/// stays charged even where some of its blocks were freed. Larger blocks are ordinary blocks.
class CopyScope {
 public:
  explicit CopyScope(HeapAccount* account) noexcept;
  ~CopyScope();
  CopyScope(const CopyScope&) = delete;
  CopyScope& operator=(const CopyScope&) = delete;

 private:
  detail::AllocationTarget previous_;
};

/// A CopyScope charged to the account this thread charges now (on an isolate's thread, the
/// isolate's own), for work that builds one large result of many small objects at once (a
/// decoded JSON tree), as a Dart isolate bump-allocates them in its new space: a malloc per object
/// can cost more than making the object. The region's memory stays allocated and charged while
/// any of its blocks lives, so objects that will outlive the rest of the result (strings a
/// mapping takes out of a decoded tree, an error about it) are made OutsideNewSpace.
class NewSpaceScope {
 public:
  NewSpaceScope() noexcept;  // not copyable, as the scope it holds

 private:
  CopyScope region_;
};

/// Inside a NewSpaceScope (or any CopyScope): blocks made in this scope are ordinary blocks of the
/// account the thread charges, freed one by one, and the region is back in use when it ends.
class OutsideNewSpace {
 public:
  OutsideNewSpace() noexcept;  // not copyable, as the scope it holds

 private:
  AllocationScope ordinary_;
};

/// False in ThreadSanitizer builds, whose runtime owns operator new: there every account reads
/// zero, and AllocationScope, CopyScope and the scopes built on them do nothing. Heap behaviour
/// is checked in the other builds (AddressSanitizer's LeakSanitizer among them).
constexpr bool heap_accounting_enabled() noexcept {
#if defined(ISO_NO_HEAP_ACCOUNTING)
  return false;
#else
  return true;
#endif
}

/// Bytes this thread has allocated so far, whatever account paid. Differences of two readings
/// tell what one piece of work allocated without being disturbed by other threads.
std::uint64_t thread_allocated_bytes() noexcept;

namespace detail {

/// Reference-counted: the owner holds one reference and every live block holds one, so an
/// account outlives the isolate for as long as memory it paid for is still in use elsewhere
/// (an `exit` hand-over, a transferred buffer, a copy dropped by a closed port).
HeapAccount* new_heap_account();
void retain(HeapAccount* account) noexcept;
void release(HeapAccount* account) noexcept;
HeapStats stats_of(const HeapAccount* account) noexcept;
HeapAccount* current_heap_account() noexcept;
void set_current_heap_account(HeapAccount* account) noexcept;

/// `receiver` takes over what `donor` still holds (an isolate ending by `exit`): from now on
/// stats_of(receiver) counts the donor's live bytes too. O(1).
void adopt(HeapAccount* receiver, HeapAccount* donor);

/// Moves one block allocated with operator new to another account. O(1): used when a
/// transferable buffer changes hands.
void recharge(void* block, HeapAccount* to) noexcept;
/// The account a block allocated with operator new is charged to (null: nobody, or a build
/// without accounting).
HeapAccount* account_of_block(void* block) noexcept;

}  // namespace detail
}  // namespace iso
