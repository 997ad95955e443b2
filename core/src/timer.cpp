#include "iso/timer.hpp"

#include <stdexcept>

namespace iso {
namespace {

// now + after, clamped to the clock's range: a timer "in a century" must not wrap into the past.
detail::Clock::time_point due_after(Timer::Duration after) {
  const auto now = detail::Clock::now();
  if (after <= Timer::Duration::zero()) return now;
  if (after >= detail::Clock::time_point::max() - now) return detail::Clock::time_point::max();
  return now + after;
}

}  // namespace

Timer Timer::once(Duration after, detail::UniqueFunction<void()> callback) {
  auto& isolate = detail::require_current_isolate("Timer::once");
  return Timer(&isolate,
               detail::add_timer(isolate, due_after(after), Duration::zero(), std::move(callback)));
}

Timer Timer::periodic(Duration period, detail::UniqueFunction<void()> callback) {
  if (period <= Duration::zero())
    throw std::invalid_argument("Timer::periodic: period must be > 0");
  auto& isolate = detail::require_current_isolate("Timer::periodic");
  return Timer(&isolate,
               detail::add_timer(isolate, due_after(period), period, std::move(callback)));
}

void Timer::cancel() const {
  if (owner_ == nullptr) return;
  if (detail::current_isolate() != owner_) {
    throw IsolateError("Timer::cancel must be called on the isolate that created the timer");
  }
  detail::cancel_timer(*owner_, id_);
}

bool Timer::is_active() const {
  if (owner_ == nullptr) return false;
  if (detail::current_isolate() != owner_) {
    throw IsolateError("Timer::is_active must be called on the isolate that created the timer");
  }
  return detail::timer_is_active(*owner_, id_);
}

Future<void> delay(Timer::Duration duration) {
  Completer<void> completer;
  Future<void> done = completer.future();
  Timer::once(duration, [completer = std::move(completer)]() mutable { completer.complete(); });
  return done;
}

}  // namespace iso
