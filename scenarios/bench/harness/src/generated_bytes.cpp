#include "bench/harness/generated_bytes.hpp"

#include <cstring>

namespace bench {

std::vector<std::uint8_t> generate_bytes(std::uint64_t size, std::uint64_t seed) {
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  std::uint64_t state = seed;
  // splitmix64: fast enough that generating 64 MiB stays far below the hashing it feeds.
  auto next = [&state] {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  };
  std::size_t at = 0;
  for (; at + 8 <= bytes.size(); at += 8) {
    const std::uint64_t word = next();
    std::memcpy(bytes.data() + at, &word, 8);
  }
  if (at < bytes.size()) {
    const std::uint64_t word = next();
    std::memcpy(bytes.data() + at, &word, bytes.size() - at);
  }
  return bytes;
}

}  // namespace bench
