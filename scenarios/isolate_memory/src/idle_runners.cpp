#include "idle_runners.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "iso/iso.hpp"
#include "isolate_memory_scenario.hpp"
#include "process_memory.hpp"

namespace isolate_memory {
namespace {

namespace k = metric_keys;
using Clock = std::chrono::steady_clock;

/// The three readings of one repetition and what they say per thread or isolate.
bench::Measurements measurements(const ProcessMemory& before, const ProcessMemory& alive,
                                 const ProcessMemory& after, std::int64_t count,
                                 std::int64_t heap_bytes, double all_up_ns) {
  const double n = static_cast<double>(count);
  return {
      {k::rss_per_isolate_bytes,
       static_cast<double>(alive.resident_bytes - before.resident_bytes) / n},
      {k::vm_per_isolate_bytes,
       static_cast<double>(alive.virtual_bytes - before.virtual_bytes) / n},
      {k::heap_per_isolate_bytes, static_cast<double>(heap_bytes) / n},
      {k::threads_added, static_cast<double>(alive.threads - before.threads)},
      {k::rss_retained_bytes, static_cast<double>(after.resident_bytes - before.resident_bytes)},
      {k::vm_retained_bytes, static_cast<double>(after.virtual_bytes - before.virtual_bytes)},
      {k::threads_retained, static_cast<double>(after.threads - before.threads)},
      {k::all_up_ns, all_up_ns}};
}

/// Waits (on the loop, not blocking it) until the process has `threads` threads, for at most a
/// second, and reads it: an isolate reports its exit from its own thread just before that thread
/// ends, and a new thread counts only once the kernel made it, so a reading taken at once could
/// catch some on their way in or out.
iso::Future<ProcessMemory> read_when_threads_are(std::int64_t threads) {
  const auto give_up = Clock::now() + std::chrono::seconds(1);
  ProcessMemory now = read_process_memory();
  while (now.threads != threads && Clock::now() < give_up) {
    co_await iso::delay(std::chrono::milliseconds(1));
    now = read_process_memory();
  }
  co_return now;
}

void no_op(bool) {}

/// Spawns an isolate that does nothing and waits until it has ended. With no thread kept parked
/// (see IsolateRunner), the core joins an ended isolate's thread only when the next isolate is
/// spawned, and until then that thread's stack
/// stays mapped and partly resident. Settling right before every reading leaves exactly one such
/// thread (this no-op's) in each of the three, so their differences cancel it, whatever earlier
/// repetitions or modes left behind.
iso::Future<void> settle() {
  iso::ReceivePort exited("isolate-memory settle");
  iso::SpawnOptions options;
  options.debug_name = "settle";
  options.on_exit = exited.send_port();
  (void)co_await iso::Isolate::spawn(&no_op, true, std::move(options));
  (void)co_await exited.first();
}

/// An idle isolate: it holds one open port, which keeps it alive, and does nothing else until a
/// message arrives on it; then the port closes and the isolate ends.
iso::Future<void> idle_isolate(iso::SendPort ready) {
  iso::ReceivePort wake("idle");
  ready.send(wake.send_port());
  (void)co_await wake.first();
}

class IsolateRunner final : public bench::ModeRunner {
 public:
  explicit IsolateRunner(std::int64_t count) : count_(count) {}

  // The core parks an ended isolate's thread for the next spawn (iso/thread_pool.hpp). Here no
  // thread is kept parked while the mode runs, so each isolate starts on a thread of its own
  // and ending them gives their threads back: the readings are the isolates', not the pool's
  // (whose parked threads are bounded by thread_pool_limits().max_parked).
  iso::Future<bench::Measurements> setup() override {
    saved_limits_ = iso::thread_pool_limits();
    iso::set_thread_pool_limits({0, saved_limits_.idle_timeout});
    co_return bench::Measurements{};
  }
  iso::Future<void> teardown() override {
    iso::set_thread_pool_limits(saved_limits_);
    co_return;
  }

  iso::Future<bench::Measurements> run_once() override {
    iso::ReceivePort ready("isolate-memory ready");
    iso::ReceivePort exited("isolate-memory exited");
    std::vector<iso::Isolate> isolates;
    std::vector<iso::SendPort> wake;
    isolates.reserve(static_cast<std::size_t>(count_));
    wake.reserve(static_cast<std::size_t>(count_));
    const std::int64_t threads_at_start = read_process_memory().threads;
    co_await settle();
    const ProcessMemory before = co_await read_when_threads_are(threads_at_start);

    const auto started = Clock::now();
    for (std::int64_t i = 0; i < count_; ++i) {
      iso::SpawnOptions options;
      options.debug_name = "idle";
      options.on_exit = exited.send_port();
      isolates.push_back(
          co_await iso::Isolate::spawn(&idle_isolate, ready.send_port(), std::move(options)));
    }
    for (std::int64_t i = 0; i < count_; ++i) {
      wake.push_back((co_await ready.next()).take<iso::SendPort>());
    }
    const double all_up = bench::elapsed_ns(started);
    co_await settle();
    const ProcessMemory alive = co_await read_when_threads_are(before.threads + count_);
    std::int64_t heap = 0;
    for (const auto& isolate : isolates) heap += isolate.heap_stats().live_bytes;

    for (const auto& port : wake) port.send(true);
    for (std::int64_t i = 0; i < count_; ++i) (void)co_await exited.next();
    isolates.clear();
    wake.clear();
    // An isolate's exit is reported before its thread hands itself over for joining; once its
    // thread is gone it has, so the settle below joins every one of them.
    (void)co_await read_when_threads_are(before.threads);
    co_await settle();
    const ProcessMemory after = co_await read_when_threads_are(before.threads);
    co_return measurements(before, alive, after, count_, heap, all_up);
  }

 private:
  std::int64_t count_;
  iso::ThreadPoolLimits saved_limits_;
};

class ThreadRunner final : public bench::ModeRunner {
 public:
  explicit ThreadRunner(std::int64_t count) : count_(count) {}

  iso::Future<bench::Measurements> run_once() override {
    struct Gate {
      std::mutex mutex;
      std::condition_variable opened;
      bool open = false;
    } gate;
    iso::ReceivePort ready("thread-memory ready");
    std::vector<std::thread> threads;
    threads.reserve(static_cast<std::size_t>(count_));
    // What the process sets up once, at its first new thread (a sanitizer's helper thread), is
    // not the cost of these threads: one thread started and joined first, as settle() does for
    // isolates.
    std::thread([] {}).join();
    const ProcessMemory before = read_process_memory();

    const auto started = Clock::now();
    auto open_and_join = [&] {
      {
        std::lock_guard lock(gate.mutex);
        gate.open = true;
      }
      gate.opened.notify_all();
      for (auto& thread : threads) thread.join();  // each is past its wait: this is quick
      threads.clear();
    };
    try {
      for (std::int64_t i = 0; i < count_; ++i) {
        threads.emplace_back([&gate, port = ready.send_port()] {
          port.send(true);
          std::unique_lock lock(gate.mutex);
          gate.opened.wait(lock, [&] { return gate.open; });
        });
      }
    } catch (...) {
      open_and_join();  // the system refused a thread: release the ones it gave
      throw;
    }
    for (std::int64_t i = 0; i < count_; ++i) (void)co_await ready.next();
    const double all_up = bench::elapsed_ns(started);
    const ProcessMemory alive = co_await read_when_threads_are(before.threads + count_);
    open_and_join();
    const ProcessMemory after = co_await read_when_threads_are(before.threads);
    co_return measurements(before, alive, after, count_, 0, all_up);
  }

 private:
  std::int64_t count_;
};

}  // namespace

std::unique_ptr<bench::ModeRunner> make_isolate_runner(std::int64_t count) {
  return std::make_unique<IsolateRunner>(count);
}

std::unique_ptr<bench::ModeRunner> make_thread_runner(std::int64_t count) {
  return std::make_unique<ThreadRunner>(count);
}

}  // namespace isolate_memory
