#include "runners.hpp"

#include <algorithm>

namespace offload {

std::vector<bench::MetricSpec> call_metric_specs() {
  namespace k = metric_keys;
  using bench::Unit;
  return {
      {k::end_to_end, "end to end", Unit::ns, true,
       "the payload in hand on the main isolate to the result usable there (primary metric)"},
      {k::main_busy, "main isolate busy", Unit::ns, true,
       "wall time the main isolate itself spent on the call, its stretches added up: the whole "
       "work for `main`, every slice for `chunked-main`, starting the isolate and copying the "
       "payload in for `run`, sending the request and taking the reply for `worker`"},
      {k::work, "work", Unit::ns, true,
       "the synthetic computation itself (calibrated rounds of arithmetic over the payload, the "
       "result made), timed where it ran and added up over the slices: the real duration of "
       "the `--work` asked for"},
      {k::overhead, "offload overhead", Unit::ns, true,
       "`end_to_end_ns - work_ns`: what doing the work this way adds (spawning, copying the "
       "payload in and the result back, waiting for the loop; the frames rendered between "
       "slices for `chunked-main`)"},
  };
}

std::vector<bench::MetricSpec> call_setup_metric_specs() {
  return {{metric_keys::worker_spawn, "worker spawn (once, in setup)", bench::Unit::ns, true,
           "`worker`: spawning the persistent worker until its port is in hand; paid once, not "
           "per call"}};
}

bench::Measurements CallRunner::finish(const CallTimeline& t, std::uint64_t checksum) {
  point_.record->record(mode_, checksum);
  namespace k = metric_keys;
  const auto e2e = std::max<std::int64_t>(0, t.usable_ns - t.in_hand_ns);
  const auto work = std::max<std::int64_t>(0, t.work_ns);
  return {
      {k::end_to_end, static_cast<double>(e2e)},
      {k::main_busy, static_cast<double>(std::max<std::int64_t>(0, t.main_busy_ns))},
      {k::work, static_cast<double>(work)},
      {k::overhead, static_cast<double>(std::max<std::int64_t>(0, e2e - work))},
  };
}

}  // namespace offload
