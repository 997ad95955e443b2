#include "offload_scenario.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

#include "bench/harness/generated_bytes.hpp"
#include "bench/harness/mode_table.hpp"
#include "bench/harness/quantities.hpp"
#include "bench/harness/registry.hpp"
#include "bench/harness/settings_error.hpp"
#include "bench/harness/units.hpp"
#include "runners.hpp"
#include "work.hpp"

namespace offload {
namespace {

using namespace std::chrono_literals;

constexpr std::uint64_t kDefaultPayload = 64'000;
constexpr std::uint64_t kLargestPayload = 1'000'000'000;  // 1 GB
/// Copies of the payload alive at once: the point's, run's copy in the new isolate and its
/// result, the worker's request, its copy and its reply.
constexpr std::uint64_t kCopiesOfPayload = 6;
constexpr auto kSmallestWork = 10us;
constexpr auto kLargestWork = 10s;
constexpr auto kDefaultSlice = 4ms;
constexpr std::int64_t kCalibrationBudgetNs = 100'000'000;  // 100 ms of timed blocks

const std::vector<std::chrono::nanoseconds>& default_work() {
  static const std::vector<std::chrono::nanoseconds> work{1ms, 2ms, 5ms, 10ms, 16ms, 33ms, 100ms};
  return work;
}

using MakeRunner = std::unique_ptr<bench::ModeRunner> (*)(const WorkPoint&);

const bench::ModeTable<MakeRunner>& mode_table() {
  static const bench::ModeTable<MakeRunner> table(
      "offload",
      {
          {{"main", "the work on the main isolate in one event while frames tick"},
           &make_main_runner},
          {{"chunked-main", "the work in --slice pieces on the main isolate, yielding in between"},
           &make_chunked_main_runner},
          {{"run", "Isolate::run per call: spawn, payload copied in, result back by exit"},
           &make_run_runner},
          {{"worker", "a persistent worker (spawned once in setup), request and reply by message"},
           &make_worker_runner},
      });
  return table;
}

std::uint64_t rounds_for(std::chrono::nanoseconds duration, double rounds_per_ns) {
  return std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::llround(
                                        static_cast<double>(duration.count()) * rounds_per_ns)));
}

}  // namespace

void PointRecord::record(const std::string& mode, std::uint64_t computed) {
  if (!checksum) {
    checksum = computed;
    checksum_mode = mode;
    return;
  }
  if (*checksum != computed) {
    throw std::runtime_error(
        fmt::format("offload: mode {} computed checksum {:016x} but {} "
                    "computed {:016x}",
                    mode, computed, checksum_mode, *checksum));
  }
}

std::string WorkPoint::label() const {
  return fmt::format("work {}, payload {}",
                     bench::format_duration_ns(static_cast<double>(work.count())),
                     bench::describe_size(payload->size()));
}

std::vector<bench::Parameter> WorkPoint::parameters() const {
  return {{"work_ns", static_cast<std::int64_t>(work.count())},
          {"work_rounds", rounds},
          {"payload_bytes", static_cast<std::uint64_t>(payload->size())}};
}

std::string OffloadScenario::summary() const {
  return "when offloading CPU work pays: main, chunked, Isolate::run and a worker by work size";
}

std::string OffloadScenario::help() const {
  return "What it measures: the document's rule of thumb, \"if the work takes < 5 ms, the spawn\n"
         "overhead (~0.5 ms + message passing) isn't worth it; over ~16 ms, move it\". The work "
         "is\n"
         "synthetic: rounds of integer arithmetic over the payload, calibrated before the run to\n"
         "take each --work on this machine; its real duration is timed in every call and "
         "reported.\n"
         "A --payload crosses in and a result as large crosses back. Modes: main (the work in "
         "one\n"
         "event while frames tick), chunked-main (--slice pieces, yielding to the loop between\n"
         "them), run (Isolate::run per call) and worker (a persistent worker spawned once).\n"
         "Per call: end to end, main isolate busy, the work's real duration, the offload "
         "overhead\n"
         "(end to end - work), frames dropped and janky at --fps with --ui-work per frame. The\n"
         "conclusions name the smallest work at which `main` drops frames here, what run and\n"
         "worker add, and where each stops being worth it.\n"
         "There is no --input: the work is a duration, not data; --payload sets what crosses.\n"
         "\n"
         "Examples:\n"
         "  isolate-bench offload\n"
         "  isolate-bench offload --work 5ms,16ms,50ms --payload 1KB,1MB\n"
         "  isolate-bench offload --fps 120 --ui-work 4ms --mode main,worker\n"
         "  isolate-bench offload --work 100ms --slice 2ms --mode main,chunked-main\n";
}

std::vector<bench::OptionSpec> OffloadScenario::options() {
  bench::SizeBounds payloads;
  payloads.min = 1;
  payloads.max = kLargestPayload;
  const std::uint64_t memory = bench::usable_memory_bytes();
  if (memory != 0 && memory / kCopiesOfPayload < kLargestPayload) {
    payloads.max = memory / kCopiesOfPayload;
    payloads.max_reason = fmt::format(
        "the payload is held {} times at once and {} bytes are usable here (the "
        "least of RAM, the cgroup's limit and ulimit -v)",
        kCopiesOfPayload, memory);
  }
  return {
      bench::duration_list_option("--work", settings_.work,
                                  "Durations of CPU work per call, calibrated on this machine; a "
                                  "comma list sweeps. 10us to 10s",
                                  "1ms,2ms,5ms,10ms,16ms,33ms,100ms", kSmallestWork, kLargestWork),
      bench::size_list_option("--payload", settings_.payloads,
                              "Bytes that cross in with each call (a result as large crosses "
                              "back); a comma list sweeps. 1 byte to 1GB where memory allows",
                              "64KB", payloads),
      bench::duration_option("--slice", settings_.slice,
                             "chunked-main: the work per slice before it yields to the event "
                             "loop. 100us to 1s",
                             "4ms", 100us, 1s),
  };
}

std::vector<bench::ModeSpec> OffloadScenario::modes() const {
  return mode_table().specs();
}

std::vector<bench::MetricSpec> OffloadScenario::metrics() const {
  return call_metric_specs();
}

std::vector<bench::MetricSpec> OffloadScenario::setup_metrics() const {
  return call_setup_metric_specs();
}

std::vector<bench::ParameterSpec> OffloadScenario::parameter_specs() const {
  return {
      {"work_ns",
       "the work asked for by `--work`, in nanoseconds (its real duration is `work_ns` "
       "among the metrics)"},
      {"work_rounds", "the rounds of arithmetic calibrated before the run to take `work_ns` here"},
      {"payload_bytes", "the payload's exact length in bytes; the result crossing back is as long"},
  };
}

std::vector<WorkPoint> OffloadScenario::make_points(const bench::RunSettings& run) {
  const auto slice = settings_.slice.value_or(kDefaultSlice);
  rounds_per_ns_ = settings_.rounds_per_ns > 0 ? settings_.rounds_per_ns
                                               : measure_rounds_per_ns(kCalibrationBudgetNs);
  std::vector<WorkPoint> points;
  for (const auto bytes :
       settings_.payloads.value_or(std::vector<std::uint64_t>{kDefaultPayload})) {
    auto payload =
        std::make_shared<const std::vector<std::uint8_t>>(bench::generate_bytes(bytes, run.seed));
    for (const auto work : settings_.work.value_or(default_work())) {
      WorkPoint point;
      point.work = work;
      point.rounds = rounds_for(work, rounds_per_ns_);
      point.slice = slice;
      point.slice_rounds = rounds_for(slice, rounds_per_ns_);
      point.payload = payload;
      point.record = std::make_shared<PointRecord>();
      points.push_back(std::move(point));
    }
  }
  return points;
}

std::unique_ptr<bench::ModeRunner> OffloadScenario::make_runner_for(const bench::ModeSpec& mode,
                                                                    const WorkPoint& point) {
  return mode_table().make(mode.name)(point);
}

bench::Conclusions OffloadScenario::conclusions(const bench::ScenarioResult& result) const {
  return build_conclusions(points(), result, rounds_per_ns_);
}

ISOBENCH_REGISTER_SCENARIO(OffloadScenario);

}  // namespace offload
