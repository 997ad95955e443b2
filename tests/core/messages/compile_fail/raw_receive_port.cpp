// Must not compile: a RawReceivePort belongs to its isolate.
#include "iso/port.hpp"
void send(const iso::SendPort& to, const iso::RawReceivePort& port) {
  to.send(port);
}
