// Must not compile: a std::thread.
#include <thread>
#include "iso/port.hpp"
void send(const iso::SendPort& to, const std::thread& worker) {
  to.send(worker);
}
