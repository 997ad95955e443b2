// Global operator new/delete replacement that charges every block to a heap account.
// See iso/heap.hpp for the model. Accounts themselves live in malloc'ed memory so that
// creating one never recurses into the accounting.

#include "iso/heap.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdlib>
#include <new>

#include "address_sanitizer.hpp"
#include "copy_region.hpp"
#include "heap_account.hpp"

namespace iso {

using detail::AllocationTarget;
using detail::BlockHeader;
using detail::CopyRegion;
using detail::destroy_account;

namespace {

/// Blocks this large and larger are mapped on their own (glibc's largest mmap threshold).
constexpr std::size_t kOwnMappingBytes = 32 << 20;

// An isolate's heap keeps the pages it has had, as a VM's heap does (Dart's caches freed pages and
// reuses its new space): a message copied into it lands in memory already mapped. glibc, left to
// itself, hands a freed block of a few MiB straight back to the kernel (munmap, or a trim of the
// arena's top), so the next copy of the same size page-faults fresh, zeroed pages, and a 2 MiB
// message measured 5x its plain copy instead of 1.1x. Two settings, for the whole process, before
// anything runs: blocks below 32 MiB (glibc's largest mmap threshold) come from the arenas, and
// an arena keeps up to 64 MiB free at its top before trimming. Larger blocks are still mapped and
// unmapped on their own, as a VM's large-object pages are, and a run's big workloads still go
// back to the kernel. (Sanitizer builds have their own allocator, which ignores these.)
//
// Kept pages are kept per arena, and glibc gives threads up to eight arenas per core: every
// isolate's thread came to keep its own high-water mark, and a 2 MB json-parse run peaked at
// 100 MB resident, against 57 MB with one arena per core. One arena per core still kept two
// high-water marks: `json-parse --size 256MB` peaked at 3.5-3.7 GB, and at 2.3-2.4 GB with one
// arena for the process. So all isolates share one arena, as the isolates of a Dart group share
// one heap. Small blocks still come from each thread's own cache (tcache) first, without the
// arena's lock.
struct RetainFreedPages {
  RetainFreedPages() noexcept {
    mallopt(M_MMAP_THRESHOLD, kOwnMappingBytes);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_ARENA_MAX, 1);
  }
};
const RetainFreedPages retain_freed_pages;

thread_local AllocationTarget t_target;
thread_local std::uint64_t t_allocated_bytes = 0;

void release_account(HeapAccount* account) noexcept {
  if (account != nullptr && account->references.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    destroy_account(account);
  }
}

#if !defined(ISO_NO_HEAP_ACCOUNTING)  // the block functions behind operator new

// A block of kOwnMappingBytes or more is a mapping of its own (unless the arena has that much
// free), fresh at every allocation, and each 4 KiB page of it faults once when first written.
// On the virtual machine this suite was measured on, a fault took about 14 µs: writing a new
// 64 MB block took 200-260 ms, writing it again 3.4 ms, and writing a new one in 2 MiB pages
// 7 ms. So such a block asks the kernel for 2 MiB pages (transparent huge pages; honoured where
// the system's setting is `madvise` or `always`), as a VM maps its large objects: big messages
// and their floor then cost what the copying costs, not what this machine's page faults cost.
// Only a block glibc mapped on its own is advised: a range of the arena would keep the advice
// after the block is freed.
void prefer_huge_pages(void* raw, std::size_t bytes) noexcept {
#if defined(ISO_ADDRESS_SANITIZER)
  (void)raw, (void)bytes;  // the sanitizer's malloc, not glibc's: no chunk header to read
#else
  // glibc's chunk header sits in the word before the block, outside what malloc handed out: the
  // barrier keeps the compiler from treating the read as one past the block's start.
  asm volatile("" : "+r"(raw));
  constexpr std::size_t kMappedOnItsOwn = 0x2;  // glibc's IS_MMAPPED bit in the chunk's size word
  if ((static_cast<const std::size_t*>(raw)[-1] & kMappedOnItsOwn) == 0) return;
  static const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  const auto begin = (reinterpret_cast<std::uintptr_t>(raw) + page - 1) & ~(page - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(raw) + bytes) & ~(page - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

void* charge_block(void* raw, std::size_t size) noexcept {
  HeapAccount* account = t_target.account;
  auto* header = new (raw) BlockHeader{reinterpret_cast<std::uintptr_t>(account), size};
  t_allocated_bytes += size;
  if (account != nullptr) account->charge(size);
  return header + 1;
}

void credit_block(BlockHeader* header) noexcept {
  HeapAccount* account = header->account();
  if (account != nullptr && !account->credit(header->size)) destroy_account(account);
}

void* allocate(std::size_t size) noexcept {
  if (t_target.region != nullptr && size <= CopyRegion::kLargestBlock) {
    if (void* user = t_target.region->allocate(size)) {
      t_allocated_bytes += size;
      return user;
    }
  }
  if (size > SIZE_MAX - sizeof(BlockHeader)) return nullptr;
  void* raw = std::malloc(sizeof(BlockHeader) + size);
  if (raw == nullptr) return nullptr;
  if (size >= kOwnMappingBytes) prefer_huge_pages(raw, sizeof(BlockHeader) + size);
  return charge_block(raw, size);
}

void deallocate(void* user) noexcept {
  if (user == nullptr) return;
  BlockHeader* header = BlockHeader::of(user);
  if (header->in_region()) {
    header->region()->free_block(header);
  } else {
    credit_block(header);
    std::free(header);
  }
}

// Over-aligned blocks: the header sits just before the user pointer, `alignment` bytes after
// the start of the raw block (alignment >= 16 for every over-aligned new). They are never
// taken from a copy region.
void* allocate_aligned(std::size_t size, std::align_val_t alignment) noexcept {
  const auto align = static_cast<std::size_t>(alignment);
  if (size > SIZE_MAX - 2 * align) return nullptr;
  const std::size_t total = (align + size + align - 1) / align * align;
  auto* raw = static_cast<char*>(std::aligned_alloc(align, total));
  if (raw == nullptr) return nullptr;
  charge_block(raw + align - sizeof(BlockHeader), size);
  return raw + align;
}

void deallocate_aligned(void* user, std::align_val_t alignment) noexcept {
  if (user == nullptr) return;
  credit_block(BlockHeader::of(user));
  std::free(static_cast<char*>(user) - static_cast<std::size_t>(alignment));
}

void* allocate_or_throw(std::size_t size) {
  if (void* p = allocate(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}

void* allocate_aligned_or_throw(std::size_t size, std::align_val_t alignment) {
  if (void* p = allocate_aligned(size == 0 ? 1 : size, alignment)) return p;
  throw std::bad_alloc();
}

#endif

}  // namespace

AllocationScope::AllocationScope(HeapAccount* account) noexcept : previous_(t_target) {
  t_target = AllocationTarget{account, nullptr};
}
AllocationScope::~AllocationScope() {
  t_target = previous_;
}

CopyScope::CopyScope(HeapAccount* account) noexcept : previous_(t_target) {
  // Without a region (no accounting in this build, or no memory for one) the copy is made of
  // ordinary blocks charged to `account`.
  CopyRegion* region = heap_accounting_enabled() ? CopyRegion::open(account) : nullptr;
  t_target = AllocationTarget{account, region};
}
CopyScope::~CopyScope() {
  if (t_target.region != nullptr) t_target.region->seal();
  t_target = previous_;
}

NewSpaceScope::NewSpaceScope() noexcept : region_(t_target.account) {}
OutsideNewSpace::OutsideNewSpace() noexcept : ordinary_(t_target.account) {}

std::uint64_t thread_allocated_bytes() noexcept {
  return t_allocated_bytes;
}

namespace detail {

HeapAccount* new_heap_account() {
  void* memory = std::malloc(sizeof(HeapAccount));
  if (memory == nullptr) throw std::bad_alloc();
  return new (memory) HeapAccount();
}

void retain(HeapAccount* account) noexcept {
  if (account != nullptr) account->references.fetch_add(1, std::memory_order_relaxed);
}

void release(HeapAccount* account) noexcept {
  release_account(account);
}

void destroy_account(HeapAccount* account) noexcept {
  HeapAccount* adopted = account->first_adopted;
  account->~HeapAccount();
  std::free(account);
  while (adopted != nullptr) {
    HeapAccount* next = adopted->next_adopted;
    release_account(adopted);
    adopted = next;
  }
}

HeapStats stats_of(const HeapAccount* account) noexcept {
  HeapStats stats;
  if (account == nullptr) return stats;
  stats.live_bytes = account->live_bytes.load(std::memory_order_relaxed);
  stats.peak_bytes = account->peak_bytes.load(std::memory_order_relaxed);
  stats.live_allocations = account->live_allocations.load(std::memory_order_relaxed);
  stats.allocations = account->allocations.load(std::memory_order_relaxed);
  stats.allocated_bytes = account->allocated_bytes.load(std::memory_order_relaxed);
  auto* self = const_cast<HeapAccount*>(account);
  self->lock_adopted();
  for (const HeapAccount* a = self->first_adopted; a != nullptr; a = a->next_adopted) {
    stats.live_bytes += a->live_bytes.load(std::memory_order_relaxed);
    stats.live_allocations += a->live_allocations.load(std::memory_order_relaxed);
  }
  self->unlock_adopted();
  return stats;
}

HeapAccount* current_heap_account() noexcept {
  return t_target.account;
}
void set_current_heap_account(HeapAccount* account) noexcept {
  t_target = AllocationTarget{account, nullptr};
}

void adopt(HeapAccount* receiver, HeapAccount* donor) {
  if (receiver == nullptr || donor == nullptr || receiver == donor) return;
  if (donor->adopted.exchange(true)) return;
  retain(donor);
  HeapAccount* finished = nullptr;  // donors whose memory is all freed: released outside the lock
  receiver->lock_adopted();
  HeapAccount** link = &receiver->first_adopted;
  while (*link != nullptr) {
    HeapAccount* a = *link;
    if (a->live_allocations.load(std::memory_order_relaxed) == 0) {
      *link = a->next_adopted;
      a->next_adopted = finished;
      finished = a;
    } else {
      link = &a->next_adopted;
    }
  }
  donor->next_adopted = receiver->first_adopted;
  receiver->first_adopted = donor;
  receiver->unlock_adopted();
  while (finished != nullptr) {
    HeapAccount* next = finished->next_adopted;
    release_account(finished);
    finished = next;
  }
}

HeapAccount* account_of_block(void* block) noexcept {
  if constexpr (!heap_accounting_enabled()) return nullptr;
  BlockHeader* header = BlockHeader::of(block);
  return header->in_region() ? nullptr : header->account();
}

void recharge(void* block, HeapAccount* to) noexcept {
  if constexpr (!heap_accounting_enabled()) return;  // blocks carry no header
  BlockHeader* header = BlockHeader::of(block);
  if (header->in_region()) return;  // a region block stays charged with its region
  HeapAccount* from = header->account();
  if (from == to) return;
  if (to != nullptr) to->charge(header->size);
  header->owner = reinterpret_cast<std::uintptr_t>(to);
  if (from != nullptr && !from->credit(header->size)) destroy_account(from);
}

}  // namespace detail
}  // namespace iso

#if !defined(ISO_NO_HEAP_ACCOUNTING)
// ---- the replaceable allocation functions -------------------------------------------------

using iso::allocate;
using iso::allocate_aligned;
using iso::allocate_aligned_or_throw;
using iso::allocate_or_throw;
using iso::deallocate;
using iso::deallocate_aligned;

void* operator new(std::size_t size) {
  return allocate_or_throw(size);
}
void* operator new[](std::size_t size) {
  return allocate_or_throw(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return allocate(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return allocate(size == 0 ? 1 : size);
}
void* operator new(std::size_t size, std::align_val_t alignment) {
  return allocate_aligned_or_throw(size, alignment);
}
void* operator new[](std::size_t size, std::align_val_t alignment) {
  return allocate_aligned_or_throw(size, alignment);
}
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return allocate_aligned(size == 0 ? 1 : size, alignment);
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return allocate_aligned(size == 0 ? 1 : size, alignment);
}

void operator delete(void* p) noexcept {
  deallocate(p);
}
void operator delete[](void* p) noexcept {
  deallocate(p);
}
void operator delete(void* p, std::size_t) noexcept {
  deallocate(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  deallocate(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  deallocate(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  deallocate(p);
}
void operator delete(void* p, std::align_val_t a) noexcept {
  deallocate_aligned(p, a);
}
void operator delete[](void* p, std::align_val_t a) noexcept {
  deallocate_aligned(p, a);
}
void operator delete(void* p, std::size_t, std::align_val_t a) noexcept {
  deallocate_aligned(p, a);
}
void operator delete[](void* p, std::size_t, std::align_val_t a) noexcept {
  deallocate_aligned(p, a);
}
void operator delete(void* p, std::align_val_t a, const std::nothrow_t&) noexcept {
  deallocate_aligned(p, a);
}
void operator delete[](void* p, std::align_val_t a, const std::nothrow_t&) noexcept {
  deallocate_aligned(p, a);
}
#endif  // !ISO_NO_HEAP_ACCOUNTING
