// Must not compile: Isolate::run with a closure capturing the caller's stack by reference
// (the new isolate would read and write the caller's memory).
#include "iso/iso.hpp"
iso::Future<int> start() {
  int counter = 0;
  return iso::Isolate::run([&counter] { return ++counter; });
}
