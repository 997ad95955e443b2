#include "iso/capability.hpp"

#include <atomic>

namespace iso {

Capability::Capability() {
  static std::atomic<std::uint64_t> next{1};
  id_ = next.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace iso
