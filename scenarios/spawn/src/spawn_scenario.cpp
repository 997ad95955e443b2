// The spawn scenario: how long a new isolate takes to start, split into phases, next to a raw
// std::thread doing the same (after the Dart SDK's benchmarks/IsolateSpawn).
//
// Phases, each measured from just before the call that starts the thread or isolate:
//   call_returned_ns     the starting call returned to the main isolate
//   entry_started_ns     the new thread/isolate ran the first line of its entry
//   result_received_ns   the main isolate holds the entry's reply (the primary metric)
// Modes: `thread` (baseline: a raw std::thread replying through a SendPort), `spawn`
// (Isolate::spawn with the payload as its message, replying through a port), `run`
// (Isolate::run with the payload as its argument, the reply handed back by exit), `run-cold`
// (the same with no parked thread to take: every isolate starts on a new OS thread).
// Isolates start on a parked thread when one is free (iso/thread_pool.hpp), as Dart's VM runs
// isolates on a thread pool; run-cold shows what a spawn costs without that.
// The payload is copied into the new thread/isolate in every mode, so its size shows the copy
// cost of starting work elsewhere.

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <optional>
#include <random>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <utility>

#include "bench/harness/quantities.hpp"
#include "bench/harness/registry.hpp"
#include "bench/harness/result.hpp"
#include "bench/harness/units.hpp"
#include "iso/iso.hpp"

namespace bench {
namespace {

using Payload = std::vector<std::uint8_t>;

std::int64_t now_ns() noexcept {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

/// The three phases, from the instant `called` (ns on the steady clock).
Measurements phases(std::int64_t called, std::int64_t returned, std::int64_t started,
                    std::int64_t received) {
  return {{"call_returned_ns", static_cast<double>(returned - called)},
          {"entry_started_ns", static_cast<double>(started - called)},
          {"result_received_ns", static_cast<double>(received - called)}};
}

/// Reads every byte so the copy cannot be skipped, and replies with when the entry started.
std::int64_t touch(const Payload& payload) noexcept {
  std::uint8_t sum = 0;
  for (auto byte : payload) sum = static_cast<std::uint8_t>(sum + byte);
  return static_cast<std::int64_t>(sum);
}

class ThreadRunner final : public ModeRunner {
 public:
  explicit ThreadRunner(const Payload& payload) : payload_(payload) {}
  iso::Future<Measurements> run_once() override {
    iso::ReceivePort reply("thread reply");
    const auto called = now_ns();
    std::thread thread(
        [](iso::SendPort port, Payload payload) {
          const auto started = now_ns();
          (void)touch(payload);
          port.send(started);
        },
        reply.send_port(), payload_);
    const auto returned = now_ns();
    iso::Message message = co_await reply.first();
    const auto received = now_ns();
    thread.join();  // the thread has sent its last message: it is ending already
    co_return phases(called, returned, message.take<std::int64_t>(), received);
  }

 private:
  const Payload& payload_;
};

void spawn_entry(std::pair<iso::SendPort, Payload> message) {
  const auto started = now_ns();
  (void)touch(message.second);
  message.first.send(started);
}

class SpawnRunner final : public ModeRunner {
 public:
  explicit SpawnRunner(const Payload& payload) : payload_(payload) {}
  iso::Future<Measurements> run_once() override {
    iso::ReceivePort reply("spawn reply");
    iso::ReceivePort exited("spawn exit");
    iso::SpawnOptions options;
    options.debug_name = "spawned";
    options.on_exit = exited.send_port();
    const auto called = now_ns();
    (void)co_await iso::Isolate::spawn(&spawn_entry, std::make_pair(reply.send_port(), payload_),
                                       std::move(options));
    const auto returned = now_ns();
    iso::Message message = co_await reply.first();
    const auto received = now_ns();
    // Wait for the isolate's end so the next repetition does not overlap its teardown.
    (void)co_await exited.first();
    co_return phases(called, returned, message.take<std::int64_t>(), received);
  }

 private:
  const Payload& payload_;
};

std::int64_t run_entry(const Payload& payload) {
  const auto started = now_ns();
  (void)touch(payload);
  return started;
}

/// `run`, and `run-cold` when `cold`: then the pool keeps no parked thread while the mode runs.
class RunRunner final : public ModeRunner {
 public:
  RunRunner(const Payload& payload, bool cold) : payload_(payload), cold_(cold) {}
  iso::Future<Measurements> setup() override {
    if (cold_) {
      saved_limits_ = iso::thread_pool_limits();
      iso::set_thread_pool_limits({0, saved_limits_.idle_timeout});  // parked threads exit
    }
    co_return Measurements{};
  }
  iso::Future<void> teardown() override {
    if (cold_) iso::set_thread_pool_limits(saved_limits_);
    co_return;
  }
  iso::Future<Measurements> run_once() override {
    const auto called = now_ns();
    auto result = iso::Isolate::run(&run_entry, payload_);
    const auto returned = now_ns();
    const std::int64_t started = co_await std::move(result);
    const auto received = now_ns();
    co_return phases(called, returned, started, received);
  }

 private:
  const Payload& payload_;
  bool cold_;
  iso::ThreadPoolLimits saved_limits_;
};

/// One parameter set: the payload copied into the new thread or isolate.
struct PayloadPoint {
  Payload payload;

  std::string label() const { return "payload " + describe_size(payload.size()); }
  std::vector<Parameter> parameters() const { return {{"payload_bytes", payload.size()}}; }
};

class SpawnScenario final : public ScenarioOf<PayloadPoint> {
 public:
  std::string name() const override { return "spawn"; }
  std::string summary() const override {
    return "isolate start-up latency in phases, next to a raw std::thread";
  }
  std::string help() const override {
    return "What it measures: from just before the call that starts a thread or isolate, when "
           "the\n"
           "call returned, when the new thread or isolate ran its entry, and when the main "
           "isolate\n"
           "held its reply. Modes: thread (baseline, a raw std::thread), spawn (Isolate::spawn, "
           "reply\n"
           "through a port), run (Isolate::run, result handed back by exit), run-cold (run on a "
           "new\n"
           "OS thread each time: no parked thread to take). Isolates otherwise start on a "
           "parked\n"
           "thread when one is free, as Dart's VM runs isolates on a thread pool. The payload is "
           "copied\n"
           "into the new thread or isolate in every mode.\n"
           "\n"
           "Examples:\n"
           "  isolate-bench spawn\n"
           "  isolate-bench spawn --payload 1KB,1MB,16MB -r 20\n"
           "  isolate-bench spawn --format markdown --json spawn.json\n";
  }
  std::vector<OptionSpec> options() override {
    SizeBounds bounds;
    // The payload exists once per parameter set and once more in the thread or isolate it is
    // copied into.
    bounds.max = usable_memory_bytes() / 2;
    bounds.max_reason = "the payload and its copy must fit in memory at once";
    return {size_list_option("--payload", payload_sizes_,
                             "Bytes copied into each new thread or isolate; a comma list sweeps. "
                             "KB/MB/GB are powers of 10 (1 MB = 1000000 bytes), KiB/MiB/GiB "
                             "powers of 2",
                             "1KB", bounds)};
  }
  std::vector<ModeSpec> modes() const override {
    return {{"thread", "a raw std::thread replying through a SendPort (reference)"},
            {"spawn", "Isolate::spawn with the payload as its message, reply through a port"},
            {"run", "Isolate::run with the payload as argument, result by exit (parked thread)"},
            {"run-cold", "Isolate::run as `run`, each on a new OS thread (no thread parked)"}};
  }
  std::vector<MetricSpec> metrics() const override {
    return {{"result_received_ns", "result received", Unit::ns, true,
             "the main isolate holds the reply (primary metric)"},
            {"entry_started_ns", "entry started", Unit::ns, true,
             "the new thread or isolate ran the first line of its entry"},
            {"call_returned_ns", "call returned", Unit::ns, true,
             "the starting call (`std::thread` constructor, `Isolate::spawn`, `Isolate::run`) "
             "returned"}};
  }
  std::vector<ParameterSpec> parameter_specs() const override {
    return {{"payload_bytes", "the bytes copied into the new thread or isolate"}};
  }

  Conclusions conclusions(const ScenarioResult& result) const override {
    Conclusions conclusions;
    conclusions.per_set.resize(result.parameter_sets.size());
    const MetricSpec& primary = result.primary_metric();
    for (std::size_t set_position = 0; set_position < result.parameter_sets.size();
         ++set_position) {
      const auto& set = result.parameter_sets[set_position];
      // By name: --mode may have chosen any subset, in any order.
      const auto thread = median(set, "thread", primary.key);
      const auto spawn = median(set, "spawn", primary.key);
      const auto run = median(set, "run", primary.key);
      const auto cold = median(set, "run-cold", primary.key);
      // One conclusion per parameter set, of the parts the chosen modes allow.
      std::vector<std::string> parts;
      // Verdicts come from the rounds paired side by side: a difference of medians alone can
      // change sign between two runs on a noisy machine.
      auto versus = [&](std::string_view reference, std::string_view candidate) {
        const auto* a = find_mode(set, reference);
        const auto* b = find_mode(set, candidate);
        return a && b ? bench::compare(*a, *b, primary) : std::nullopt;
      };
      if (thread && spawn && run) {
        const auto compared = versus("thread", "spawn");
        std::string cost = "no extra cost of an isolate over a bare thread shows here";
        if (compared && compared->verdict == bench::Verdict::worse) {
          cost = fmt::format(
              "an isolate's own heap and event loop make Isolate::spawn {} than a bare thread "
              "here, {} more (medians)",
              bench::describe_comparison(*compared, primary), format_duration_ns(*spawn - *thread));
        } else if (compared && compared->verdict == bench::Verdict::better) {
          cost = "Isolate::spawn was " + bench::describe_comparison(*compared, primary) +
                 " than a bare thread here";
        } else if (compared) {
          cost = "between Isolate::spawn and a bare thread there is " +
                 bench::describe_comparison(*compared, primary);
        }
        parts.push_back(fmt::format(
            "a spawned isolate's reply reaches the main isolate {} after Isolate::spawn, "
            "Isolate::run's result {} after the call, a raw thread's reply {} after it starts "
            "(medians); {}.",
            format_duration_ns(*spawn), format_duration_ns(*run), format_duration_ns(*thread),
            cost));
      }
      if (run && cold) {
        const auto compared = versus("run-cold", "run");
        parts.push_back(fmt::format(
            "Isolate::run on a parked thread takes {}, on a new OS thread {} (medians){}. Both are "
            "the document's same-group spawn (\"~100-500 microseconds\": the code is loaded, "
            "the new isolate needs a fresh heap and a thread): run-cold creates the thread, run "
            "takes a parked one as Dart's VM does. Neither is its \"5-50ms\", which includes "
            "loading and compiling a separate code bundle: a C++ process has all its code "
            "loaded before the first spawn.",
            format_duration_ns(*run), format_duration_ns(*cold),
            compared ? "; a parked thread against a new one: " +
                           bench::describe_comparison(*compared, primary)
                     : ""));
      }
      if (parts.empty()) continue;
      std::string sentence = "With a " + set.parameters.label + ": " + parts.front();
      for (std::size_t i = 1; i < parts.size(); ++i) sentence += " " + parts[i];
      conclusions.add(set_position, std::move(sentence));
    }
    return conclusions;
  }

 protected:
  std::vector<PayloadPoint> make_points(const RunSettings& settings) override {
    std::vector<PayloadPoint> points;
    for (const auto bytes : payload_sizes_) {
      std::mt19937_64 random(settings.seed);
      PayloadPoint point;
      point.payload.resize(static_cast<std::size_t>(bytes));
      for (auto& byte : point.payload) byte = static_cast<std::uint8_t>(random());
      points.push_back(std::move(point));
    }
    return points;
  }

  std::unique_ptr<ModeRunner> make_runner_for(const ModeSpec& mode,
                                              const PayloadPoint& point) override {
    if (mode.name == "thread") return std::make_unique<ThreadRunner>(point.payload);
    if (mode.name == "spawn") return std::make_unique<SpawnRunner>(point.payload);
    if (mode.name == "run") return std::make_unique<RunRunner>(point.payload, false);
    if (mode.name == "run-cold") return std::make_unique<RunRunner>(point.payload, true);
    throw std::invalid_argument("spawn: unknown mode " + mode.name);
  }

 private:
  std::vector<std::uint64_t> payload_sizes_{1000};
};

ISOBENCH_REGISTER_SCENARIO(SpawnScenario);

}  // namespace

}  // namespace bench
