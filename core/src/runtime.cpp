// The runtime entry points used by the header-only parts of the core, and the Isolate handle.

#include <atomic>
#include <thread>

#include "iso/run_main.hpp"
#include "isolate_state.hpp"
#include "thread_pool.hpp"

namespace iso {
namespace detail {

const std::string& debug_name_of(const IsolateState& isolate) noexcept {
  return isolate.debug_name;
}
HeapAccount* heap_account_of(const IsolateState& isolate) noexcept {
  return isolate.account;
}
void post_microtask(IsolateState& isolate, UniqueFunction<void()> task) {
  isolate.post_microtask(std::move(task));
}
void report_uncaught_error(IsolateState& isolate, std::exception_ptr error) {
  isolate.report_uncaught(std::move(error));
}
bool current_isolate_has_exited() noexcept {
  IsolateState* self = current_isolate();
  return self != nullptr && self->exit_requested();
}
bool is_tearing_down(const IsolateState& isolate) noexcept {
  return isolate.tearing_down();
}
void link_frame(IsolateState& isolate, FrameLink& link) noexcept {
  isolate.link(link);
}
void unlink_frame(FrameLink& link) noexcept {
  if (link.owner != nullptr) link.owner->unlink(link);
}
void add_keep_alive(IsolateState& isolate) noexcept {
  isolate.keep_alive(+1);
}
void drop_keep_alive(IsolateState& isolate) noexcept {
  isolate.keep_alive(-1);
}
std::shared_ptr<void>& isolate_local_slot(IsolateState& isolate, const void* key) {
  return isolate.local_slot(key);
}
std::uint64_t add_timer(IsolateState& isolate, Clock::time_point due, Clock::duration period,
                        UniqueFunction<void()> callback) {
  return isolate.add_timer(due, period, std::move(callback));
}
void cancel_timer(IsolateState& isolate, std::uint64_t id) noexcept {
  isolate.cancel_timer(id);
}
bool timer_is_active(const IsolateState& isolate, std::uint64_t id) noexcept {
  return isolate.timer_active(id);
}
bool request_exit(IsolateState& isolate) noexcept {
  return isolate.request_exit();
}
void yield_to_receiver() noexcept {
  // The kernel often wakes the receiver on this core, the waker's, but does not always let it
  // run at once: after this isolate had computed for tens of ms, the receiver waited behind the
  // isolate's teardown and the thread's parking, 57-75 µs on a 2-core virtual machine against
  // 6 µs when it ran at once (8-27 µs with this yield). What is left here is teardown, which
  // nobody waits for, so the receiver goes first; on an otherwise idle core this returns at once.
  std::this_thread::yield();
}

std::shared_ptr<IsolateState> start_isolate(SpawnOptions options, HeapAccount* account,
                                            EntryTask entry, SendCost entry_copy) {
  static std::atomic<std::uint64_t> next_number{1};
  // Until the IsolateState owns the account, a refusal must release it here.
  IsolateState* parent = current_isolate();
  const bool exit_port_ok = !options.on_exit || options.on_exit->is_connected();
  const bool error_port_ok = !options.on_error || options.on_error->is_connected();
  if (parent == nullptr || !exit_port_ok || !error_port_ok) {
    release(account);
    if (parent == nullptr) require_current_isolate("Isolate::spawn");  // throws
    throw IsolateError(
        "Isolate::spawn: SpawnOptions::on_exit/on_error is not a connected SendPort");
  }
  if (options.debug_name.empty()) {
    options.debug_name = "isolate-" + std::to_string(next_number.fetch_add(1));
  }
  auto isolate = std::make_shared<IsolateState>(std::move(options.debug_name), account,
                                                parent->group, options.errors_are_fatal);
  isolate->spawn_cost = entry_copy;
  if (options.on_exit) isolate->add_exit_listener(*options.on_exit, Message());
  if (options.on_error) isolate->add_error_listener(*options.on_error);
  parent->group->reap();
  parent->group->start(isolate, std::move(entry));
  return isolate;
}

MainIsolate::MainIsolate(std::string debug_name) {
  if (IsolateState* here = current_isolate()) {
    throw IsolateError("run_main: this thread already runs isolate '" + here->debug_name + "'");
  }
  state_ = std::make_shared<IsolateState>(std::move(debug_name), new_heap_account(),
                                          std::make_shared<IsolateGroup>(), true);
}

MainIsolate::~MainIsolate() {
  state_->group->shut_down();
  drain_thread_pool();
}

void MainIsolate::run(EntryTask first_event) {
  std::exception_ptr fatal = state_->run(std::move(first_event), true);
  state_->group->shut_down();
  if (fatal) std::rethrow_exception(fatal);
}

}  // namespace detail

// ---- Isolate

Isolate Isolate::current() {
  return Isolate(detail::require_current_isolate("Isolate::current").shared_from_this());
}

const std::string& Isolate::debug_name() const {
  return state_->debug_name;
}
void Isolate::kill(KillPriority priority) const {
  state_->kill(priority);
}
namespace {
void require_connected(const SendPort& port, const char* operation) {
  if (!port.is_connected()) {
    throw IsolateError(std::string(operation) + ": the SendPort is not connected to any port");
  }
}
}  // namespace

void Isolate::add_on_exit_listener(const SendPort& port, Message response) const {
  require_connected(port, "Isolate::add_on_exit_listener");
  state_->add_exit_listener(port, std::move(response));
}
Capability Isolate::pause(const Capability& resume_capability) const {
  state_->control({detail::Control::Kind::pause, resume_capability.id(), SendPort(), Message()});
  return resume_capability;
}
void Isolate::resume(const Capability& resume_capability) const {
  state_->control({detail::Control::Kind::resume, resume_capability.id(), SendPort(), Message()});
}
void Isolate::ping(const SendPort& port, Message response, Priority) const {
  // Both priorities are answered at the same points: before the next event and between
  // microtasks. C++ cannot interrupt a running handler, so `immediate` can come no sooner.
  require_connected(port, "Isolate::ping");
  state_->control({detail::Control::Kind::ping, 0, port, std::move(response)});
}
void Isolate::remove_on_exit_listener(const SendPort& port) const {
  state_->remove_exit_listener(port);
}
void Isolate::add_error_listener(const SendPort& port) const {
  require_connected(port, "Isolate::add_error_listener");
  state_->add_error_listener(port);
}
void Isolate::remove_error_listener(const SendPort& port) const {
  state_->remove_error_listener(port);
}
void Isolate::set_errors_fatal(bool fatal) const {
  state_->errors_are_fatal.store(fatal);
}
bool Isolate::is_alive() const noexcept {
  return state_->is_alive();
}
SendCost Isolate::spawn_cost() const noexcept {
  return state_->spawn_cost;
}
HeapStats Isolate::heap_stats() const noexcept {
  return detail::stats_of(state_->account);
}
LoopStats Isolate::loop_stats() const noexcept {
  return state_->loop_stats();
}
void Isolate::reset_loop_stats() const noexcept {
  state_->reset_loop_stats();
}

void exit() {
  detail::require_current_isolate("iso::exit").request_exit();
}

}  // namespace iso
