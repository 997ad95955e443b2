#pragma once
// Timers of the current isolate's event loop. A timer fires as an event of the isolate that
// created it; while active it keeps that isolate alive. Periodic timers keep absolute
// deadlines (start + n * period) so they do not drift; ticks missed while the loop was busy
// are skipped, not queued.

#include <chrono>
#include <cstdint>

#include "iso/detail/runtime.hpp"
#include "iso/future.hpp"

namespace iso {

class Timer {
 public:
  using Duration = std::chrono::steady_clock::duration;

  Timer() = default;  ///< An inactive timer.
  static Timer once(Duration after, detail::UniqueFunction<void()> callback);
  static Timer periodic(Duration period, detail::UniqueFunction<void()> callback);

  /// Stops the timer. Must be called on the timer's isolate; harmless when already inactive.
  void cancel() const;
  bool is_active() const;

 private:
  Timer(detail::IsolateState* owner, std::uint64_t id) : owner_(owner), id_(id) {}
  detail::IsolateState* owner_ = nullptr;
  std::uint64_t id_ = 0;
};

/// A future that completes after `duration` (Dart's Future.delayed).
Future<void> delay(Timer::Duration duration);

}  // namespace iso
