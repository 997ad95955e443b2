#include "bench/frames/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace bench {

namespace {

bool is_rendered(const FrameRecord& frame) {
  return frame.started && frame.finished;
}

std::chrono::nanoseconds as_ns(Clock::duration d) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(d);
}

std::chrono::nanoseconds longest_gap(std::vector<Clock::time_point> updates) {
  std::sort(updates.begin(), updates.end());
  std::chrono::nanoseconds longest{0};
  for (std::size_t i = 1; i < updates.size(); ++i) {
    longest = std::max(longest, as_ns(updates[i] - updates[i - 1]));
  }
  return longest;
}

}  // namespace

FrameOutcome classify(const FrameRecord& frame, const DisplayConfig& config) {
  if (!is_rendered(frame)) return FrameOutcome::dropped;
  return *frame.finished > frame.due + frame_period(config.fps) ? FrameOutcome::janky
                                                                : FrameOutcome::on_time;
}

const char* to_string(FrameOutcome outcome) noexcept {
  switch (outcome) {
    case FrameOutcome::on_time:
      return "on_time";
    case FrameOutcome::janky:
      return "janky";
    case FrameOutcome::dropped:
      return "dropped";
  }
  return "unknown";
}

std::chrono::nanoseconds nearest_rank(const std::vector<std::chrono::nanoseconds>& sorted,
                                      double p) {
  if (sorted.empty()) return std::chrono::nanoseconds{0};
  const double rank = std::ceil(p / 100.0 * static_cast<double>(sorted.size()));
  const auto index = static_cast<std::size_t>(std::clamp(rank, 1.0, double(sorted.size()))) - 1;
  return sorted[index];
}

FrameMetrics measure(const FrameLog& log) {
  validate(log.config);
  FrameMetrics metrics;
  metrics.due = log.frames.size();
  metrics.longest_event = log.longest_event;

  std::vector<std::chrono::nanoseconds> latencies, start_delays;
  std::vector<Clock::time_point> updates{log.started, log.stopped};
  std::chrono::nanoseconds rendering{0};
  for (const FrameRecord& frame : log.frames) {
    const FrameOutcome outcome = classify(frame, log.config);
    if (outcome == FrameOutcome::dropped) continue;
    ++metrics.rendered;
    if (outcome == FrameOutcome::janky) ++metrics.janky;
    latencies.push_back(as_ns(*frame.finished - frame.due));
    start_delays.push_back(as_ns(*frame.started - frame.due));
    rendering += as_ns(*frame.finished - *frame.started);
    updates.push_back(*frame.finished);
  }
  metrics.dropped = metrics.due - metrics.rendered;

  std::sort(latencies.begin(), latencies.end());
  std::sort(start_delays.begin(), start_delays.end());
  if (!latencies.empty()) {
    metrics.worst_latency = latencies.back();
    metrics.worst_start_delay = start_delays.back();
  }
  metrics.p50_latency = nearest_rank(latencies, 50);
  metrics.p90_latency = nearest_rank(latencies, 90);
  metrics.p99_latency = nearest_rank(latencies, 99);
  metrics.p50_start_delay = nearest_rank(start_delays, 50);
  metrics.p99_start_delay = nearest_rank(start_delays, 99);

  const auto window = as_ns(log.stopped - log.started);
  if (window > std::chrono::nanoseconds::zero()) {
    metrics.longest_freeze = longest_gap(std::move(updates));
    metrics.ui_busy_share = std::clamp(
        static_cast<double>(rendering.count()) / static_cast<double>(window.count()), 0.0, 1.0);
  }
  return metrics;
}

}  // namespace bench
