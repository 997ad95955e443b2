#pragma once
// One repetition of isolate-memory: read what the process holds, start N idle isolates (or raw
// threads, for reference), read again once every one is up and waiting, end them all, wait until
// their threads are gone, and read a third time.

#include <cstdint>
#include <memory>

#include "bench/harness/scenario.hpp"

namespace isolate_memory {

/// N idle isolates, each waiting on an open ReceivePort until told to end.
std::unique_ptr<bench::ModeRunner> make_isolate_runner(std::int64_t count);
/// N raw std::threads, each blocked on a condition variable until told to end.
std::unique_ptr<bench::ModeRunner> make_thread_runner(std::int64_t count);

}  // namespace isolate_memory
