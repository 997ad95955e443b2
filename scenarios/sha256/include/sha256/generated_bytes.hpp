#pragma once
// The bytes the scenario hashes when no --input is given: a deterministic function of the seed,
// so every run (and every mode) hashes exactly the same message.

#include <cstdint>
#include <vector>

namespace sha256 {

/// `size` pseudo-random bytes from `seed` (splitmix64). Same arguments, same bytes; a prefix of a
/// longer run with the same seed. Throws std::bad_alloc when `size` bytes cannot be allocated.
std::vector<std::uint8_t> generate_bytes(std::uint64_t size, std::uint64_t seed);

}  // namespace sha256
