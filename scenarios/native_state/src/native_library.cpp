// The native library's one global state and the ways its calls update it.
//
// The state is held in relaxed atomics even on the unguarded path. A plain `uint64_t` written by
// two threads is a data race, which C++ makes undefined behaviour: the compiler may then keep the
// counter in a register for the whole loop, and the "lost updates" would show the optimiser, not
// the race. Relaxed loads and stores compile to the same plain moves on x86-64 and AArch64, are
// defined behaviour, and lose updates in exactly the way a C library's `counter = counter + 1`
// does: two callers load the same value and both store value + 1. ThreadSanitizer stays quiet
// about them by design; tests/tsan/race_probe_test.cpp shows it flagging the plain-global version.

#include "native_library.h"

#include <atomic>
#include <mutex>
#include <thread>

namespace {

std::atomic<uint64_t> counter{0};
std::atomic<uint64_t> cache[NATIVE_CACHE_SLOTS];
std::mutex guard;

/// Load, work, store: the unguarded body the locked path wraps. With `widen`, one call in
/// NATIVE_YIELD_EVERY yields between its load and its store: with the callers on separate cores
/// their work alone overlaps their windows, but on one core (or a busy machine) a caller would
/// rarely be preempted inside its window, and the demonstration would rest on the scheduler's
/// luck. A yield there lets another runnable caller run through its own calls, every one of
/// which the waiting caller's store then overwrites.
uint64_t load_work_store(uint64_t input, bool widen) {
  const uint64_t seen = counter.load(std::memory_order_relaxed);
  const uint64_t result = native_compute(seen, input);
  if (widen && input % NATIVE_YIELD_EVERY == 0) std::this_thread::yield();
  cache[seen % NATIVE_CACHE_SLOTS].store(result, std::memory_order_relaxed);
  counter.store(seen + 1, std::memory_order_relaxed);
  return result;
}

}  // namespace

extern "C" {

void native_reset(void) {
  counter.store(0, std::memory_order_relaxed);
  for (auto& slot : cache) slot.store(0, std::memory_order_relaxed);
}

uint64_t native_calls(void) {
  return counter.load(std::memory_order_relaxed);
}

uint64_t native_cache_entry(unsigned slot) {
  return slot < NATIVE_CACHE_SLOTS ? cache[slot].load(std::memory_order_relaxed) : 0;
}

uint64_t native_compute(uint64_t seen, uint64_t input) {
  // A few rounds of splitmix64: tens of nanoseconds of real work the optimiser cannot skip,
  // which is the window between the load and the store.
  uint64_t x = seen ^ (input * 0x9E3779B97F4A7C15ull);
  for (int round = 0; round < 8; ++round) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    x ^= x >> 31;
  }
  return x;
}

uint64_t native_process_unguarded(uint64_t input) {
  return load_work_store(input, false);
}

uint64_t native_process_unguarded_widened(uint64_t input) {
  return load_work_store(input, true);
}

uint64_t native_process_locked(uint64_t input) {
  std::lock_guard lock(guard);
  return load_work_store(input, false);
}

uint64_t native_process_atomic(uint64_t input, uint64_t* retries) {
  uint64_t seen = counter.load(std::memory_order_relaxed);
  uint64_t result = native_compute(seen, input);
  // On failure `seen` holds the counter's current value: recompute from it and try again.
  while (!counter.compare_exchange_weak(seen, seen + 1, std::memory_order_acq_rel,
                                        std::memory_order_relaxed)) {
    result = native_compute(seen, input);
    ++*retries;
  }
  // The swap counted this call as number `seen`: its result goes where that number's does.
  cache[seen % NATIVE_CACHE_SLOTS].store(result, std::memory_order_relaxed);
  return result;
}

}  // extern "C"
