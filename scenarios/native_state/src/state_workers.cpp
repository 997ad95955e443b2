#include "state_workers.hpp"

#include <array>

#include "native_library.h"

namespace native_state {
namespace {

/// What a Dart isolate would keep in its statics: the same counter and cache as the native
/// library's, but one per isolate.
struct LocalState {
  std::uint64_t counter = 0;
  std::array<std::uint64_t, NATIVE_CACHE_SLOTS> cache{};
};

// Declared once for the process, as a Dart static is declared once in the program; every isolate
// that touches it gets its own LocalState.
const iso::IsolateLocal<LocalState> local_state;

/// The unguarded native call's load, work and store, on this isolate's own state.
void local_call(LocalState& state, std::uint64_t input) {
  const std::uint64_t seen = state.counter;
  state.cache[seen % NATIVE_CACHE_SLOTS] = native_compute(seen, input);
  state.counter = seen + 1;
}

}  // namespace

WorkReport make_calls(Access access, std::int64_t calls) {
  WorkReport report;
  const auto count = static_cast<std::uint64_t>(calls);
  switch (access) {
    case Access::isolate_local: {
      LocalState& state = local_state.get();
      const std::uint64_t before = state.counter;
      for (std::uint64_t input = 1; input <= count; ++input) local_call(state, input);
      report.local_count = static_cast<std::int64_t>(state.counter - before);
      break;
    }
    case Access::unguarded:
      for (std::uint64_t input = 1; input <= count; ++input) native_process_unguarded(input);
      break;
    case Access::racy:
      for (std::uint64_t input = 1; input <= count; ++input) {
        native_process_unguarded_widened(input);
      }
      break;
    case Access::locked:
      for (std::uint64_t input = 1; input <= count; ++input) native_process_locked(input);
      break;
    case Access::atomic: {
      std::uint64_t retries = 0;
      for (std::uint64_t input = 1; input <= count; ++input) native_process_atomic(input, &retries);
      report.retries = static_cast<std::int64_t>(retries);
      break;
    }
  }
  return report;
}

iso::Future<void> state_worker(WorkOrder order) {
  iso::ReceivePort go("native-state go");
  order.ready.send(go.send_port());
  (void)co_await go.first();
  order.done.send(make_calls(order.access, order.calls));
}

}  // namespace native_state
