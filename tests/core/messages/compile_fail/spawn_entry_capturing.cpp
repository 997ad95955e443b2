// Must not compile: Isolate::spawn with an entry closure that captures; the message crosses.
#include <string>
#include "iso/iso.hpp"
iso::Future<iso::Isolate> start(std::string& name) {
  return iso::Isolate::spawn([&name](int n) { name += std::to_string(n); }, 1);
}
