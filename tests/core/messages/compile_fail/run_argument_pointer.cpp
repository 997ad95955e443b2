// Must not compile: an argument of Isolate::run is checked like any message.
#include "iso/iso.hpp"
iso::Future<int> start(int* counter) {
  return iso::Isolate::run([](int* p) { return *p; }, counter);
}
