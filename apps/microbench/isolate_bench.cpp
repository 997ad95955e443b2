// Core primitives beside their raw C++ references, measured in one run:
// - Isolate::run of an empty function versus std::thread create + join: on a parked thread
//   (the default, as Dart's VM runs isolates on a thread pool) and on a new thread each time
//   (the pool bounded to zero parked threads: the cold path);
// - a small-message round trip between two isolates versus a mutex + condition-variable
//   ping-pong between two plain threads.
// The Goal_ benchmarks time both sides alternately in one loop (see interleaved.hpp); their
// counters give each side's median, and ratio = isolate / raw thread.
//
//   build/release/apps/microbench/bench_isolate --benchmark_repetitions=5 \
//       --benchmark_report_aggregates_only=true

#include <benchmark/benchmark.h>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "interleaved.hpp"
#include "iso/iso.hpp"

namespace {

int empty_computation() {
  return 0;
}

void raw_thread_create_join() {
  std::thread thread([] { benchmark::ClobberMemory(); });
  thread.join();
}

// Bounds the pool for one benchmark and puts the old bounds back.
struct PoolBound {
  iso::ThreadPoolLimits saved = iso::thread_pool_limits();
  explicit PoolBound(std::size_t max_parked) {
    iso::set_thread_pool_limits({max_parked, saved.idle_timeout});
  }
  ~PoolBound() { iso::set_thread_pool_limits(saved); }
};

void BM_RawThreadCreateJoin(benchmark::State& state) {
  for (auto _ : state) raw_thread_create_join();
}
BENCHMARK(BM_RawThreadCreateJoin)->UseRealTime();

void isolate_run_empty(benchmark::State& state) {
  iso::run_main([&]() -> iso::Future<void> {
    for (auto _ : state) {
      benchmark::DoNotOptimize(co_await iso::Isolate::run(&empty_computation));
    }
  });
}

// The default: the isolate runs on a parked thread.
void BM_IsolateRunEmpty(benchmark::State& state) {
  isolate_run_empty(state);
}
BENCHMARK(BM_IsolateRunEmpty)->UseRealTime();

// No thread is ever parked: every run creates (and ends) an OS thread.
void BM_IsolateRunEmptyColdThread(benchmark::State& state) {
  PoolBound cold(0);
  isolate_run_empty(state);
}
BENCHMARK(BM_IsolateRunEmptyColdThread)->UseRealTime();

// Goal: an empty Isolate::run <= 0.25x a raw std::thread create + join, side by side.
void interleave_run_with_raw_thread(benchmark::State& state) {
  iso::run_main([&]() -> iso::Future<void> {
    std::vector<double> floors, runs;
    for (auto _ : state) {
      floors.push_back(microbench::time_ns(raw_thread_create_join));
      const auto started = std::chrono::steady_clock::now();
      benchmark::DoNotOptimize(co_await iso::Isolate::run(&empty_computation));
      runs.push_back(
          std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - started)
              .count());
    }
    const double floor = microbench::median(floors), run = microbench::median(runs);
    state.counters["raw_thread_us"] = floor / 1000;
    state.counters["isolate_run_us"] = run / 1000;
    state.counters["ratio"] = run / floor;
  });
}
void Goal_IsolateRunEmpty_VsRawThread(benchmark::State& state) {
  interleave_run_with_raw_thread(state);
}
BENCHMARK(Goal_IsolateRunEmpty_VsRawThread)->UseRealTime();
void Goal_IsolateRunEmptyColdThread_VsRawThread(benchmark::State& state) {
  PoolBound cold(0);
  interleave_run_with_raw_thread(state);
}
BENCHMARK(Goal_IsolateRunEmptyColdThread_VsRawThread)->UseRealTime();

void BM_RawMutexCondvarPingPong(benchmark::State& state) {
  std::mutex mutex;
  std::condition_variable changed;
  int ball = 0;  // even: main's turn to serve; odd: the partner's turn to return it
  bool stop = false;
  std::thread partner([&] {
    std::unique_lock lock(mutex);
    for (;;) {
      changed.wait(lock, [&] { return stop || ball % 2 == 1; });
      if (stop) return;
      ++ball;
      changed.notify_one();
    }
  });
  for (auto _ : state) {
    std::unique_lock lock(mutex);
    ++ball;
    changed.notify_one();
    changed.wait(lock, [&] { return ball % 2 == 0; });
  }
  {
    std::lock_guard lock(mutex);
    stop = true;
  }
  changed.notify_one();
  partner.join();
}
BENCHMARK(BM_RawMutexCondvarPingPong)->UseRealTime();

// The partner isolate returns every int it gets to the port that came with the handshake.
void echo(iso::SendPort main_port) {
  auto inbox = std::make_shared<iso::RawReceivePort>();
  inbox->set_handler([main_port, inbox](iso::Message message) {
    if (message.is_null()) {
      inbox->close();
    } else {
      main_port.send(message.take<int>());
    }
  });
  main_port.send(inbox->send_port());
}

void BM_IsolatePingPong(benchmark::State& state) {
  iso::run_main([&]() -> iso::Future<void> {
    iso::ReceivePort inbox;
    co_await iso::Isolate::spawn(&echo, inbox.send_port());
    auto partner = (co_await inbox.next()).take<iso::SendPort>();
    int ball = 0;
    for (auto _ : state) {
      partner.send(ball);
      ball = (co_await inbox.next()).take<int>() + 1;
    }
    partner.deliver(iso::Message());  // null: the partner closes its port and ends
  });
}
BENCHMARK(BM_IsolatePingPong)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
