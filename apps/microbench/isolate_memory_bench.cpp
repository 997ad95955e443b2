// The memory one idle isolate adds to the process: spawn N isolates that each open a receive
// port and wait, then compare the process before and after, divided by N.
//
// Counters (each per isolate):
//   rss_kib          resident set growth (/proc/self/status VmRSS): what the machine pays
//   virtual_kib      address space growth (VmSize): mostly the thread's reserved stack
//   malloc_bytes     bytes in use in the C heap (mallinfo2): isolate state, loop, mailbox, port
//   own_heap_bytes   what the isolate's own heap account holds (Isolate::heap_stats)
//   threads          OS threads added (should be 1)
// The document claims 2-5 MB per Dart isolate.

#include <benchmark/benchmark.h>
#include <malloc.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "iso/iso.hpp"

namespace {

using namespace std::chrono_literals;

struct ProcessMemory {
  double rss_kib = 0;
  double virtual_kib = 0;
  double threads = 0;
  double malloc_bytes = 0;
};

ProcessMemory read_process_memory() {
  ProcessMemory memory;
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmRSS:") status >> memory.rss_kib;
    if (key == "VmSize:") status >> memory.virtual_kib;
    if (key == "Threads:") status >> memory.threads;
    status.ignore(1 << 10, '\n');
  }
  const struct mallinfo2 info = mallinfo2();
  memory.malloc_bytes = static_cast<double>(info.uordblks + info.hblkhd);
  return memory;
}

// An idle isolate: one open port, nothing to do until told to stop.
void idle_entry(iso::SendPort to_main) {
  auto inbox = std::make_shared<iso::ReceivePort>("idle inbox");
  to_main.send(inbox->send_port());
  inbox->listen([inbox](iso::Message) { inbox->close(); });
}

// Lets every parked thread exit, so each isolate measured starts on a thread of its own: a
// thread parked by an earlier benchmark has its stack resident already and would hide its cost.
void empty_the_thread_pool() {
  const auto limits = iso::thread_pool_limits();
  iso::set_thread_pool_limits({0, limits.idle_timeout});
  while (iso::thread_pool_stats().parked != 0) std::this_thread::sleep_for(1ms);
  iso::set_thread_pool_limits(limits);
}

void IdleIsolateMemory(benchmark::State& state) {
  const auto count = static_cast<int>(state.range(0));
  for (auto _ : state) {
    empty_the_thread_pool();
    iso::run_main([&]() -> iso::Future<void> {
      iso::ReceivePort ready;
      co_await iso::delay(std::chrono::milliseconds(100));
      const ProcessMemory before = read_process_memory();
      std::vector<iso::Isolate> isolates;
      std::vector<iso::SendPort> inboxes;
      for (int i = 0; i < count; ++i) {
        isolates.push_back(co_await iso::Isolate::spawn(&idle_entry, ready.send_port()));
      }
      for (int i = 0; i < count; ++i) {
        iso::Message hello = co_await ready.next();
        inboxes.push_back(hello.take<iso::SendPort>());
      }
      co_await iso::delay(std::chrono::milliseconds(300));  // every loop has parked
      const ProcessMemory after = read_process_memory();
      double own_heap = 0;
      for (const auto& isolate : isolates) {
        own_heap += static_cast<double>(isolate.heap_stats().live_bytes);
      }
      const double n = count;
      state.counters["rss_kib"] = (after.rss_kib - before.rss_kib) / n;
      state.counters["virtual_kib"] = (after.virtual_kib - before.virtual_kib) / n;
      state.counters["malloc_bytes"] = (after.malloc_bytes - before.malloc_bytes) / n;
      state.counters["own_heap_bytes"] = own_heap / n;
      state.counters["threads"] = (after.threads - before.threads) / n;
      for (const auto& inbox : inboxes) inbox.send(0);
      ready.close();
    });
  }
}

BENCHMARK(IdleIsolateMemory)
    ->Arg(100)
    ->Arg(500)
    ->Arg(1000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
