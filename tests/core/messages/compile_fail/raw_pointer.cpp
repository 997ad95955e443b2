// Must not compile: a raw pointer points into the sender's heap.
#include "iso/port.hpp"
void send(const iso::SendPort& to, int* value) {
  to.send(value);
}
