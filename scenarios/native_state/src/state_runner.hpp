#pragma once
// One repetition of a native-state mode: spawn the workers, wait until every one is ready, send
// them all the go, time until the last report, and count what the state recorded.

#include <memory>

#include "bench/harness/scenario.hpp"
#include "state_workers.hpp"

namespace native_state {

/// `workers` isolates making `calls_each` calls each to the state `access` names.
std::unique_ptr<bench::ModeRunner> make_state_runner(Access access, std::int64_t workers,
                                                     std::int64_t calls_each);

}  // namespace native_state
