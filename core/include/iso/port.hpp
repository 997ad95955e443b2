#pragma once
// Ports: the only way isolates talk.
//
// - SendPort: copyable, comparable, hashable, sendable. `send` copies the message for the
//   receiver (see message.hpp) and never blocks. Messages from one sender to one port arrive in
//   the order they were sent. A message to a closed port, or to an isolate that has ended, is
//   dropped silently. Sending from a plain thread (not an isolate) is allowed, as an embedder
//   posts events; the copy is still charged to the receiver.
// - ReceivePort: a stream of messages on the isolate that created it. Not copyable, not
//   sendable. While open it keeps its isolate alive. Unlike Dart, where the VM keeps a listened
//   port alive, C++ ties the port to its object: destroying a ReceivePort closes it, so a
//   listener that must outlive the current scope owns its port (e.g. a shared_ptr it captures).
//   Messages that arrive before anyone listens are buffered. Closing it drops (and frees) buffered
//   messages; a pending next()/first() then fails with StateError.
// - RawReceivePort: a handler called for each message, as an event of the owning isolate.

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "iso/detail/port_state.hpp"
#include "iso/future.hpp"
#include "iso/message.hpp"

namespace iso {

class SendPort {
 public:
  /// An unconnected port: sending to it throws IsolateError. For members assigned later.
  SendPort() = default;

  /// Sends the receiver its own copy of `message`; returns what the copy cost the sender.
  /// `nullptr` arrives as the null message. Throws IsolateError on an unconnected port, and
  /// what the copy throws (std::bad_alloc, IsolateError for an empty TransferableTypedData);
  /// then nothing is delivered and the sender's data is as it was. Once the sending isolate
  /// has called exit, the message is dropped (Dart's exit never returns) and the cost is zero.
  template <class T>
  SendCost send(const T& message) const {
    const auto& port = require_port();
    if (detail::current_isolate_has_exited()) return {};
    Message copy = Message::copy_of(message, detail::receiver_account(*port));
    const SendCost cost = copy.cost();
    detail::deliver(port, std::move(copy));
    return cost;
  }

  /// Delivers an already-built message (used by exit and the runtime's own notifications).
  void deliver(Message&& message, HeapAccount* donor = nullptr) const {
    detail::deliver(require_port(), std::move(message), donor);
  }

  bool is_connected() const noexcept { return port_ != nullptr; }
  std::uint64_t id() const noexcept { return port_ ? detail::port_id(*port_) : 0; }
  friend bool operator==(const SendPort& a, const SendPort& b) noexcept {
    return a.port_ == b.port_;
  }

  /// The heap a copy for this port is charged to (null when unconnected).
  HeapAccount* receiver_account() const noexcept {
    return port_ ? detail::receiver_account(*port_) : nullptr;
  }

 private:
  friend class ReceivePort;
  friend class RawReceivePort;
  explicit SendPort(std::shared_ptr<detail::PortState> port) : port_(std::move(port)) {}
  const std::shared_ptr<detail::PortState>& require_port() const {
    if (!port_) throw IsolateError("SendPort::send on an unconnected SendPort");
    return port_;
  }

  std::shared_ptr<detail::PortState> port_;
};

class RawReceivePort {
 public:
  using Handler = detail::PortHandler;
  RawReceivePort();
  explicit RawReceivePort(Handler handler);
  RawReceivePort(Handler handler, std::string debug_name);
  ~RawReceivePort();
  RawReceivePort(RawReceivePort&&) noexcept = default;
  RawReceivePort& operator=(RawReceivePort&&) noexcept;
  RawReceivePort(const RawReceivePort&) = delete;
  RawReceivePort& operator=(const RawReceivePort&) = delete;

  void set_handler(Handler handler);
  SendPort send_port() const;
  void close() noexcept;
  bool is_closed() const noexcept;
  const std::string& debug_name() const noexcept { return debug_name_; }

 private:
  std::shared_ptr<detail::PortState> port_;
  std::string debug_name_;
};

class ReceivePort {
 public:
  ReceivePort();
  explicit ReceivePort(std::string debug_name);
  ~ReceivePort();
  ReceivePort(ReceivePort&&) noexcept = default;
  ReceivePort& operator=(ReceivePort&&) noexcept;
  ReceivePort(const ReceivePort&) = delete;
  ReceivePort& operator=(const ReceivePort&) = delete;

  SendPort send_port() const;

  /// Calls `on_message` for every message, each as an event of this isolate; buffered messages
  /// first. A port has at most one listener, and cannot be listened to while a next() is pending.
  void listen(std::function<void(Message)> on_message);

  /// The next message. At most one next() may be pending at a time.
  Future<Message> next();

  /// The next message, then closes the port (Dart's `first`).
  Future<Message> first();

  void close() noexcept;
  bool is_closed() const noexcept;
  /// Messages received and not yet consumed.
  std::size_t buffered() const noexcept;
  const std::string& debug_name() const noexcept;

 private:
  struct Core;
  Core& require_core() const;  ///< throws StateError on a moved-from port
  std::shared_ptr<Core> core_;
};

}  // namespace iso

template <>
struct std::hash<iso::SendPort> {
  std::size_t operator()(const iso::SendPort& port) const noexcept {
    return std::hash<std::uint64_t>{}(port.id());
  }
};
