// Core primitives beside their raw C++ references, measured in one run:
// - Isolate::run of an empty function versus std::thread create + join;
// - a small-message round trip between two isolates versus a mutex + condition-variable
//   ping-pong between two plain threads.
//
//   build/release/apps/microbench/bench_isolate --benchmark_repetitions=5 \
//       --benchmark_report_aggregates_only=true

#include <benchmark/benchmark.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "iso/iso.hpp"

namespace {

void BM_RawThreadCreateJoin(benchmark::State& state) {
  for (auto _ : state) {
    std::thread thread([] { benchmark::ClobberMemory(); });
    thread.join();
  }
}
BENCHMARK(BM_RawThreadCreateJoin)->UseRealTime();

void BM_IsolateRunEmpty(benchmark::State& state) {
  iso::run_main([&]() -> iso::Future<void> {
    const auto empty = [] { return 0; };
    for (auto _ : state) {
      benchmark::DoNotOptimize(co_await iso::Isolate::run(empty));
    }
  });
}
BENCHMARK(BM_IsolateRunEmpty)->UseRealTime();

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
    co_await iso::Isolate::spawn(echo, inbox.send_port());
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
