#pragma once
// The threads isolates run on. Like Dart's VM, the core keeps the threads of ended isolates
// parked for reuse, so spawning an isolate takes a parked thread when one is free instead of
// creating an OS thread.
//
// - An isolate keeps its thread for as long as it lives; only the thread of an ended isolate
//   is parked. A new isolate starts on the most recently parked thread (its stack and caches
//   are the warmest), or on a new thread when none is parked.
// - An isolate's identity does not come with the thread: its IsolateLocal values, its heap
//   account, Isolate::current() and its thread name (as `top -H`, perf and gdb show it) are
//   set when it starts and cleared when it ends. A parked thread is named "iso-parked".
// - The pool is bounded: a thread that would park beyond `max_parked` exits instead, and a
//   parked thread that is not reused within `idle_timeout` exits. When run_main returns, every
//   parked thread has exited and been joined (a thread outliving the program's main isolate
//   would run its libraries' per-thread clean-up after they were torn down at exit); at process
//   exit any thread left is woken and joined. Nothing is left running or leaked.

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace iso {

struct ThreadPoolLimits {
  std::size_t max_parked = 16;                   ///< threads kept parked at most
  std::chrono::milliseconds idle_timeout{5000};  ///< a parked thread unused this long exits
};

struct ThreadPoolStats {
  std::size_t parked = 0;              ///< threads waiting for an isolate now
  std::size_t running = 0;             ///< threads running an isolate (or finishing one) now
  std::uint64_t threads_started = 0;   ///< OS threads created over the process's life
  std::uint64_t isolates_started = 0;  ///< isolates started on the pool's threads
  std::uint64_t reused = 0;            ///< of those, started on a parked thread
};

/// A snapshot; the numbers may change as soon as it is taken.
ThreadPoolStats thread_pool_stats() noexcept;

ThreadPoolLimits thread_pool_limits() noexcept;
/// Takes effect at once: parked threads beyond the new bound, or idle longer than the new
/// timeout, exit. Throws std::invalid_argument for a negative timeout.
void set_thread_pool_limits(ThreadPoolLimits limits);

}  // namespace iso
