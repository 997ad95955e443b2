// The native-racy mode as a C library would really write it: a plain, non-atomic global that two
// isolates increment with a load, some work and a store. That is a data race (undefined
// behaviour), so this program exists only in the ThreadSanitizer build, where
// race_probe_test.cpp runs it and expects ThreadSanitizer's report. Exit 0 means both isolates
// finished; ThreadSanitizer's own exit code says whether it found the race.

#include <cstdint>
#include <cstdio>
#include <vector>

#include "iso/iso.hpp"

namespace {

std::uint64_t plain_counter = 0;  // the native library's global: no atomic, no lock

struct Order {
  iso::SendPort ready;
  iso::SendPort done;
  std::int64_t calls = 0;
};
ISO_SENDABLE(Order, ready, done, calls);

iso::Future<void> racer(Order order) {
  iso::ReceivePort go("probe go");
  order.ready.send(go.send_port());
  (void)co_await go.first();
  for (std::int64_t i = 0; i < order.calls; ++i) {
    const std::uint64_t seen = plain_counter;
    plain_counter = seen + 1;
  }
  order.done.send(true);
}

iso::Future<int> probe() {
  constexpr int kIsolates = 2;
  iso::ReceivePort ready("probe ready");
  iso::ReceivePort done("probe done");
  for (int i = 0; i < kIsolates; ++i) {
    (void)co_await iso::Isolate::spawn(&racer, Order{ready.send_port(), done.send_port(), 100'000});
  }
  // Both wait for the go, which they receive from the main isolate: nothing orders one racer's
  // stores before the other's.
  std::vector<iso::SendPort> go;
  for (int i = 0; i < kIsolates; ++i) go.push_back((co_await ready.next()).take<iso::SendPort>());
  for (const auto& port : go) port.send(true);
  for (int i = 0; i < kIsolates; ++i) (void)co_await done.next();
  std::printf("counter %llu of %d\n", static_cast<unsigned long long>(plain_counter),
              kIsolates * 100'000);
  co_return 0;
}

}  // namespace

int main() {
  return iso::run_main(&probe);
}
