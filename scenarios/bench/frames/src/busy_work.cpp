#include "bench/frames/busy_work.hpp"

#include <cstdint>

namespace bench {

void busy_for(std::chrono::nanoseconds duration) noexcept {
  if (duration <= std::chrono::nanoseconds::zero()) return;
  const auto started = std::chrono::steady_clock::now();
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  do {
    for (int i = 0; i < 64; ++i) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      // The empty asm claims to read and change `state`, so the loop is real work every time.
      asm volatile("" : "+r"(state));
    }
  } while (std::chrono::steady_clock::now() - started < duration);
}

}  // namespace bench
