#include "bench/spawn/spawn_scenario.hpp"

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <random>
#include <stdexcept>
#include <thread>
#include <utility>

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

class RunRunner final : public ModeRunner {
 public:
  explicit RunRunner(const Payload& payload) : payload_(payload) {}
  iso::Future<Measurements> run_once() override {
    const auto called = now_ns();
    auto result = iso::Isolate::run([payload = payload_] {
      const auto started = now_ns();
      (void)touch(payload);
      return started;
    });
    const auto returned = now_ns();
    const std::int64_t started = co_await std::move(result);
    const auto received = now_ns();
    co_return phases(called, returned, started, received);
  }

 private:
  const Payload& payload_;
};

class SpawnScenario final : public Scenario {
 public:
  explicit SpawnScenario(SpawnConfig config) : config_(std::move(config)) {}

  std::string name() const override { return "spawn"; }
  std::string summary() const override {
    return "isolate start-up latency in phases, next to a raw thread";
  }
  std::vector<ModeSpec> modes() const override {
    return {{"thread", "a raw std::thread replying through a SendPort (reference)"},
            {"spawn", "Isolate::spawn with the payload as its message, reply through a port"},
            {"run", "Isolate::run with the payload captured, reply handed back by exit"}};
  }
  std::vector<ParameterSet> parameter_sets() const override {
    std::vector<ParameterSet> sets;
    for (auto bytes : config_.payload_sizes) {
      auto set = size_parameter_set("payload_bytes", bytes);
      set.label = "payload " + set.label;
      sets.push_back(std::move(set));
    }
    return sets;
  }
  std::vector<MetricSpec> metrics() const override {
    return {{"result_received_ns", "result received", Unit::ns, true},
            {"entry_started_ns", "entry started", Unit::ns, true},
            {"call_returned_ns", "call returned", Unit::ns, true}};
  }
  std::unique_ptr<ModeRunner> make_runner(const ModeSpec& mode, const ParameterSet& set) override {
    const auto bytes = static_cast<std::size_t>(integer_parameter(set, "payload_bytes"));
    auto& payload = payloads_[bytes];
    if (payload.size() != bytes) {
      std::mt19937_64 random(config_.seed);
      payload.resize(bytes);
      for (auto& byte : payload) byte = static_cast<std::uint8_t>(random());
    }
    if (mode.name == "thread") return std::make_unique<ThreadRunner>(payload);
    if (mode.name == "spawn") return std::make_unique<SpawnRunner>(payload);
    if (mode.name == "run") return std::make_unique<RunRunner>(payload);
    throw std::invalid_argument("spawn: unknown mode " + mode.name);
  }

  std::vector<std::string> conclusions(const ScenarioResult& result) const override {
    std::vector<std::string> sentences;
    const MetricSpec& primary = result.primary_metric();
    for (const auto& set : result.parameter_sets) {
      if (set.modes.size() < 3) continue;
      const auto* thread = set.modes[0].summary(primary.key);
      const auto* spawn = set.modes[1].summary(primary.key);
      const auto* run = set.modes[2].summary(primary.key);
      if (!thread || !spawn || !run) continue;
      const double extra = spawn->statistics.median - thread->statistics.median;
      sentences.push_back(fmt::format(
          "With a {}: a spawned isolate's reply reaches the main isolate {} after "
          "Isolate::spawn, Isolate::run's result {} after the call, a raw thread's reply {} "
          "after it starts (medians); {}.",
          set.parameters.label, format_duration_ns(spawn->statistics.median),
          format_duration_ns(run->statistics.median), format_duration_ns(thread->statistics.median),
          extra > 0 ? "an isolate's own heap and event loop cost " + format_duration_ns(extra) +
                          " more than a bare thread here"
                    : "no extra cost of an isolate over a bare thread shows here"));
    }
    return sentences;
  }

 private:
  SpawnConfig config_;
  std::map<std::size_t, Payload> payloads_;  // runners keep references: the scenario outlives them
};

}  // namespace

std::unique_ptr<Scenario> make_spawn_scenario(SpawnConfig config) {
  if (config.payload_sizes.empty()) throw std::invalid_argument("spawn: no payload size");
  for (auto bytes : config.payload_sizes) {
    if (bytes == 0) throw std::invalid_argument("spawn: payload size 0");
  }
  return std::make_unique<SpawnScenario>(std::move(config));
}

}  // namespace bench
