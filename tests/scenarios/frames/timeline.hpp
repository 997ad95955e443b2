#pragma once
// Helpers for writing synthetic timelines in milliseconds from an arbitrary origin.

#include <chrono>

#include "bench/frames/display.hpp"

namespace bench::testing {

inline const Clock::time_point kOrigin = Clock::time_point{} + std::chrono::hours(1);

/// The instant `ms` milliseconds after the origin, to the nanosecond.
inline Clock::time_point at_ms(double ms) {
  return kOrigin + std::chrono::nanoseconds(static_cast<std::int64_t>(ms * 1e6 + 0.5));
}

inline std::chrono::nanoseconds ns(std::int64_t count) {
  return std::chrono::nanoseconds(count);
}

}  // namespace bench::testing
