// Misuse and races the runtime must survive with a clear error, never a crash or a hang.

#include <gtest/gtest.h>

#include "iso/iso.hpp"

using namespace std::chrono_literals;

namespace {

// Each of two isolates spawns many short-lived isolates at once: threads retire while their
// siblings are being started and reaped.
iso::Future<void> spawn_many(iso::SendPort done) {
  iso::ReceivePort exits;
  for (int i = 0; i < 200; ++i) {
    iso::SpawnOptions options;
    options.on_exit = exits.send_port();
    co_await iso::Isolate::spawn([](int) {}, 0, options);
  }
  for (int i = 0; i < 200; ++i) (void)co_await exits.next();
  done.send(1);
}

}  // namespace

TEST(Robustness, ConcurrentSpawnersDoNotRaceOnThreadReaping) {
  auto finished = iso::run_main([]() -> iso::Future<int> {
    iso::ReceivePort done;
    co_await iso::Isolate::spawn(spawn_many, done.send_port());
    co_await iso::Isolate::spawn(spawn_many, done.send_port());
    int total = (co_await done.next()).take<int>();
    total += (co_await done.next()).take<int>();
    co_return total;
  });
  EXPECT_EQ(finished, 2);
}

TEST(Robustness, CallingExitTwiceHandsTheHeapOverOnce) {
  auto values = iso::run_main([]() -> iso::Future<std::vector<int>> {
    iso::ReceivePort port;
    int result = -1;
    try {
      result = co_await iso::Isolate::run(
          [](iso::SendPort to) {
            iso::exit(to, 7);  // the run's own exit, with the result, is a second exit: dropped
            return 1;
          },
          port.send_port());
    } catch (const iso::RemoteError&) {
      result = 0;  // ended without result
    }
    std::vector<int> seen{result, (co_await port.first()).take<int>()};
    (void)iso::Isolate::current().heap_stats();  // walks the adopted accounts
    co_return seen;
  });
  EXPECT_EQ(values, (std::vector<int>{0, 7}));
}

TEST(Robustness, UnconnectedListenerPortsAreRefused) {
  iso::run_main([]() -> iso::Future<void> {
    auto isolate = co_await iso::Isolate::spawn([](int) {}, 0);
    EXPECT_THROW(isolate.add_error_listener(iso::SendPort()), iso::IsolateError);
    EXPECT_THROW(isolate.add_on_exit_listener(iso::SendPort()), iso::IsolateError);
    iso::SpawnOptions options;
    options.on_exit = iso::SendPort();
    EXPECT_THROW((void)iso::Isolate::spawn([](int) {}, 0, options), iso::IsolateError);
  });
  // The thread is still usable for a new main isolate afterwards.
  EXPECT_EQ(iso::run_main([] { return 3; }), 3);
}

TEST(Robustness, RawReceivePortWithoutHandlerDropsMessages) {
  iso::run_main([]() -> iso::Future<void> {
    auto port = std::make_shared<iso::RawReceivePort>();
    port->send_port().send(1);
    co_await iso::delay(1ms);
    port->set_handler(nullptr);
    port->send_port().send(2);
    co_await iso::delay(1ms);
    port->close();
  });
}

TEST(Robustness, ClosingAPortWhoseListenerOwnsIt) {
  iso::run_main([]() -> iso::Future<void> {
    auto port = std::make_shared<iso::ReceivePort>();
    port->listen([port](iso::Message) {});
    iso::ReceivePort* raw = port.get();
    port.reset();  // now only the listener owns it
    co_await iso::delay(1ms);
    raw->close();  // destroys the listener, and with it the port
  });
}

TEST(Robustness, TimersAtTheEndOfTimeNeverFire) {
  bool fired = false;
  iso::run_main([&] {
    auto far = iso::Timer::once(iso::Timer::Duration::max(), [&] { fired = true; });
    iso::Timer::once(1ms, [far] { far.cancel(); });
  });
  EXPECT_FALSE(fired);
}

TEST(Robustness, RefusedFirstLeavesThePortAlone) {
  auto state = iso::run_main([]() -> iso::Future<std::pair<bool, int>> {
    iso::ReceivePort port;
    auto pending = port.next();
    EXPECT_THROW((void)port.first(), iso::StateError);
    port.send_port().send(1);
    port.send_port().send(2);
    int first = (co_await pending).take<int>();
    int second = (co_await port.next()).take<int>();
    co_return std::pair{port.is_closed(), first + second};
  });
  EXPECT_FALSE(state.first);
  EXPECT_EQ(state.second, 3);
}

TEST(Robustness, MovedFromReceivePortThrows) {
  iso::run_main([] {
    iso::ReceivePort a;
    iso::ReceivePort b = std::move(a);
    EXPECT_THROW((void)a.send_port(), iso::StateError);
    EXPECT_THROW((void)a.next(), iso::StateError);
    EXPECT_TRUE(a.is_closed());
    EXPECT_FALSE(b.is_closed());
  });
}

TEST(Robustness, HugeAllocationThrowsBadAlloc) {
  // Only the core's own operator new is under test; ThreadSanitizer brings its own.
  if (!iso::heap_accounting_enabled()) GTEST_SKIP() << "the sanitizer's operator new is in use";
  EXPECT_THROW((void)::operator new(SIZE_MAX - 8), std::bad_alloc);
}
