#include "bench/harness/frame_metrics.hpp"

namespace bench {

std::vector<MetricSpec> frame_metric_specs() {
  namespace k = frame_metric_keys;
  return {
      {k::dropped, "frames dropped", Unit::count, true,
       "VSyncs never rendered: coalesced because the main isolate was busy"},
      {k::janky, "frames janky", Unit::count, true,
       "frames rendered, but finished after their deadline (due + one period)"},
      {k::worst_latency, "worst frame latency", Unit::ns, true,
       "largest `finished - due` of a rendered frame"},
      {k::longest_freeze, "longest freeze", Unit::ns, true,
       "largest gap between two screen updates (window edges count as updates); about one period "
       "when nothing was lost"},
      {k::longest_event, "longest main-loop event", Unit::ns, true,
       "the longest single event on the main isolate's loop in the window (microtasks included): "
       "how long the main isolate was blocked at once"},
      {k::ui_busy_share, "UI busy share", Unit::ratio, true,
       "share of the window the main isolate spent rendering frames, 0..1"},
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
