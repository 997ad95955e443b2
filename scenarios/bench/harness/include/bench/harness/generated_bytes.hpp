#pragma once
// Bytes for a workload, generated from a seed: every run (and every mode) gets exactly the same.

#include <cstdint>
#include <vector>

namespace bench {

/// `size` pseudo-random bytes from `seed` (splitmix64). Same arguments, same bytes; a prefix of a
/// longer run with the same seed. Throws std::bad_alloc when `size` bytes cannot be allocated.
std::vector<std::uint8_t> generate_bytes(std::uint64_t size, std::uint64_t seed);

}  // namespace bench
