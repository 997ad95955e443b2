#pragma once
// schedule_microtask: runs `task` on the current isolate after the current event (or
// microtask), before the next event. Microtasks queued by microtasks run in the same drain.

#include "iso/detail/runtime.hpp"

namespace iso {

inline void schedule_microtask(detail::UniqueFunction<void()> task) {
  detail::post_microtask(detail::require_current_isolate("schedule_microtask"), std::move(task));
}

}  // namespace iso
