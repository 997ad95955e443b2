// Must not compile: compute with a closure that captures; its argument crosses instead.
#include "iso/iso.hpp"
iso::Future<int> start(int& total) {
  return iso::compute([&total](int n) { return total += n; }, 2);
}
