#pragma once
// The isolates of the native-state scenario: each waits for a go, makes its share of calls to
// the state its mode names, and reports what it saw. Plain functions and sendable structs only:
// what crosses into an isolate is its order, by message.

#include <cstdint>

#include "iso/iso.hpp"

namespace native_state {

/// Where a worker keeps the state it updates.
enum class Access {
  isolate_local,  ///< an iso::IsolateLocal per isolate (Dart statics): correct, not shared
  unguarded,      ///< the native library's global, no protection (relaxed atomics: see .cpp)
  racy,           ///< the same, its window widened so that concurrent callers lose updates
  locked,         ///< the native global under the library's mutex
  atomic,         ///< the native global updated by compare-and-swap
};

/// What a worker is told when it is spawned.
struct WorkOrder {
  iso::SendPort ready;  ///< gets the worker's go port (an iso::SendPort) once it is waiting
  iso::SendPort done;   ///< gets its WorkReport after its last call
  Access access = Access::unguarded;
  std::int64_t calls = 0;  ///< how many calls this worker makes
};
ISO_SENDABLE(WorkOrder, ready, done, access, calls);

/// What a worker saw.
struct WorkReport {
  /// How far these calls moved its own state's counter (isolate_local only; 0 for the shared
  /// modes, whose counter is the library's, read once every worker is done).
  std::int64_t local_count = 0;
  std::int64_t retries = 0;  ///< compare-and-swap recomputations (atomic only)
};
ISO_SENDABLE(WorkReport, local_count, retries);

/// The isolate's entry: announces its go port, waits for a message on it, makes order.calls
/// calls, reports on order.done and ends (its go port closed, nothing keeps it alive).
iso::Future<void> state_worker(WorkOrder order);

/// The calls themselves, on the calling isolate (state_worker's body after the go; tests call it
/// directly). Inputs are 1 .. calls.
WorkReport make_calls(Access access, std::int64_t calls);

}  // namespace native_state
