#pragma once
// The runtime side of a port: where a SendPort delivers and where the receiving loop looks up
// the handler. Not part of the public API.

#include <cstdint>
#include <memory>

#include "iso/detail/runtime.hpp"
#include "iso/message.hpp"

namespace iso::detail {

class PortState;
using PortHandler = UniqueFunction<void(Message)>;

/// Opens a port on `owner` (which keeps its loop alive until the port closes).
std::shared_ptr<PortState> open_port(IsolateState& owner, PortHandler handler);
/// Replaces the handler. Owner thread only.
void set_port_handler(PortState& port, PortHandler handler);
/// Closes the port: queued and future messages to it are dropped. Owner thread only; idempotent.
void close_port(PortState& port) noexcept;
bool port_is_open(const PortState& port) noexcept;
/// Whether a message to the port would reach a handler now (open, with a handler).
bool accepts_messages(const PortState& port) noexcept;
/// Calls the port's handler with `message` if it accepts messages; drops it otherwise. The
/// handler may close (and so destroy) its own port. Owner thread.
void call_handler(PortState& port, Message&& message);
/// call_handler, if the port still exists.
void dispatch_to_handler(const std::weak_ptr<PortState>& port, Message&& message);
std::uint64_t port_id(const PortState& port) noexcept;
IsolateState& port_owner(const PortState& port) noexcept;

/// The heap a copy for this port's isolate is charged to.
HeapAccount* receiver_account(const PortState& port) noexcept;

/// Queues `message` for the port's isolate; drops it when the port or its isolate has closed.
/// `donor`, when set, is the heap of an isolate ending by `exit`: the receiver adopts it.
void deliver(const std::shared_ptr<PortState>& port, Message&& message,
             HeapAccount* donor = nullptr);

}  // namespace iso::detail
