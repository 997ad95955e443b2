// Must not compile: Isolate::run with a closure capturing a raw pointer into the caller's heap.
#include <vector>
#include "iso/iso.hpp"
iso::Future<int> start(std::vector<int>& items) {
  return iso::Isolate::run([data = items.data()] { return data[0]; });
}
