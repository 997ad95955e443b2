#pragma once
// The process-wide pool of threads isolates run on; see iso/thread_pool.hpp.

#include "iso/detail/unique_function.hpp"
#include "iso/thread_pool.hpp"

namespace iso::detail {

/// Runs `task` on a parked thread if one is free, otherwise on a new thread; returns at once.
/// The task runs with no isolate and no heap account set. Throws std::system_error if a
/// thread is needed and cannot be created (then the task is destroyed, not run).
void run_on_pool_thread(UniqueFunction<void()> task);

/// Lets every parked thread exit and joins it (run_main does, as it returns: a thread that
/// outlived the program's main isolate would run its thread-exit clean-up, a library's
/// per-thread state among it, after that library was torn down at exit).
void drain_thread_pool();

}  // namespace iso::detail
