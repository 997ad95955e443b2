#pragma once
// The frame metrics the harness adds to every repetition, measured over the frames window
// around run_once() (lead-in, the work, lead-out).

#include <vector>

#include "bench/frames/metrics.hpp"
#include "bench/harness/metric.hpp"

namespace bench {

namespace frame_metric_keys {
inline constexpr const char* dropped = "frames_dropped";
inline constexpr const char* janky = "frames_janky";
inline constexpr const char* worst_latency = "worst_frame_latency_ns";
inline constexpr const char* longest_freeze = "longest_freeze_ns";
inline constexpr const char* longest_event = "longest_event_ns";
inline constexpr const char* ui_busy_share = "ui_busy_share";
}  // namespace frame_metric_keys

/// The declarations of the frame metrics, in report order.
std::vector<MetricSpec> frame_metric_specs();

/// The frame metrics of one window as measurements (keys from frame_metric_keys).
Measurements frame_measurements(const FrameMetrics& metrics);

}  // namespace bench
