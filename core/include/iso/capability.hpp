#pragma once
// Capability: an unforgeable token, comparable and sendable. Dart uses them to authorise
// pause/resume; here they are plain identities that survive a trip through a port.

#include <cstdint>
#include <functional>

namespace iso {

class Capability {
 public:
  Capability();  ///< A new capability, unequal to every other one created before.
  friend bool operator==(const Capability&, const Capability&) = default;
  std::uint64_t id() const noexcept { return id_; }

 private:
  std::uint64_t id_;
};

}  // namespace iso

template <>
struct std::hash<iso::Capability> {
  std::size_t operator()(const iso::Capability& c) const noexcept {
    return std::hash<std::uint64_t>{}(c.id());
  }
};
