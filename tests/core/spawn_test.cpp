// Isolate::spawn, listeners, errors and kill.

#include <gtest/gtest.h>
#include <pthread.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "iso/iso.hpp"

using namespace std::chrono_literals;

namespace {

void spin_for(std::chrono::nanoseconds d) {
  const auto until = std::chrono::steady_clock::now() + d;
  while (std::chrono::steady_clock::now() < until) {
  }
}

// Endless work in small events: each tick reports, then schedules the next as a timer event.
// (Functors that copy themselves forward, not closures owning themselves through a
// shared_ptr, which would be a reference cycle that outlives the isolate.)
struct Ticker {
  iso::SendPort out;
  void operator()() const {
    spin_for(1ms);
    out.send(1);
    iso::Timer::once(0ms, Ticker{out});
  }
};

// A chain of `remaining` microtasks of 100 us each, reporting when it starts and when it ends.
struct ChainStep {
  iso::SendPort out;
  int remaining;
  void operator()() const {
    spin_for(100us);
    if (remaining == 200) out.send(std::string("started"));
    if (remaining == 1) {
      out.send(std::string("chain finished"));
    } else {
      iso::schedule_microtask(ChainStep{out, remaining - 1});
    }
  }
};

}  // namespace

TEST(Spawn, EntryGetsACopyOfTheMessageAndRunsWithItsName) {
  auto name = iso::run_main([]() -> iso::Future<std::string> {
    iso::ReceivePort inbox;
    iso::SpawnOptions options;
    options.debug_name = "catalog-worker";
    co_await iso::Isolate::spawn(
        [](std::pair<iso::SendPort, std::string> m) {
          m.first.send(iso::Isolate::current().debug_name() + " got " + m.second);
        },
        std::pair{inbox.send_port(), std::string("hello")}, options);
    co_return (co_await inbox.first()).take<std::string>();
  });
  EXPECT_EQ(name, "catalog-worker got hello");
}

// The OS thread carries the isolate's name (cut to Linux's 15 bytes), for top -H, perf, gdb.
TEST(Spawn, TheIsolatesThreadIsNamedAfterIt) {
  auto names = iso::run_main([]() -> iso::Future<std::vector<std::string>> {
    static constexpr const char* kNames[] = {"parser", "json-parse worker requests"};
    std::vector<std::string> seen;
    for (const char* name : kNames) {
      iso::SpawnOptions options;
      options.debug_name = name;
      iso::ReceivePort inbox;
      co_await iso::Isolate::spawn(
          [](iso::SendPort out) {
            char buffer[16] = {};
            pthread_getname_np(pthread_self(), buffer, sizeof buffer);
            out.send(std::string(buffer));
          },
          inbox.send_port(), options);
      seen.push_back((co_await inbox.first()).take<std::string>());
    }
    co_return seen;
  });
  EXPECT_EQ(names, (std::vector<std::string>{"parser", "json-parse work"}));
}

TEST(Spawn, OnExitFiresExactlyOnceAfterTheIsolatesMessages) {
  auto log = iso::run_main([]() -> iso::Future<std::vector<std::string>> {
    iso::ReceivePort events;
    iso::SpawnOptions options;
    options.on_exit = events.send_port();
    co_await iso::Isolate::spawn([](iso::SendPort out) { out.send(std::string("work done")); },
                                 events.send_port(), options);
    std::vector<std::string> seen;
    seen.push_back((co_await events.next()).take<std::string>());
    auto exit_message = co_await events.next();
    seen.push_back(exit_message.is_null() ? "exit" : "unexpected");
    // Nothing else arrives: wait a little and check the buffer.
    co_await iso::delay(5ms);
    seen.push_back(std::to_string(events.buffered()));
    co_return seen;
  });
  EXPECT_EQ(log, (std::vector<std::string>{"work done", "exit", "0"}));
}

TEST(Spawn, OnExitListenerWithResponseAndAfterDeath) {
  auto responses = iso::run_main([]() -> iso::Future<std::vector<std::string>> {
    iso::ReceivePort events;
    auto isolate = co_await iso::Isolate::spawn([](int) {}, 0);
    isolate.add_on_exit_listener(events.send_port(), std::string("first"));
    std::vector<std::string> seen;
    seen.push_back((co_await events.next()).take<std::string>());
    EXPECT_FALSE(isolate.is_alive());
    isolate.add_on_exit_listener(events.send_port(), std::string("late"));  // already dead
    seen.push_back((co_await events.next()).take<std::string>());
    co_return seen;
  });
  EXPECT_EQ(responses, (std::vector<std::string>{"first", "late"}));
}

TEST(Spawn, OnErrorReceivesUncaughtErrorsAndFatalEndsTheIsolate) {
  auto report = iso::run_main([]() -> iso::Future<std::vector<std::string>> {
    iso::ReceivePort errors, exits;
    iso::SpawnOptions options;
    options.on_error = errors.send_port();
    options.on_exit = exits.send_port();
    co_await iso::Isolate::spawn(
        [](int) {
          iso::Timer::once(0ms, [] { throw std::runtime_error("first"); });
          iso::Timer::once(1ms, [] { throw std::runtime_error("second, never"); });
        },
        0, options);
    auto error = (co_await errors.next()).take<iso::UncaughtError>();
    co_await exits.first();
    std::vector<std::string> out{error.type_name, error.message, std::to_string(errors.buffered())};
    errors.close();
    co_return out;
  });
  EXPECT_EQ(report, (std::vector<std::string>{"std::runtime_error", "first", "0"}));
}

TEST(Spawn, ErrorsAreFatalFalseKeepsTheIsolateAlive) {
  auto messages = iso::run_main([]() -> iso::Future<std::vector<std::string>> {
    iso::ReceivePort errors, exits;
    iso::SpawnOptions options;
    options.on_error = errors.send_port();
    options.on_exit = exits.send_port();
    options.errors_are_fatal = false;
    co_await iso::Isolate::spawn(
        [](int) {
          iso::Timer::once(0ms, [] { throw std::runtime_error("one"); });
          iso::Timer::once(2ms, [] { throw std::runtime_error("two"); });
        },
        0, options);
    std::vector<std::string> out;
    out.push_back((co_await errors.next()).take<iso::UncaughtError>().message);
    out.push_back((co_await errors.next()).take<iso::UncaughtError>().message);
    co_await exits.first();
    errors.close();
    co_return out;
  });
  EXPECT_EQ(messages, (std::vector<std::string>{"one", "two"}));
}

TEST(Spawn, NestedSpawnReachesMainDirectly) {
  auto text = iso::run_main([]() -> iso::Future<std::string> {
    iso::ReceivePort inbox;
    co_await iso::Isolate::spawn(
        [](iso::SendPort main_port) -> iso::Future<void> {
          co_await iso::Isolate::spawn(
              [](iso::SendPort to_main) { to_main.send(std::string("from grandchild")); },
              main_port);
        },
        inbox.send_port());
    co_return (co_await inbox.first()).take<std::string>();
  });
  EXPECT_EQ(text, "from grandchild");
}

TEST(Kill, ImmediateStopsABusyIsolateBetweenEvents) {
  auto events_handled = iso::run_main([]() -> iso::Future<int> {
    iso::ReceivePort progress, exits;
    iso::SpawnOptions options;
    options.on_exit = exits.send_port();
    auto worker =
        co_await iso::Isolate::spawn([](iso::SendPort out) { iso::Timer::once(0ms, Ticker{out}); },
                                     progress.send_port(), options);
    (void)co_await progress.next();
    worker.kill(iso::KillPriority::immediate);
    co_await exits.first();
    progress.close();
    co_return 1;
  });
  EXPECT_EQ(events_handled, 1);
}

TEST(Kill, ImmediateCutsAMicrotaskChainButBeforeNextEventDoesNot) {
  // Each isolate runs a chain of 200 microtasks, each 100 us long, started by one event; the
  // kill arrives while the chain runs. `immediate` cuts it; `before_next_event` lets it finish.
  auto finished_chain = [](iso::KillPriority priority) {
    return iso::run_main([priority]() -> iso::Future<int> {
      iso::ReceivePort progress, exits;
      iso::SpawnOptions options;
      options.on_exit = exits.send_port();
      auto worker = co_await iso::Isolate::spawn(
          [](iso::SendPort out) {
            iso::schedule_microtask(ChainStep{out, 200});
          },
          progress.send_port(), options);
      (void)co_await progress.next();  // "started"
      worker.kill(priority);
      co_await exits.first();
      co_await iso::delay(1ms);
      const int finished = static_cast<int>(progress.buffered());
      progress.close();
      co_return finished;
    });
  };
  EXPECT_EQ(finished_chain(iso::KillPriority::immediate), 0);
  EXPECT_EQ(finished_chain(iso::KillPriority::before_next_event), 1);
}

TEST(Kill, BeforeNextEventSkipsEventsAlreadyQueued) {
  // The first event holds the worker's loop until the kill has been sent, so the other four are
  // still queued behind it when it arrives, however the threads are scheduled.
  static std::atomic<bool> kill_sent{false};
  kill_sent = false;
  auto handled = iso::run_main([]() -> iso::Future<std::size_t> {
    iso::ReceivePort ready, acks, exits;
    iso::SpawnOptions options;
    options.on_exit = exits.send_port();
    auto worker = co_await iso::Isolate::spawn(
        [](std::pair<iso::SendPort, iso::SendPort> ports) {
          auto inbox = std::make_shared<iso::ReceivePort>();
          ports.first.send(inbox->send_port());
          // The listener owns its port: destroying a ReceivePort closes it.
          inbox->listen([inbox, acks = ports.second](iso::Message) {
            acks.send(1);
            while (!kill_sent.load()) std::this_thread::yield();
          });
        },
        std::pair{ready.send_port(), acks.send_port()}, options);
    auto inbox = (co_await ready.first()).take<iso::SendPort>();
    for (int i = 0; i < 5; ++i) inbox.send(i);
    (void)co_await acks.next();  // the first event is running; the others wait behind it
    worker.kill(iso::KillPriority::before_next_event);
    kill_sent = true;
    co_await exits.first();
    co_await iso::delay(1ms);
    const std::size_t more = acks.buffered();
    acks.close();
    co_return 1 + more;
  });
  EXPECT_EQ(handled, 1u);
}

TEST(IsolateLocal, EachIsolateHasItsOwnValueAndPlainGlobalsAreShared) {
  static iso::IsolateLocal<std::string> local("initial");
  static std::atomic<int> shared_global{0};
  auto seen = iso::run_main([]() -> iso::Future<std::vector<std::string>> {
    local.get() = "main wrote this";
    shared_global = 1;
    auto from_worker = co_await iso::Isolate::run([] {
      std::string before = local.get();
      local.get() = "worker wrote this";
      shared_global = 2;
      return before;
    });
    co_return std::vector<std::string>{from_worker, local.get(), std::to_string(shared_global)};
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"initial", "main wrote this", "2"}));
}

TEST(Heap, EachIsolateHasItsOwnAccount) {
  if (!iso::heap_accounting_enabled()) GTEST_SKIP() << "no heap accounting in this build";
  iso::run_main([]() -> iso::Future<void> {
    auto worker_live = co_await iso::Isolate::run([] {
      auto big = std::make_unique<std::vector<char>>(1 << 20);
      // Escape the pointer so the optimizer cannot elide the allocation.
      asm volatile("" : : "r"(big->data()) : "memory");
      return iso::Isolate::current().heap_stats().live_bytes;
    });
    EXPECT_GE(worker_live, 1 << 20);
    EXPECT_LT(iso::Isolate::current().heap_stats().live_bytes, 1 << 20);
  });
}
