#pragma once
// Handing the event loop back in the middle of a long piece of work (work cut into slices).

#include <string>

#include "iso/future.hpp"
#include "iso/port.hpp"

namespace bench {

/// Lets the calling isolate's loop handle what queued up (VSyncs above all), then resumes: a
/// message to itself, which lands behind every event already waiting. A zero-length timer would
/// not do: the loop fires due timers before it looks at its mailbox, so the frames would wait.
/// Create and await it on one isolate; it keeps a receive port open while it lives.
class LoopYield {
 public:
  explicit LoopYield(std::string name = "loop yield") : port_(std::move(name)) {}
  iso::Future<void> operator()();

 private:
  iso::ReceivePort port_;
};

}  // namespace bench
