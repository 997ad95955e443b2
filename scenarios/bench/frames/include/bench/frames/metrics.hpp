#pragma once
// What the user would have seen, computed from a frame log alone (no clock, no state).
//
// Definitions, for a log with period P = frame_period(log.config.fps):
// - due:       VSyncs in the log.
// - rendered:  VSyncs with both `started` and `finished`.
// - dropped:   VSyncs never rendered (due - rendered): coalesced into a newer VSync.
// - janky:     rendered, but finished after its deadline `due + P` (finishing exactly at the
//              deadline is on time).
// - latency:   `finished - due` of a rendered VSync. worst_latency is the largest; p50/p90/p99 use
//              the nearest-rank method over rendered VSyncs (the smallest latency that at least
//              p% of rendered VSyncs do not exceed). All zero when nothing was rendered.
// - start delay: `started - due` of a rendered VSync; on an idle loop this is the VSync delivery
//              jitter. Same percentile method.
// - longest_freeze: the largest gap between consecutive screen updates, where the updates are the
//              rendered frames' finish times plus the window's start and end (so a window with no
//              frame is one freeze of its full length). Zero for an empty or negative window.
// - ui_busy_share: sum of `finished - started` over rendered VSyncs divided by the window
//              (`stopped - started`), clamped to 0..1; 0 for an empty window.
// - longest_event: copied from the log.

#include <chrono>
#include <cstddef>
#include <vector>

#include "bench/frames/display.hpp"

namespace bench {

struct FrameMetrics {
  std::size_t due = 0, rendered = 0, dropped = 0, janky = 0;
  std::chrono::nanoseconds worst_latency{0}, longest_freeze{0}, p50_latency{0}, p90_latency{0},
      p99_latency{0}, longest_event{0};
  double ui_busy_share = 0;  // 0..1, share of the window the main isolate spent rendering frames
  std::chrono::nanoseconds p50_start_delay{0}, p99_start_delay{0}, worst_start_delay{0};
};

enum class FrameOutcome { on_time, janky, dropped };

/// The outcome of one VSync under the definitions above. A record with only one of
/// started/finished counts as dropped. Precondition: fps within 1..1000.
FrameOutcome classify(const FrameRecord& frame, const DisplayConfig& config);

/// "on_time", "janky" or "dropped".
const char* to_string(FrameOutcome outcome) noexcept;

/// The metrics of the log, a pure function of it. Throws std::invalid_argument when
/// log.config is invalid (see validate); any frame timestamps are accepted.
FrameMetrics measure(const FrameLog& log);

/// The nearest-rank percentile (0 < p <= 100) of `sorted` (ascending); zero when empty.
std::chrono::nanoseconds nearest_rank(const std::vector<std::chrono::nanoseconds>& sorted,
                                      double p);

}  // namespace bench
