#pragma once
// Note on the API's shape: no function here has a default argument of class type. g++ 12
// mis-copies such arguments when the call sits inside a coroutine (the object ends up pointing
// into the coroutine frame), and these functions are called from coroutines all the time, so
// each default is an overload instead.
//
// Isolate: a thread of its own, a heap of its own, an event loop of its own; nothing shared but
// messages.
//
// Life of an isolate
// - It starts by running its entry as its first event, then serves its event loop: after every
//   event the microtask queue is drained completely; events are port messages and timers.
// - It ends by itself when the loop has nothing left: no event queued, no microtask, no active
//   timer and no open receive port. A future nobody can complete does not keep it alive.
// - When it ends, everything it owned is released: its ports close (queued messages are
//   freed), pending timers and microtasks are dropped, coroutine frames still suspended on it are
//   destroyed, its IsolateLocal values are destroyed. Then each on-exit listener gets its
//   response, after every message the isolate itself sent.
//
// Where a kill is honoured (C++ code cannot be interrupted safely, so a running handler always
// runs to its end):
// - KillPriority::before_next_event: after the current event and the microtasks it queued,
//   before the next event starts, even if other events are already queued.
// - KillPriority::immediate: at the next of these points: before the next microtask, before the
//   next event, or while the loop waits for work. A long microtask chain is cut between two
//   microtasks.
// `exit()` and a fatal uncaught error end the isolate at the same points as `immediate`.
//
// Control requests (pause, resume, ping; Dart's out-of-band messages) are not events: they are
// handled in the order they were made, before the next event and between two microtasks, also
// while the isolate is paused or idle. A request to an isolate that has ended is dropped.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "iso/capability.hpp"
#include "iso/detail/crossing.hpp"
#include "iso/detail/runtime.hpp"
#include "iso/exception_transport.hpp"
#include "iso/future.hpp"
#include "iso/heap.hpp"
#include "iso/message.hpp"
#include "iso/port.hpp"

namespace iso {

/// When a kill or a ping is honoured (Dart's Isolate.immediate and Isolate.beforeNextEvent);
/// see the header comment for kill, and Isolate::ping.
enum class Priority { immediate, before_next_event };
using KillPriority = Priority;

/// Isolate::run's options (Dart's `debugName`). First in the call, so it cannot be mistaken
/// for one of the computation's arguments.
struct RunOptions {
  std::string debug_name;
};

struct SpawnOptions {
  std::string debug_name;
  std::optional<SendPort> on_exit;   ///< gets a null message after the isolate has ended
  std::optional<SendPort> on_error;  ///< gets an UncaughtError for every uncaught error
  bool errors_are_fatal = true;      ///< an uncaught error ends the isolate
};

/// What an error listener receives (Dart sends [error, stackTrace] as two strings).
struct UncaughtError {
  std::string type_name;
  std::string message;
  friend bool operator==(const UncaughtError&, const UncaughtError&) = default;
};

/// Activity of an isolate's event loop, for measuring how long it was blocked.
struct LoopStats {
  std::uint64_t events = 0;                   ///< events handled (each with its microtasks)
  std::chrono::nanoseconds longest_event{0};  ///< the longest single event, microtasks included
  std::chrono::nanoseconds busy{0};           ///< total time spent handling events
};

namespace detail {
class IsolateState;
using EntryTask = UniqueFunction<void()>;
/// Starts an isolate on a new thread. `account` was created for it by the caller, who charged
/// the entry's copy to it; the isolate takes the caller's reference.
std::shared_ptr<IsolateState> start_isolate(SpawnOptions options, HeapAccount* account,
                                            EntryTask entry, SendCost entry_copy);
/// Marks the isolate as exiting; true the first time. Only the first exit hands its heap over.
bool request_exit(IsolateState& isolate) noexcept;
/// Called right after an exit delivered its message: lets the receiver it woke run first.
void yield_to_receiver() noexcept;

/// Starts an isolate whose entry task `build()` makes: every allocation of that copy is charged
/// to the new isolate's heap, so the entry's arguments belong to it. If the copy fails, every
/// transferable it moved goes back to the caller (see crossing.hpp).
template <class Build>
std::shared_ptr<IsolateState> start_with_copy(SpawnOptions options, Build&& build) {
  HeapAccount* account = new_heap_account();
  EntryTask task;
  SendCost copy;
  try {
    CrossingScope crossing;
    const auto started = std::chrono::steady_clock::now();
    const auto bytes_before = thread_allocated_bytes();
    {
      CopyScope charge_new_isolate(account);
      task = build();
    }
    crossing.commit();
    copy.bytes = thread_allocated_bytes() - bytes_before;
    copy.copy = std::chrono::steady_clock::now() - started;
  } catch (...) {
    release(account);
    throw;
  }
  return start_isolate(std::move(options), account, std::move(task), copy);
}

/// Compiles only for what may start an isolate: a function pointer, a closure that captures
/// nothing, or a function object that opted in with ISO_SENDABLE (its fields are checked, and
/// crossed like a message). Anything a closure captured would cross unchecked, so a capturing
/// closure is refused with the message that shows the fix (pass what it needs as arguments).
template <class F>
constexpr void assert_captures_nothing() {
  assert_sendable<std::decay_t<F>>();
}

/// An isolate's computation and its arguments, each the new isolate's own copy. Lives in the
/// entry task, which outlives every coroutine frame of the isolate, so a computation that is a
/// coroutine taking its arguments by reference reads them safely.
template <class F, class... Args>
struct BoundCall {
  F function;
  std::tuple<Args...> arguments;
  decltype(auto) operator()() { return std::apply(function, std::move(arguments)); }
};

template <class F, class... Args>
void invoke_entry(F& entry, Args&&... args) {
  using Result = std::invoke_result_t<F&, Args&&...>;
  if constexpr (IsFuture<Result>::value) {
    // The entry's future is dropped: its errors surface as uncaught errors of the isolate.
    [[maybe_unused]] auto future = std::invoke(entry, std::forward<Args>(args)...);
  } else {
    std::invoke(entry, std::forward<Args>(args)...);
  }
}
}  // namespace detail

class Isolate {
 public:
  /// The isolate running this code. Throws IsolateError on a plain thread.
  static Isolate current();
  explicit Isolate(std::shared_ptr<detail::IsolateState> state) : state_(std::move(state)) {}

  /// Starts a new isolate running `entry(its copy of message)` (Dart's Isolate.spawn). `entry`
  /// is a function pointer or a closure that captures nothing (a capturing closure does not
  /// compile: pass what it needs in `message`); it may return void or Future<void>. `message`
  /// must be Sendable and is copied into the new isolate's heap (transferables move, Shared<T>
  /// is shared); `nullptr` is allowed. The future completes with a handle to the new isolate.
  /// Throws, and starts nothing, when: called on a plain thread (IsolateError); on_exit or
  /// on_error is an unconnected SendPort (IsolateError); the copy fails (std::bad_alloc, or
  /// IsolateError for an empty TransferableTypedData), and then the caller's data is as it was.
  /// An error the entry throws is an uncaught error of the new isolate, not of the caller.
  template <class Entry, class M>
  static Future<Isolate> spawn(Entry entry, const M& message) {
    return spawn(entry, message, SpawnOptions());
  }
  template <class Entry, class M>
  static Future<Isolate> spawn(Entry entry, const M& message, SpawnOptions options) {
    detail::assert_captures_nothing<Entry>();
    detail::assert_sendable<M>();
    auto state = detail::start_with_copy(std::move(options), [&] {
      return detail::EntryTask(
          [entry = detail::cross(entry), message = detail::cross(message)]() mutable {
            detail::invoke_entry(entry, std::move(message));
          });
    });
    return ready_future(Isolate(std::move(state)));
  }

  /// Spawns an isolate, runs `computation(its copies of args...)` there, hands the result back
  /// by exit (no copy) and ends the isolate (Dart's Isolate.run). Defined in iso/run.hpp, which
  /// says what happens in each failure case.
  template <class F, class... Args>
  static auto run(F computation, const Args&... args) {
    return run(RunOptions{"Isolate.run"}, computation, args...);
  }
  template <class F, class... Args>
  static auto run(RunOptions options, F computation, const Args&... args);

  const std::string& debug_name() const;

  /// Asks the isolate to end; see the header comment for where this is honoured. Works on a
  /// paused isolate. Does nothing if it has already ended.
  void kill(KillPriority priority = KillPriority::before_next_event) const;

  /// Pauses the isolate (Dart's Isolate.pause): from its next event on it handles no event —
  /// messages queue, timers wait, nothing is lost — until every capability it was paused with
  /// has been resumed. Control requests and kill still work on a paused isolate. Returns the
  /// capability to resume with; pausing again with the same capability counts once. Does
  /// nothing if the isolate has ended. A paused isolate with no open port, timer or queued
  /// message ends as usual.
  Capability pause() const { return pause(Capability()); }
  Capability pause(const Capability& resume_capability) const;
  /// Removes one pause. A capability the isolate was not paused with (or was already resumed
  /// with) does nothing, as does resuming an isolate that has ended.
  void resume(const Capability& resume_capability) const;

  /// Asks the isolate to send `response` (default: null) to `port` (Dart's Isolate.ping). The
  /// isolate answers as a control request, so the response jumps the events queued before it:
  /// it is sent before the isolate's next event, between two microtasks, or at once if the
  /// isolate is idle or paused, after the control requests made before this one. Both
  /// priorities are answered at these points: C++ cannot interrupt a running handler, so
  /// `immediate` comes no sooner, and `before_next_event` no later. The response arrives after
  /// every message the isolate sent before answering. An isolate that has ended does not answer.
  /// `response` is copied now, for `port`'s isolate; throws IsolateError if `port` is unconnected,
  /// and what the copy throws.
  void ping(const SendPort& port) const { ping(port, nullptr, Priority::immediate); }
  template <class T>
  void ping(const SendPort& port, const T& response,
            Priority priority = Priority::immediate) const {
    ping(port, Message::copy_of(response, port.receiver_account()), priority);
  }

  /// `port` gets `response` (default: null) once the isolate has ended. If it has already
  /// ended, the response is sent at once.
  void add_on_exit_listener(const SendPort& port) const { add_on_exit_listener(port, Message()); }
  template <class T>
  void add_on_exit_listener(const SendPort& port, const T& response) const {
    add_on_exit_listener(port, Message::copy_of(response, port.receiver_account()));
  }
  void remove_on_exit_listener(const SendPort& port) const;
  void add_error_listener(const SendPort& port) const;
  void remove_error_listener(const SendPort& port) const;
  void set_errors_fatal(bool fatal) const;

  bool is_alive() const noexcept;
  /// What copying the entry (or computation) and its message into this isolate cost the
  /// spawning thread: the "copy in" of Isolate::run and spawn. Zero for the main isolate.
  SendCost spawn_cost() const noexcept;
  HeapStats heap_stats() const noexcept;
  LoopStats loop_stats() const noexcept;
  void reset_loop_stats() const noexcept;

  friend bool operator==(const Isolate& a, const Isolate& b) noexcept {
    return a.state_ == b.state_;
  }

 private:
  void add_on_exit_listener(const SendPort& port, Message response) const;
  void ping(const SendPort& port, Message response, Priority priority) const;

  std::shared_ptr<detail::IsolateState> state_;
};

/// Ends the current isolate and hands `message` to `port` without copying it, whatever its
/// size; the receiving isolate adopts what is left of this isolate's heap. Returns to the caller
/// (C++ cannot unwind a handler from the outside), but no further microtask, event or timer of
/// this isolate runs, and nothing it sends afterwards is delivered: a second exit's message,
/// a SendPort::send, an uncaught error. Throws IsolateError on a plain thread, or when the port
/// is unconnected (the isolate still ends).
template <class T>
void exit(const SendPort& port, T&& message) {
  auto& self = detail::require_current_isolate("iso::exit");
  if (!detail::request_exit(self)) return;  // only the first exit hands anything over
  port.deliver(Message::hand_over(std::forward<T>(message)), detail::heap_account_of(self));
  detail::yield_to_receiver();
}

/// Ends the current isolate without a message; see exit(port, message).
void exit();

}  // namespace iso

#include "iso/run.hpp"
