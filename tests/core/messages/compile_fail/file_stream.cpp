// Must not compile: a file stream.
#include <fstream>
#include "iso/port.hpp"
void send(const iso::SendPort& to, const std::ofstream& out) {
  to.send(out);
}
