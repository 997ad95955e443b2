// Must not compile: iso::exit hands over only sendables.
#include <memory>
#include "iso/iso.hpp"
void finish(const iso::SendPort& to) {
  iso::exit(to, std::make_shared<int>(1));
}
