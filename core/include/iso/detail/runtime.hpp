#pragma once
// The few entry points the header-only parts of the core (futures, ports, run, IsolateLocal)
// need from the runtime. Not part of the public API.

#include <chrono>
#include <coroutine>
#include <exception>
#include <memory>
#include <string>

#include "iso/detail/unique_function.hpp"
#include "iso/heap.hpp"

namespace iso::detail {

class IsolateState;

/// The isolate running on this thread, or null on a plain thread.
IsolateState* current_isolate() noexcept;

/// The isolate running on this thread; throws IsolateError naming `operation` on a plain thread.
IsolateState& require_current_isolate(const char* operation);

const std::string& debug_name_of(const IsolateState& isolate) noexcept;
HeapAccount* heap_account_of(const IsolateState& isolate) noexcept;

/// Queues `task` on the isolate's microtask queue. Must be called on that isolate's thread.
/// Dropped silently while the isolate is being torn down.
void post_microtask(IsolateState& isolate, UniqueFunction<void()> task);

/// An error nothing handled: goes to the isolate's error listeners and, when errors are fatal,
/// ends the isolate after the current event.
void report_uncaught_error(IsolateState& isolate, std::exception_ptr error);

/// Whether the isolate running this thread has called exit: then nothing it sends is delivered.
/// False on a plain thread.
bool current_isolate_has_exited() noexcept;

/// Whether the isolate is tearing down (coroutine frames are being destroyed, nothing resumes).
bool is_tearing_down(const IsolateState& isolate) noexcept;

/// Every coroutine frame of an isolate is linked into its frame list while it exists, so
/// frames still suspended when the isolate ends (killed, or waiting forever) are destroyed
/// with it instead of leaking.
struct FrameLink {
  FrameLink* previous = nullptr;
  FrameLink* next = nullptr;
  std::coroutine_handle<> frame;
  IsolateState* owner = nullptr;
};
void link_frame(IsolateState& isolate, FrameLink& link) noexcept;
void unlink_frame(FrameLink& link) noexcept;

/// Keeps the isolate's loop alive while held (an open port, a pending run result).
void add_keep_alive(IsolateState& isolate) noexcept;
void drop_keep_alive(IsolateState& isolate) noexcept;

/// Per-isolate storage for IsolateLocal<T>, destroyed when the isolate ends.
std::shared_ptr<void>& isolate_local_slot(IsolateState& isolate, const void* key);

using Clock = std::chrono::steady_clock;

/// Timers, owned by the isolate's loop. Returns an id for cancel_timer.
std::uint64_t add_timer(IsolateState& isolate, Clock::time_point due, Clock::duration period,
                        UniqueFunction<void()> callback);
void cancel_timer(IsolateState& isolate, std::uint64_t id) noexcept;
bool timer_is_active(const IsolateState& isolate, std::uint64_t id) noexcept;

}  // namespace iso::detail
