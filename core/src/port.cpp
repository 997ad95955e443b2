// Ports: delivery into a mailbox, and the receiving ends.

#include "iso/port.hpp"

#include <atomic>

#include "iso/microtask.hpp"
#include "isolate_state.hpp"

namespace iso {
namespace detail {

std::shared_ptr<PortState> open_port(IsolateState& owner, PortHandler handler) {
  static std::atomic<std::uint64_t> next_id{1};
  auto port = std::make_shared<PortState>(owner, owner.mailbox, next_id.fetch_add(1));
  set_port_handler(*port, std::move(handler));
  owner.register_port(port);
  owner.keep_alive(+1);
  return port;
}

void set_port_handler(PortState& port, PortHandler handler) {
  // No handler, or a closed port: messages are dropped. (A handler kept on a closed port could
  // own the port and so outlive the isolate.)
  if (!handler || !port.open.load(std::memory_order_relaxed)) {
    port.handler.reset();
    return;
  }
  port.handler = std::make_shared<PortHandler>(std::move(handler));
}

void close_port(PortState& port) noexcept {
  if (!port.open.exchange(false)) return;
  // The handler may own the port (and so this PortState): destroy it last.
  auto dying = std::move(port.handler);
  port.owner.keep_alive(-1);
  port.owner.forget_port(port);
  dying.reset();
}

bool port_is_open(const PortState& port) noexcept {
  return port.open.load();
}

bool accepts_messages(const PortState& port) noexcept {
  return port.open.load(std::memory_order_relaxed) && port.handler;
}

void call_handler(PortState& port, Message&& message) {
  if (!accepts_messages(port)) return;  // dropped
  auto handler = port.handler;          // survives the handler closing its own port
  (*handler)(std::move(message));
}

void dispatch_to_handler(const std::weak_ptr<PortState>& weak, Message&& message) {
  if (auto port = weak.lock()) call_handler(*port, std::move(message));
}
std::uint64_t port_id(const PortState& port) noexcept {
  return port.id;
}
IsolateState& port_owner(const PortState& port) noexcept {
  return port.owner;
}
HeapAccount* receiver_account(const PortState& port) noexcept {
  return port.mailbox->account();
}

void deliver(const std::shared_ptr<PortState>& port, Message&& message, HeapAccount* donor) {
  if (!port->open.load(std::memory_order_relaxed)) return;  // dropped; the copy is freed here
  Envelope* envelope;
  {
    AllocationScope charge_receiver(port->mailbox->account());
    envelope = new Envelope{nullptr, port, std::move(message), donor};
  }
  retain(donor);
  port->mailbox->push(envelope);
}

}  // namespace detail

// ---- RawReceivePort

RawReceivePort::RawReceivePort() : RawReceivePort(Handler()) {}
RawReceivePort::RawReceivePort(Handler handler)
    : RawReceivePort(std::move(handler), std::string()) {}
RawReceivePort::RawReceivePort(Handler handler, std::string debug_name)
    : port_(
          detail::open_port(detail::require_current_isolate("RawReceivePort"), std::move(handler))),
      debug_name_(std::move(debug_name)) {}

RawReceivePort::~RawReceivePort() {
  close();
}

RawReceivePort& RawReceivePort::operator=(RawReceivePort&& other) noexcept {
  if (this != &other) {
    close();
    port_ = std::move(other.port_);
    debug_name_ = std::move(other.debug_name_);
  }
  return *this;
}

void RawReceivePort::set_handler(Handler handler) {
  if (port_) detail::set_port_handler(*port_, std::move(handler));
}
SendPort RawReceivePort::send_port() const {
  return SendPort(port_);
}
void RawReceivePort::close() noexcept {
  if (port_) detail::close_port(*port_);
}
bool RawReceivePort::is_closed() const noexcept {
  return !port_ || !detail::port_is_open(*port_);
}

// ---- ReceivePort

struct ReceivePort::Core : std::enable_shared_from_this<ReceivePort::Core> {
  std::shared_ptr<detail::PortState> port;
  std::string debug_name;
  std::deque<Message> buffer;
  // Once listened to, the listener *is* the port's handler: closing the port (by the user, or
  // when the isolate ends) drops it, which breaks the cycle of a listener that owns its port.
  bool listened = false;
  std::optional<Completer<Message>> waiter;
  bool close_after_next = false;

  bool is_open() const noexcept { return port && detail::port_is_open(*port); }

  void receive(Message message) {
    if (waiter) {
      Completer<Message> completer = std::move(*waiter);
      waiter.reset();
      if (close_after_next) close();
      completer.complete(std::move(message));
    } else {
      buffer.push_back(std::move(message));
    }
  }

  void close() noexcept {
    // Closing can destroy the ReceivePort that owns this core (a listener owning its port).
    auto self = shared_from_this();
    if (port) detail::close_port(*port);
    buffer.clear();
    if (waiter) {
      Completer<Message> completer = std::move(*waiter);
      waiter.reset();
      try {
        completer.complete_error(std::make_exception_ptr(
            StateError("ReceivePort '" + debug_name + "' closed before a message arrived")));
      } catch (...) {
        // Closing during teardown: nobody is left to tell.
      }
    }
  }
};

ReceivePort::ReceivePort() : ReceivePort(std::string()) {}

ReceivePort::ReceivePort(std::string debug_name) : core_(std::make_shared<Core>()) {
  core_->debug_name = std::move(debug_name);
  std::weak_ptr<Core> weak = core_;
  core_->port =
      detail::open_port(detail::require_current_isolate("ReceivePort"), [weak](Message message) {
        if (auto core = weak.lock()) core->receive(std::move(message));
      });
}

ReceivePort::~ReceivePort() {
  close();
}

ReceivePort& ReceivePort::operator=(ReceivePort&& other) noexcept {
  if (this != &other) {
    close();
    core_ = std::move(other.core_);
  }
  return *this;
}

ReceivePort::Core& ReceivePort::require_core() const {
  if (!core_) throw StateError("use of a moved-from ReceivePort");
  return *core_;
}

SendPort ReceivePort::send_port() const {
  return SendPort(require_core().port);
}

void ReceivePort::listen(std::function<void(Message)> on_message) {
  Core& core = require_core();
  if (core.listened)
    throw StateError("ReceivePort '" + core.debug_name + "' is already listened to");
  if (core.waiter) throw StateError("ReceivePort '" + core.debug_name + "' has a pending next()");
  core.listened = true;
  if (!core.is_open()) return;
  detail::set_port_handler(*core.port, [on_message = std::move(on_message)](Message message) {
    on_message(std::move(message));
  });
  // Messages that arrived before anyone listened are delivered first, each as a microtask,
  // through the port's handler (so a port closed meanwhile delivers nothing).
  std::weak_ptr<detail::PortState> port = core.port;
  while (!core.buffer.empty()) {
    schedule_microtask([port, message = std::move(core.buffer.front())]() mutable {
      detail::dispatch_to_handler(port, std::move(message));
    });
    core.buffer.pop_front();
  }
}

Future<Message> ReceivePort::next() {
  Core& core = require_core();
  if (core.listened)
    throw StateError("ReceivePort '" + core.debug_name + "' is already listened to");
  if (core.waiter)
    throw StateError("ReceivePort '" + core.debug_name + "' already has a pending next()");
  Completer<Message> completer;
  Future<Message> result = completer.future();
  if (!core.buffer.empty()) {
    Message message = std::move(core.buffer.front());
    core.buffer.pop_front();
    if (core.close_after_next) core.close();
    completer.complete(std::move(message));
  } else if (!core.is_open()) {
    completer.complete_error(std::make_exception_ptr(
        StateError("ReceivePort '" + core.debug_name + "' is closed and has no message")));
  } else {
    core.waiter.emplace(std::move(completer));
  }
  return result;
}

Future<Message> ReceivePort::first() {
  Future<Message> result = next();  // refused (and nothing changed) if next() would be
  Core& core = *core_;
  if (!core.is_open()) return result;
  if (core.waiter) {
    core.close_after_next = true;
  } else {
    core.close();  // the message was already buffered and has been taken
  }
  return result;
}

void ReceivePort::close() noexcept {
  if (core_) core_->close();
}
bool ReceivePort::is_closed() const noexcept {
  return !core_ || !core_->is_open();
}
std::size_t ReceivePort::buffered() const noexcept {
  return core_ ? core_->buffer.size() : 0;
}
const std::string& ReceivePort::debug_name() const noexcept {
  return require_core().debug_name;
}

}  // namespace iso
