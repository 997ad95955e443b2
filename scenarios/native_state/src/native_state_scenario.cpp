#include "native_state_scenario.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "bench/harness/registry.hpp"
#include "state_runner.hpp"

namespace native_state {

namespace k = metric_keys;

std::string StatePoint::label() const {
  if (isolates == 1) return fmt::format("1 isolate x {} calls", calls_per_isolate);
  return fmt::format("{} isolates x {} calls", isolates, calls_per_isolate);
}

std::vector<bench::Parameter> StatePoint::parameters() const {
  return {{"isolates", isolates},
          {"calls_per_isolate", calls_per_isolate},
          {"expected_calls", expected_calls()}};
}

std::string NativeStateScenario::summary() const {
  return "a native library's globals are shared by every isolate: lost updates and their fixes";
}

std::string NativeStateScenario::help() const {
  return "What it shows: Dart statics are per isolate, but a native library's global state is\n"
         "shared by every isolate of the process and races like threads in C. A small native\n"
         "library (C interface, global counter and cache) counts its calls with a load, some work\n"
         "and a store. K isolates (--isolates) make N calls each (--ops), all started by one go\n"
         "message once every one is waiting, so their calls overlap.\n"
         "\n"
         "The fixes are the document's: a mutex around the load, work and store, or atomic\n"
         "operations (a compare-and-swap that recomputes when another isolate got in first).\n"
         "isolate-local keeps the state in an IsolateLocal, as Dart statics are kept: nothing is\n"
         "lost, but nothing is shared either (K counters of N each). single-isolate makes all\n"
         "K x N calls in one isolate: the cost every other mode is compared with.\n"
         "\n"
         "Lost updates are the expected K x N calls minus the count the state recorded. The race\n"
         "is modelled with relaxed atomic loads and stores, which lose updates exactly as a plain\n"
         "`counter = counter + 1` does without being undefined behaviour. In native-racy one call\n"
         "in 1024 yields the CPU between its load and its store, so the race shows in every run,\n"
         "even on one core; those yields make its time no measure of the fixes' cost, which is\n"
         "read against single-isolate. The plain-global version is left to the ThreadSanitizer\n"
         "test.\n"
         "\n"
         "Examples:\n"
         "  isolate-bench native-state\n"
         "  isolate-bench native-state --isolates 2,4,8 --ops 200000\n"
         "  isolate-bench native-state --mode single-isolate,native-mutex -r 20\n";
}

std::vector<bench::OptionSpec> NativeStateScenario::options() {
  return {bench::integer_list_option(
              "--isolates", settings_.isolates,
              fmt::format("Isolates calling the library at once, 2..{}; a comma list sweeps",
                          kMaxIsolates),
              "2", 2, kMaxIsolates),
          bench::integer_option("--ops", settings_.calls_per_isolate,
                                fmt::format("Calls each isolate makes, 1..{}", kMaxCallsPerIsolate),
                                "1000000", 1, kMaxCallsPerIsolate)};
}

std::vector<bench::ModeSpec> NativeStateScenario::modes() const {
  return {{"single-isolate", "one isolate makes every call on the unprotected global (baseline)"},
          {"isolate-local", "each isolate updates its own IsolateLocal state (Dart statics)"},
          {"native-racy", "every isolate updates the native global without protection"},
          {"native-mutex", "every isolate updates the native global under the library's mutex"},
          {"native-atomic", "every isolate updates the native global by compare-and-swap"}};
}

std::vector<bench::MetricSpec> NativeStateScenario::metrics() const {
  using bench::Unit;
  return {{k::all_calls_ns, "all calls", Unit::ns, true,
           "from the go sent to every waiting isolate to the last one's report on the main "
           "isolate (primary metric; native-racy's includes the yields that widen its window)"},
          {k::calls_per_second, "calls/s", Unit::count, false,
           "the expected calls (isolates x calls per isolate) divided by all_calls_ns"},
          {k::lost_updates, "lost updates", Unit::count, true,
           "the expected calls minus the count the state recorded: the native counter, or the "
           "sum of the isolates' own counters in isolate-local"},
          {k::lost_ratio, "lost share", Unit::ratio, true,
           "lost_updates divided by the expected calls"},
          {k::cas_retries, "CAS retries", Unit::count, true,
           "native-atomic's recomputations after a compare-and-swap found the counter moved; 0 "
           "in the other modes"}};
}

std::vector<bench::ParameterSpec> NativeStateScenario::parameter_specs() const {
  return {
      {"isolates",
       "K: how many isolates call the state at once (single-isolate makes all their "
       "calls in one)"},
      {"calls_per_isolate", "how many calls each of them makes"},
      {"expected_calls", "isolates x calls_per_isolate: what the counter must read at the end"}};
}

std::vector<StatePoint> NativeStateScenario::make_points(const bench::RunSettings&) {
  std::vector<StatePoint> points;
  for (const auto isolates : settings_.isolates) {
    points.push_back({isolates, settings_.calls_per_isolate});
  }
  return points;
}

std::unique_ptr<bench::ModeRunner> NativeStateScenario::make_runner_for(const bench::ModeSpec& mode,
                                                                        const StatePoint& point) {
  const auto k_isolates = point.isolates;
  const auto n = point.calls_per_isolate;
  if (mode.name == "single-isolate") {
    return make_state_runner(Access::unguarded, 1, point.expected_calls());
  }
  if (mode.name == "isolate-local") return make_state_runner(Access::isolate_local, k_isolates, n);
  if (mode.name == "native-racy") return make_state_runner(Access::racy, k_isolates, n);
  if (mode.name == "native-mutex") return make_state_runner(Access::locked, k_isolates, n);
  if (mode.name == "native-atomic") return make_state_runner(Access::atomic, k_isolates, n);
  throw std::invalid_argument("native-state: unknown mode " + mode.name);
}

ISOBENCH_REGISTER_SCENARIO(NativeStateScenario);

}  // namespace native_state
