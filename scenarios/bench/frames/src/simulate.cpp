#include "bench/frames/simulate.hpp"

#include <algorithm>
#include <stdexcept>

namespace bench {

std::vector<VsyncArrival> ideal_vsyncs(const DisplayConfig& config, Clock::time_point started,
                                       Clock::time_point stopped) {
  validate(config);
  std::vector<VsyncArrival> vsyncs;
  for (std::int64_t n = 0;; ++n) {
    const Clock::time_point due = started + vsync_offset(config.fps, n);
    if (due >= stopped) break;
    vsyncs.push_back({due, due});
  }
  return vsyncs;
}

namespace {

Clock::time_point arrival(const BusySpan& span) {
  return span.arrives.value_or(span.begin);
}

void check_order(const SimulatedRun& run) {
  for (std::size_t n = 1; n < run.vsyncs.size(); ++n) {
    if (run.vsyncs[n].arrives < run.vsyncs[n - 1].arrives) {
      throw std::invalid_argument("simulate: VSync arrivals must not decrease");
    }
  }
  for (std::size_t i = 0; i < run.busy.size(); ++i) {
    if (run.busy[i].end < run.busy[i].begin) {
      throw std::invalid_argument("simulate: a busy span ends before it begins");
    }
    if (arrival(run.busy[i]) > run.busy[i].begin) {
      throw std::invalid_argument("simulate: a busy span arrives after it begins");
    }
    if (i > 0 && arrival(run.busy[i]) < arrival(run.busy[i - 1])) {
      throw std::invalid_argument("simulate: busy spans must be ordered by arrival");
    }
  }
}

std::chrono::nanoseconds as_ns(Clock::duration d) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(d);
}

}  // namespace

FrameLog simulate(const SimulatedRun& run) {
  validate(run.config);
  check_order(run);
  FrameLog log;
  log.config = run.config;
  log.started = run.started;
  log.stopped = run.stopped;
  log.frames.reserve(run.vsyncs.size());
  for (const VsyncArrival& vsync : run.vsyncs) {
    FrameRecord frame;
    frame.due = vsync.due;
    log.frames.push_back(frame);
  }

  const std::size_t vsync_count = run.vsyncs.size();
  Clock::time_point loop_free = run.started;
  std::size_t next_vsync = 0, next_busy = 0;
  std::size_t settled = vsync_count;
  while (next_vsync < vsync_count || next_busy < run.busy.size()) {
    const bool busy_first = next_busy < run.busy.size() &&
                            (next_vsync == vsync_count ||
                             arrival(run.busy[next_busy]) <= run.vsyncs[next_vsync].arrives);
    if (busy_first) {
      const BusySpan& span = run.busy[next_busy++];
      const auto length = span.end - span.begin;
      loop_free = std::max(loop_free, span.begin) + length;
      log.longest_event = std::max(log.longest_event, as_ns(length));
      continue;
    }
    const Clock::time_point start = std::max(loop_free, run.vsyncs[next_vsync].arrives);
    if (start >= run.stopped) {
      settled = next_vsync;
      // VSyncs that arrived before the window ended were replaced by a newer one: dropped.
      while (settled + 1 < vsync_count && run.vsyncs[settled + 1].arrives <= run.stopped) ++settled;
      break;
    }
    std::size_t newest = next_vsync;
    while (newest + 1 < vsync_count && run.vsyncs[newest + 1].arrives <= start) ++newest;
    FrameRecord& frame = log.frames[newest];
    frame.started = start;
    frame.finished = start + run.config.ui_work;
    loop_free = *frame.finished;
    log.longest_event = std::max(log.longest_event, run.config.ui_work);
    next_vsync = newest + 1;
  }
  log.frames.resize(settled);
  return log;
}

}  // namespace bench
