// Must not compile: a unique_ptr, here nested in a container.
#include <memory>
#include <vector>
#include "iso/port.hpp"
void send(const iso::SendPort& to, const std::vector<std::unique_ptr<int>>& values) {
  to.send(values);
}
