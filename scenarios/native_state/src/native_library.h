#pragma once
// A small "native library", as Dart code would reach it through FFI: plain C++ behind a C
// interface, with global mutable state (a call counter and a small cache of recent results).
// Nothing here knows about isolates, which is the point: every isolate of the process that calls
// it shares this one state, as every isolate of a Dart process shares a native library's globals.
//
// One call reads the counter, computes a result from it and the caller's input, then writes the
// result into the cache and the counter + 1 back: a load, some work, a store. The window between
// the load and the store is where concurrent callers lose each other's updates.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Cache slots: a call with counter value v writes slot v % NATIVE_CACHE_SLOTS.
#define NATIVE_CACHE_SLOTS 8
/// native_process_unguarded_widened: every call whose input is a multiple of this yields the
/// CPU between its load and its store (see native_library.cpp).
#define NATIVE_YIELD_EVERY 1024

/// Sets the counter and the cache to zero. Call it while no other thread calls the library.
void native_reset(void);
/// The counter: how many calls the library recorded.
uint64_t native_calls(void);
/// What the cache holds in `slot` (0 .. NATIVE_CACHE_SLOTS - 1), or 0 for another slot.
uint64_t native_cache_entry(unsigned slot);

/// The work between the load and the store: a pure function of the counter value seen and the
/// input. Exposed so that per-isolate state can do exactly the same work.
uint64_t native_compute(uint64_t seen, uint64_t input);

/// One call without protection: concurrent callers lose updates. Returns the result it cached.
uint64_t native_process_unguarded(uint64_t input);
/// The same call with its window held open across a context switch once in NATIVE_YIELD_EVERY
/// calls, so that concurrent callers lose updates in every run, even on one core. The race
/// demonstration's call: the yields cost time, so its speed is no measure of the others'.
uint64_t native_process_unguarded_widened(uint64_t input);
/// One call with the load, work and store under a mutex (the first fix).
uint64_t native_process_locked(uint64_t input);
/// One call that publishes its store with a compare-and-swap, recomputing when another caller
/// got in first (the second fix). Adds the number of recomputations to *retries.
uint64_t native_process_atomic(uint64_t input, uint64_t* retries);

#ifdef __cplusplus
}
#endif
