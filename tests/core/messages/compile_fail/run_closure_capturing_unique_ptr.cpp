// Must not compile: Isolate::run with a closure capturing a unique_ptr.
#include <memory>
#include "iso/iso.hpp"
iso::Future<int> start() {
  return iso::Isolate::run([p = std::make_unique<int>(4)] { return *p; });
}
