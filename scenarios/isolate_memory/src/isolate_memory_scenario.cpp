#include "isolate_memory_scenario.hpp"

#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <stdexcept>

#include "bench/harness/registry.hpp"
#include "bench/harness/settings_error.hpp"
#include "idle_runners.hpp"

namespace isolate_memory {

namespace k = metric_keys;

std::string CountPoint::label() const {
  return count == 1 ? "1 idle isolate" : fmt::format("{} idle isolates", count);
}

std::string IsolateMemoryScenario::summary() const {
  return "memory per idle isolate (resident, virtual, heap, threads), and what ending returns";
}

std::string IsolateMemoryScenario::help() const {
  return "What it measures: the document says a freshly spawned isolate adds about 2-5 MB of\n"
         "memory before it allocates anything. N idle isolates (--isolates), each holding an open\n"
         "port, are spawned; /proc/self/status is read before, once every one has announced it is\n"
         "waiting, and after all have ended and their threads are gone. Per isolate: resident\n"
         "memory (RSS growth / N), virtual memory (VmSize growth / N: address space reserved,\n"
         "mostly thread stacks, not memory in use) and the bytes charged to its own heap; then\n"
         "the threads added and what the process still holds after they ended (retained).\n"
         "Modes: thread (reference: N raw std::threads blocked on a condition variable) and\n"
         "isolate (N idle isolates); the difference is the event loop, port and heap account.\n"
         "Readings are of the whole process, so keep other work off it: the display thread and\n"
         "the main isolate are the same in all three readings.\n"
         "\n"
         "Examples:\n"
         "  isolate-bench isolate-memory\n"
         "  isolate-bench isolate-memory --isolates 1000 --mode isolate\n"
         "  isolate-bench isolate-memory --isolates 10,100,1000,10000 -r 5\n";
}

std::vector<bench::OptionSpec> IsolateMemoryScenario::options() {
  return {bench::integer_list_option(
      "--isolates", counts_,
      fmt::format("Idle isolates (or threads) alive at once, 1..{}; a comma list sweeps",
                  kMaxIsolates),
      "100", 1, kMaxIsolates)};
}

std::vector<bench::ModeSpec> IsolateMemoryScenario::modes() const {
  return {{"thread", "N raw std::threads blocked on a condition variable (reference)"},
          {"isolate", "N idle isolates, each holding an open ReceivePort"}};
}

std::vector<bench::MetricSpec> IsolateMemoryScenario::metrics() const {
  using bench::Unit;
  return {
      {k::rss_per_isolate_bytes, "RSS / isolate", Unit::bytes, true,
       "VmRSS with all N alive minus VmRSS before, divided by N (primary metric)"},
      {k::vm_per_isolate_bytes, "virtual / isolate", Unit::bytes, true,
       "VmSize with all N alive minus VmSize before, divided by N: address space reserved, "
       "mostly each thread's stack, touched or not"},
      {k::heap_per_isolate_bytes, "heap / isolate", Unit::bytes, true,
       "bytes live on the isolates' own heap accounts with all N alive, divided by N (0 for raw "
       "threads, which charge nothing, and in ThreadSanitizer builds)"},
      {k::threads_added, "threads added", Unit::count, true,
       "Threads with all N alive minus Threads before"},
      {k::rss_retained_bytes, "RSS retained", Unit::bytes, true,
       "VmRSS after all N ended and their threads were gone, minus VmRSS before (negative: less "
       "than before)"},
      {k::vm_retained_bytes, "virtual retained", Unit::bytes, true,
       "VmSize after all N ended, minus VmSize before"},
      {k::threads_retained, "threads retained", Unit::count, true,
       "Threads after all N ended, minus Threads before"},
      {k::all_up_ns, "all up", Unit::ns, true,
       "from the first spawn (or thread start) to the last one's message that it is waiting"}};
}

std::vector<bench::ParameterSpec> IsolateMemoryScenario::parameter_specs() const {
  return {{"isolates", "how many idle isolates (or threads) were alive at once"}};
}

std::vector<CountPoint> IsolateMemoryScenario::make_points(const bench::RunSettings&) {
  // A per-user limit on threads smaller than the request would fail half-way through a run.
  rlimit limit{};
  const std::int64_t largest = *std::max_element(counts_.begin(), counts_.end());
  if (getrlimit(RLIMIT_NPROC, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
      static_cast<std::uint64_t>(largest) >= limit.rlim_cur) {
    throw bench::SettingsError(fmt::format(
        "--isolates '{}': each needs a thread and this user may run {} (ulimit -u); accepted: "
        "fewer than {}",
        largest, limit.rlim_cur, limit.rlim_cur));
  }
  std::vector<CountPoint> points;
  for (const auto count : counts_) points.push_back({count});
  return points;
}

std::unique_ptr<bench::ModeRunner> IsolateMemoryScenario::make_runner_for(
    const bench::ModeSpec& mode, const CountPoint& point) {
  if (mode.name == "thread") return make_thread_runner(point.count);
  if (mode.name == "isolate") return make_isolate_runner(point.count);
  throw std::invalid_argument("isolate-memory: unknown mode " + mode.name);
}

ISOBENCH_REGISTER_SCENARIO(IsolateMemoryScenario);

}  // namespace isolate_memory
