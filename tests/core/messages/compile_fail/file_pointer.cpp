// Must not compile: a FILE* is a handle of this process's C library state.
#include <cstdio>
#include "iso/port.hpp"
void send(const iso::SendPort& to, std::FILE* file) {
  to.send(file);
}
