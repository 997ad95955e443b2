// Must not compile: a closure sent as a message that captures a ReceivePort.
#include <utility>
#include "iso/port.hpp"
void send(const iso::SendPort& to, iso::ReceivePort port) {
  auto closure = [port = std::move(port)] { (void)port; };
  to.send(closure);
}
