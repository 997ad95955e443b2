#include "bench/harness/frame_metrics.hpp"

namespace bench {

std::vector<MetricSpec> frame_metric_specs() {
  namespace k = frame_metric_keys;
  return {
      {k::dropped, "frames dropped", Unit::count, true},
      {k::janky, "frames janky", Unit::count, true},
      {k::worst_latency, "worst frame latency", Unit::ns, true},
      {k::longest_freeze, "longest freeze", Unit::ns, true},
      {k::longest_event, "longest main-loop event", Unit::ns, true},
      {k::ui_busy_share, "UI busy share", Unit::ratio, true},
  };
}

Measurements frame_measurements(const FrameMetrics& m) {
  namespace k = frame_metric_keys;
  return {
      {k::dropped, static_cast<double>(m.dropped)},
      {k::janky, static_cast<double>(m.janky)},
      {k::worst_latency, static_cast<double>(m.worst_latency.count())},
      {k::longest_freeze, static_cast<double>(m.longest_freeze.count())},
      {k::longest_event, static_cast<double>(m.longest_event.count())},
      {k::ui_busy_share, m.ui_busy_share},
  };
}

}  // namespace bench
