// Must not compile: a ReceivePort belongs to its isolate.
#include "iso/port.hpp"
void send(const iso::SendPort& to, const iso::ReceivePort& port) {
  to.send(port);
}
