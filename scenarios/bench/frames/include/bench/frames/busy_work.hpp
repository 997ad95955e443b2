#pragma once
// Real CPU work for a given wall-clock time, on the calling thread.

#include <chrono>

namespace bench {

/// Keeps the calling thread busy computing (work the optimizer cannot remove) until `duration`
/// has passed on the steady clock; returns at once for a zero or negative duration. It may
/// overshoot by one clock read plus a few hundred arithmetic operations. Never fails.
void busy_for(std::chrono::nanoseconds duration) noexcept;

}  // namespace bench
