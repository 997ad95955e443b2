// The event loop and lifecycle of one isolate.

#include "isolate_state.hpp"

#include <pthread.h>

#include "thread_pool.hpp"

#include <algorithm>

namespace iso::detail {
namespace {

thread_local IsolateState* t_current_isolate = nullptr;

void delete_envelopes(Envelope* envelope) {
  while (envelope != nullptr) {
    Envelope* next = envelope->next;
    delete envelope;
    envelope = next;
  }
}

UncaughtError describe(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return {demangle(typeid(e).name()), e.what()};
  } catch (...) {
    return {"unknown", "a non-standard exception"};
  }
}

// Names the calling thread after its isolate, so top -H, perf and gdb tell isolates apart.
// Linux keeps 15 bytes of a thread name; an empty debug name keeps the inherited one.
void name_this_thread(const std::string& debug_name) {
  if (debug_name.empty()) return;
  (void)pthread_setname_np(pthread_self(), debug_name.substr(0, 15).c_str());
}

}  // namespace

IsolateState* current_isolate() noexcept {
  return t_current_isolate;
}

IsolateState& require_current_isolate(const char* operation) {
  if (t_current_isolate == nullptr) {
    throw IsolateError(std::string(operation) +
                       " needs an isolate, but this is a plain thread; start one with "
                       "iso::run_main or Isolate::spawn");
  }
  return *t_current_isolate;
}

IsolateState::IsolateState(std::string name, HeapAccount* heap,
                           std::shared_ptr<IsolateGroup> owning_group, bool fatal)
    : debug_name(std::move(name)),
      account(heap),
      group(std::move(owning_group)),
      mailbox(std::make_shared<Mailbox>(heap)),
      errors_are_fatal(fatal) {
  frames_.previous = frames_.next = &frames_;
}

IsolateState::~IsolateState() {
  release(account);
}

std::exception_ptr IsolateState::run(EntryTask first_event, bool keep_fatal_error) {
  // The thread is this isolate until run returns, however it returns.
  struct ThisThreadRuns {
    IsolateState* previous_isolate = t_current_isolate;
    HeapAccount* previous_account = current_heap_account();
    explicit ThisThreadRuns(IsolateState& isolate) {
      t_current_isolate = &isolate;
      set_current_heap_account(isolate.account);
    }
    ~ThisThreadRuns() {
      set_current_heap_account(previous_account);
      t_current_isolate = previous_isolate;
    }
  } this_thread_runs(*this);

  entry_ = std::move(first_event);
  if (!should_stop_now()) {  // a kill can arrive before the entry starts
    const auto started = Clock::now();
    guarded(entry_);
    run_microtasks();
    record_event(started);
  }
  loop();
  tear_down();
  std::exception_ptr fatal = std::move(first_fatal_error_);
  if (!keep_fatal_error) fatal = nullptr;
  notify_exit();
  return fatal;
}

void IsolateState::record_event(Clock::time_point started) noexcept {
  const auto took = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - started);
  events_.fetch_add(1, std::memory_order_relaxed);
  busy_ns_.fetch_add(took.count(), std::memory_order_relaxed);
  if (took.count() > longest_event_ns_.load(std::memory_order_relaxed)) {
    longest_event_ns_.store(took.count(), std::memory_order_relaxed);
  }
}

void IsolateState::loop() {
  for (;;) {
    if (should_stop_now()) return;
    handle_controls();
    if (should_stop_now()) return;
    if (paused()) {
      // No event runs (messages queue, timers wait) until every pause is resumed; control
      // requests and kills still arrive.
      if (!has_work()) return;
      mailbox->wait(std::nullopt, false);
      continue;
    }
    if (!run_next_event()) {
      if (!has_work()) return;
      if (!microtasks_.empty()) continue;
      mailbox->wait(next_deadline());
    }
  }
}

bool IsolateState::should_stop_now() const noexcept {
  return exit_requested_ || fatal_error_ || mailbox->stop_requested() != StopReason::none;
}

bool IsolateState::has_work() const noexcept {
  return keep_alive_ > 0 || !timers_.empty() || !microtasks_.empty() || inbox_ != nullptr ||
         mailbox->has_mail();
}

bool IsolateState::run_next_event() {
  const auto started = Clock::now();
  try {
    if (!fire_due_timer()) {
      if (inbox_ == nullptr) inbox_ = mailbox->take_all();
      if (inbox_ == nullptr) return false;
      Envelope* envelope = inbox_;
      inbox_ = envelope->next;
      handle(envelope);
    }
  } catch (...) {
    report_uncaught(std::current_exception());
  }
  run_microtasks();
  record_event(started);
  return true;
}

void IsolateState::handle(Envelope* envelope) {
  std::unique_ptr<Envelope> owned(envelope);
  // An exit hand-over that is delivered makes the dying isolate's heap part of this one.
  if (owned->donor != nullptr && accepts_messages(*owned->port)) adopt(account, owned->donor);
  call_handler(*owned->port, std::move(owned->message));
}

void IsolateState::run_microtasks() {
  while (!microtasks_.empty()) {
    if (exit_requested_ || fatal_error_ || mailbox->stop_requested() == StopReason::immediate) {
      return;
    }
    auto task = std::move(microtasks_.front());
    microtasks_.pop_front();
    guarded(task);
    handle_controls();  // an immediate ping is answered between microtasks
  }
}

void IsolateState::guarded(UniqueFunction<void()>& task) {
  try {
    task();
  } catch (...) {
    report_uncaught(std::current_exception());
  }
}

void IsolateState::post_microtask(UniqueFunction<void()> task) {
  if (!tearing_down_) microtasks_.push_back(std::move(task));
}

void IsolateState::report_uncaught(std::exception_ptr error) {
  // After exit nothing of this isolate is delivered, its error reports included.
  if (tearing_down_ || exit_requested_) return;
  const UncaughtError report = describe(error);
  std::vector<SendPort> listeners;
  {
    std::lock_guard lock(listeners_mutex_);
    listeners = error_listeners_;
  }
  for (const auto& port : listeners) {
    try {
      port.send(report);
    } catch (...) {
      // Out of memory while reporting: the error still ends the isolate below.
    }
  }
  if (errors_are_fatal.load(std::memory_order_relaxed)) {
    fatal_error_ = true;
    if (!first_fatal_error_) first_fatal_error_ = error;
  }
}

void IsolateState::handle_controls() {
  if (!mailbox->has_control()) return;
  for (Control& request : mailbox->take_controls()) {
    auto& caps = pause_capabilities_;
    switch (request.kind) {
      case Control::Kind::pause:  // the same capability twice is one pause (Dart)
        if (std::find(caps.begin(), caps.end(), request.capability) == caps.end()) {
          caps.push_back(request.capability);
        }
        break;
      case Control::Kind::resume:  // an unknown capability resumes nothing
        std::erase(caps, request.capability);
        break;
      case Control::Kind::ping:
        try {
          request.port.deliver(std::move(request.response));
        } catch (...) {
          // Out of memory for the envelope: the ping goes unanswered, as to a dead isolate.
        }
        break;
    }
  }
}

// ---- timers

std::uint64_t IsolateState::add_timer(Clock::time_point due, Clock::duration period,
                                      UniqueFunction<void()> callback) {
  const std::uint64_t id = next_timer_id_++;
  timers_.emplace(id, TimerEntry{due, period, std::move(callback)});
  deadlines_.push({due, id});
  return id;
}

std::optional<Clock::time_point> IsolateState::next_deadline() {
  while (!deadlines_.empty()) {
    const Deadline& top = deadlines_.top();
    auto it = timers_.find(top.id);
    if (it != timers_.end() && it->second.due == top.due) return top.due;
    deadlines_.pop();  // cancelled or rescheduled
  }
  return std::nullopt;
}

bool IsolateState::fire_due_timer() {
  const auto due = next_deadline();
  if (!due) return false;
  const auto now = Clock::now();
  if (*due > now) return false;
  const std::uint64_t id = deadlines_.top().id;
  deadlines_.pop();
  auto it = timers_.find(id);
  // The callback is moved out while it runs: it may cancel its own timer.
  UniqueFunction<void()> callback = std::move(it->second.callback);
  const auto period = it->second.period;
  if (period == Clock::duration::zero()) {
    timers_.erase(it);
    callback();
    return true;
  }
  // The next tick on the original grid after now (missed ticks are skipped), clamped so a
  // huge period cannot wrap around.
  const auto headroom = Clock::time_point::max() - now;
  auto next = Clock::time_point::max();
  if (period < headroom) next = *due + ((now - *due) / period + 1) * period;
  it->second.due = next;
  deadlines_.push({next, id});
  struct PutBack {
    IsolateState& self;
    std::uint64_t id;
    UniqueFunction<void()>& callback;
    ~PutBack() {
      auto again = self.timers_.find(id);
      if (again != self.timers_.end()) again->second.callback = std::move(callback);
    }
  } put_back{*this, id, callback};
  callback();
  return true;
}

// ---- frames, ports

void IsolateState::link(FrameLink& frame) noexcept {
  frame.owner = this;
  frame.next = frames_.next;
  frame.previous = &frames_;
  frames_.next->previous = &frame;
  frames_.next = &frame;
}

void IsolateState::unlink(FrameLink& frame) noexcept {
  if (frame.next == nullptr) return;
  frame.previous->next = frame.next;
  frame.next->previous = frame.previous;
  frame.next = frame.previous = nullptr;
}

void IsolateState::register_port(const std::shared_ptr<PortState>& port) {
  ports_.emplace(port.get(), port);
}

void IsolateState::forget_port(PortState& port) noexcept {
  ports_.erase(&port);
}

// ---- the end

void IsolateState::tear_down() {
  tearing_down_ = true;
  delete_envelopes(inbox_);
  inbox_ = nullptr;
  delete_envelopes(mailbox->close());
  // Destroying one thing can release another (a frame owns a port, a port's handler owns a
  // completer whose future a frame awaits), so repeat until nothing is left. The entry goes
  // last: coroutines of the entry refer to what it captured.
  for (;;) {
    std::vector<std::shared_ptr<PortState>> open_ports;
    for (auto& [raw, weak] : ports_) {
      if (auto port = weak.lock()) open_ports.push_back(std::move(port));
    }
    for (auto& port : open_ports) close_port(*port);  // each one leaves ports_
    open_ports.clear();
    std::erase_if(ports_, [](const auto& entry) { return entry.second.expired(); });
    microtasks_.clear();
    timers_.clear();
    deadlines_ = {};
    while (frames_.next != &frames_) frames_.next->frame.destroy();
    std::unordered_map<const void*, std::shared_ptr<void>> locals;
    locals.swap(locals_);  // the map's buckets go too: they were charged to this isolate
    locals.clear();
    const bool settled = ports_.empty() && microtasks_.empty() && timers_.empty() &&
                         locals_.empty() && frames_.next == &frames_;
    if (!settled) continue;
    if (!entry_) break;
    EntryTask entry = std::move(entry_);
    entry = nullptr;
  }
  keep_alive_ = 0;
  {
    // A fresh queue's first blocks are nobody's: they outlive the isolate with its state.
    AllocationScope charge_nobody(nullptr);
    std::deque<UniqueFunction<void()>>().swap(microtasks_);
  }
  // The containers' own storage (hash buckets, the deadline heap) was allocated by this isolate
  // and is charged to it: released here, not when the last handle drops the state.
  std::unordered_map<PortState*, std::weak_ptr<PortState>>().swap(ports_);
  std::vector<Deadline> no_deadlines;
  deadlines_ = decltype(deadlines_)(std::greater<>(), std::move(no_deadlines));
}

void IsolateState::notify_exit() {
  std::vector<std::pair<SendPort, Message>> listeners;
  {
    std::lock_guard lock(listeners_mutex_);
    exited_ = true;
    listeners.swap(exit_listeners_);
    error_listeners_.clear();
  }
  alive_.store(false, std::memory_order_release);
  for (auto& [port, response] : listeners) {
    try {
      port.deliver(std::move(response));
    } catch (...) {
      // Out of memory: that listener is not told; the others still are.
    }
  }
}

void IsolateState::kill(KillPriority priority) {
  mailbox->request_stop(priority == KillPriority::immediate ? StopReason::immediate
                                                            : StopReason::kill_before_next_event);
}

void IsolateState::add_exit_listener(const SendPort& port, Message response) {
  {
    std::lock_guard lock(listeners_mutex_);
    if (!exited_) {
      // Dart: the same port again replaces the response; the port gets one message.
      for (auto& [listener, kept] : exit_listeners_) {
        if (listener == port) {
          kept = std::move(response);
          return;
        }
      }
      exit_listeners_.emplace_back(port, std::move(response));
      return;
    }
  }
  port.deliver(std::move(response));
}

void IsolateState::remove_exit_listener(const SendPort& port) {
  std::lock_guard lock(listeners_mutex_);
  std::erase_if(exit_listeners_, [&](const auto& entry) { return entry.first == port; });
}

void IsolateState::add_error_listener(const SendPort& port) {
  std::lock_guard lock(listeners_mutex_);
  // Dart: listening with the same port more than once does nothing.
  if (!exited_ &&
      std::find(error_listeners_.begin(), error_listeners_.end(), port) == error_listeners_.end()) {
    error_listeners_.push_back(port);
  }
}

void IsolateState::remove_error_listener(const SendPort& port) {
  std::lock_guard lock(listeners_mutex_);
  std::erase(error_listeners_, port);
}

LoopStats IsolateState::loop_stats() const noexcept {
  LoopStats stats;
  stats.events = events_.load(std::memory_order_relaxed);
  stats.longest_event = std::chrono::nanoseconds(longest_event_ns_.load(std::memory_order_relaxed));
  stats.busy = std::chrono::nanoseconds(busy_ns_.load(std::memory_order_relaxed));
  return stats;
}

void IsolateState::reset_loop_stats() noexcept {
  events_.store(0, std::memory_order_relaxed);
  longest_event_ns_.store(0, std::memory_order_relaxed);
  busy_ns_.store(0, std::memory_order_relaxed);
}

// ---- group

void IsolateGroup::start(const std::shared_ptr<IsolateState>& isolate, EntryTask entry) {
  {
    // Counted before its thread can retire it.
    std::lock_guard lock(mutex_);
    std::erase_if(live_, [](const auto& weak) { return weak.expired(); });
    live_.push_back(isolate);
    ++running_;
  }
  try {
    run_on_pool_thread([self = isolate, entry = std::move(entry)]() mutable {
      name_this_thread(self->debug_name);
      self->run(std::move(entry), false);
      // The group outlives this call: retired_ now holds the isolate, which holds the group.
      // Nothing here touches either afterwards.
      IsolateGroup& group = *self->group;
      group.retire(std::move(self));
    });
  } catch (...) {
    std::lock_guard lock(mutex_);
    std::erase_if(live_, [&](const auto& weak) { return weak.lock() == isolate; });
    --running_;
    throw;
  }
}

void IsolateGroup::retire(std::shared_ptr<IsolateState> isolate) {
  std::lock_guard lock(mutex_);
  retired_.push_back(std::move(isolate));
  --running_;
  all_retired_.notify_all();  // under the lock: once it is released, this thread is done here
}

void IsolateGroup::reap() {
  std::vector<std::shared_ptr<IsolateState>> finished;
  {
    std::lock_guard lock(mutex_);
    finished.swap(retired_);
  }
  // Dropped here, on the spawning thread: their threads have gone back to the pool.
}

void IsolateGroup::shut_down() {
  {
    std::unique_lock lock(mutex_);
    while (running_ > 0) {
      for (const auto& weak : live_) {
        if (auto isolate = weak.lock()) isolate->kill(KillPriority::immediate);
      }
      // Isolates spawned while we wait are killed on the next round.
      all_retired_.wait_for(lock, std::chrono::milliseconds(10));
    }
    live_.clear();
  }
  reap();
}

}  // namespace iso::detail
