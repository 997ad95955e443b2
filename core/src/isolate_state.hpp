#pragma once
// The runtime's view of one isolate: its mailbox (the only part other threads touch), its
// event loop (touched only by its own thread), and its lifecycle.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <queue>
#include <thread>
#include <unordered_map>
#include <vector>

#include "iso/detail/port_state.hpp"
#include "iso/detail/runtime.hpp"
#include "iso/isolate.hpp"

namespace iso::detail {

class IsolateGroup;

/// One queued message, linked intrusively so queuing never allocates beyond the envelope.
struct Envelope {
  Envelope* next = nullptr;
  std::shared_ptr<PortState> port;
  Message message;
  HeapAccount* donor = nullptr;  // retained; adopted by the receiver (exit hand-over)
  ~Envelope() { release(donor); }
};

enum class StopReason : int { none = 0, kill_before_next_event = 1, immediate = 2 };

/// A request about the isolate itself rather than a message to one of its ports (Dart's
/// out-of-band control messages): handled in the order sent, before the next event and between
/// microtasks, even while the isolate is paused.
struct Control {
  enum class Kind { pause, resume, ping };
  Kind kind;
  std::uint64_t capability = 0;  // pause, resume
  SendPort port;                 // ping: where the response goes
  Message response;              // ping
};

/// The cross-thread part of an isolate: senders push, the owner pops. Outlives the isolate for
/// as long as a SendPort refers to it; after close() every delivery is dropped.
class Mailbox {
 public:
  explicit Mailbox(HeapAccount* account) : account_(account) { retain(account); }
  ~Mailbox();

  /// Queues the envelope and wakes the owner. Returns false (and frees it) once closed.
  bool push(Envelope* envelope);
  /// Takes everything queued, oldest first, without blocking.
  Envelope* take_all();
  bool has_mail() const noexcept { return has_mail_.load(std::memory_order_acquire); }

  /// Queues a control request and wakes the owner. Returns false (and drops it) once closed.
  bool push_control(Control control);
  /// Takes every queued control request, oldest first.
  std::vector<Control> take_controls();
  bool has_control() const noexcept { return has_control_.load(std::memory_order_acquire); }

  /// Waits until mail (if `mail_wakes`; a paused isolate waits for control requests only) or a
  /// control request arrives, a stop is requested or `deadline` passes. Spins briefly first:
  /// a blocking wake-up costs tens of microseconds, more than a whole message round trip.
  void wait(std::optional<Clock::time_point> deadline, bool mail_wakes = true);

  void request_stop(StopReason reason);
  StopReason stop_requested() const noexcept {
    return static_cast<StopReason>(stop_.load(std::memory_order_acquire));
  }

  /// Refuses further deliveries; returns what was still queued.
  Envelope* close();
  HeapAccount* account() const noexcept { return account_; }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  Envelope* head_ = nullptr;
  Envelope* tail_ = nullptr;
  bool parked_ = false;
  bool closed_ = false;
  std::vector<Control> controls_;
  std::atomic<bool> has_control_{false};
  std::atomic<bool> has_mail_{false};
  std::atomic<int> stop_{0};
  HeapAccount* account_;
  std::chrono::nanoseconds spin_budget_{std::chrono::microseconds(20)};
};

class PortState {
 public:
  PortState(IsolateState& owner, std::shared_ptr<Mailbox> mailbox, std::uint64_t id)
      : owner(owner), mailbox(std::move(mailbox)), id(id) {}
  IsolateState& owner;
  const std::shared_ptr<Mailbox> mailbox;
  const std::uint64_t id;
  std::atomic<bool> open{true};
  // Owner thread only. Shared so that a handler closing its own port survives until it returns.
  std::shared_ptr<PortHandler> handler;
};

class IsolateState : public std::enable_shared_from_this<IsolateState> {
 public:
  IsolateState(std::string debug_name, HeapAccount* account, std::shared_ptr<IsolateGroup> group,
               bool errors_are_fatal);
  ~IsolateState();

  // ---- identity, read from any thread
  const std::string debug_name;
  HeapAccount* const account;  // the isolate holds one reference
  const std::shared_ptr<IsolateGroup> group;
  const std::shared_ptr<Mailbox> mailbox;

  // ---- lifecycle, any thread
  /// Runs `first_event` then the loop, then tears down. Returns the fatal error, if any, when
  /// `keep_fatal_error` (the main isolate rethrows it); otherwise the error is released before
  /// the exit listeners hear of the end, as everything else the isolate owned.
  std::exception_ptr run(EntryTask first_event, bool keep_fatal_error);
  void kill(KillPriority priority);
  /// Queues a control request; dropped once the isolate has ended.
  void control(Control request) { mailbox->push_control(std::move(request)); }
  bool is_alive() const noexcept { return alive_.load(std::memory_order_acquire); }
  void add_exit_listener(const SendPort& port, Message response);
  void remove_exit_listener(const SendPort& port);
  void add_error_listener(const SendPort& port);
  void remove_error_listener(const SendPort& port);
  std::atomic<bool> errors_are_fatal;
  SendCost spawn_cost;  // set before the thread starts, read-only afterwards

  LoopStats loop_stats() const noexcept;
  void reset_loop_stats() noexcept;

  // ---- loop, owner thread only
  void post_microtask(UniqueFunction<void()> task);
  void report_uncaught(std::exception_ptr error);
  bool request_exit() noexcept { return !std::exchange(exit_requested_, true); }
  bool exit_requested() const noexcept { return exit_requested_; }
  bool tearing_down() const noexcept { return tearing_down_; }
  void link(FrameLink& link) noexcept;
  void unlink(FrameLink& link) noexcept;
  void keep_alive(int delta) noexcept { keep_alive_ += delta; }
  void register_port(const std::shared_ptr<PortState>& port);
  void forget_port(PortState& port) noexcept;
  std::shared_ptr<void>& local_slot(const void* key) { return locals_[key]; }
  std::uint64_t add_timer(Clock::time_point due, Clock::duration period,
                          UniqueFunction<void()> callback);
  void cancel_timer(std::uint64_t id) noexcept { timers_.erase(id); }
  bool timer_active(std::uint64_t id) const noexcept { return timers_.count(id) != 0; }

 private:
  struct TimerEntry {
    Clock::time_point due;
    Clock::duration period;
    UniqueFunction<void()> callback;
  };
  struct Deadline {
    Clock::time_point due;
    std::uint64_t id;
    bool operator>(const Deadline& other) const {
      return due != other.due ? due > other.due : id > other.id;
    }
  };

  void loop();
  void handle_controls();
  bool paused() const noexcept { return !pause_capabilities_.empty(); }
  bool should_stop_now() const noexcept;
  bool has_work() const noexcept;
  bool run_next_event();
  void run_microtasks();
  void handle(Envelope* envelope);
  bool fire_due_timer();
  std::optional<Clock::time_point> next_deadline();
  void guarded(UniqueFunction<void()>& task);
  void record_event(Clock::time_point started) noexcept;
  void tear_down();
  void notify_exit();

  // loop state (owner thread)
  std::deque<UniqueFunction<void()>> microtasks_;
  std::map<std::uint64_t, TimerEntry> timers_;
  std::priority_queue<Deadline, std::vector<Deadline>, std::greater<>> deadlines_;
  std::uint64_t next_timer_id_ = 1;
  Envelope* inbox_ = nullptr;  // taken from the mailbox, not yet handled
  int keep_alive_ = 0;
  std::unordered_map<PortState*, std::weak_ptr<PortState>> ports_;
  FrameLink frames_;  // sentinel of the list of live coroutine frames
  std::unordered_map<const void*, std::shared_ptr<void>> locals_;
  EntryTask entry_;  // kept until the end: coroutines of the entry refer to what it captured
  std::vector<std::uint64_t> pause_capabilities_;  // distinct; paused while not empty
  bool exit_requested_ = false;
  bool fatal_error_ = false;
  std::exception_ptr first_fatal_error_;
  bool tearing_down_ = false;

  // cross-thread
  std::atomic<bool> alive_{true};
  std::mutex listeners_mutex_;
  std::vector<std::pair<SendPort, Message>> exit_listeners_;
  std::vector<SendPort> error_listeners_;
  bool exited_ = false;  // guarded by listeners_mutex_
  std::atomic<std::uint64_t> events_{0};
  std::atomic<std::int64_t> longest_event_ns_{0};
  std::atomic<std::int64_t> busy_ns_{0};
};

/// The isolates started, directly or not, from one run_main; run_main ends them all.
class IsolateGroup {
 public:
  /// Registers the isolate and starts it on a pool thread (a parked one if free). Throws
  /// std::system_error if no thread can be had; then nothing is registered.
  void start(const std::shared_ptr<IsolateState>& isolate, EntryTask entry);
  /// Called by an isolate's thread as its very last act for the isolate; the thread then goes
  /// back to the pool.
  void retire(std::shared_ptr<IsolateState> isolate);
  /// Kills every live isolate (immediate), waits for them all and joins their threads.
  void shut_down();
  /// Drops the states of isolates that have ended.
  void reap();

 private:
  std::mutex mutex_;
  std::condition_variable all_retired_;
  std::vector<std::weak_ptr<IsolateState>> live_;
  std::vector<std::shared_ptr<IsolateState>> retired_;
  std::size_t running_ = 0;
};

}  // namespace iso::detail
