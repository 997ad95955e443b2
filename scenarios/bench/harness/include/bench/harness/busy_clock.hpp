#pragma once
// The main isolate's own share of a piece of work: wall-clock stretches added up, on the steady
// clock every isolate and thread reads alike.

#include <chrono>
#include <cstdint>

namespace bench {

/// steady_clock now, in nanoseconds: comparable between isolates and threads.
inline std::int64_t steady_now_ns() noexcept {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

/// Adds up the stretches the main isolate spends on one piece of work: start() when it takes up
/// the work again (a message arrived, a yield returned), stop() before it hands the loop back.
class BusyClock {
 public:
  void start() noexcept { since_ = steady_now_ns(); }
  void stop() noexcept { total_ += steady_now_ns() - since_; }
  std::int64_t total_ns() const noexcept { return total_; }

 private:
  std::int64_t since_ = 0;
  std::int64_t total_ = 0;
};

}  // namespace bench
