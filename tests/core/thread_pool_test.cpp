// Isolates on parked threads: reuse, identity per isolate, and the pool's bounds.

#include <gtest/gtest.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "iso/iso.hpp"

using namespace std::chrono_literals;

namespace {

long thread_id() {
  return static_cast<long>(::syscall(SYS_gettid));
}

std::string thread_name() {
  char name[16] = {};
  (void)pthread_getname_np(pthread_self(), name, sizeof name);
  return name;
}

// Waits (a bounded while) until the pool holds `parked` parked threads: a thread parks just
// after its isolate's exit has been reported, so the next spawn may otherwise come first.
bool wait_until_parked(std::size_t parked) {
  const auto give_up = std::chrono::steady_clock::now() + 10s;
  while (std::chrono::steady_clock::now() < give_up) {
    if (iso::thread_pool_stats().parked == parked) return true;
    std::this_thread::sleep_for(1ms);
  }
  return false;
}

// Restores the default limits whatever a test set.
struct PoolLimits {
  iso::ThreadPoolLimits saved = iso::thread_pool_limits();
  // Starts from an empty pool, whatever ran before in this process.
  explicit PoolLimits(iso::ThreadPoolLimits limits) {
    iso::set_thread_pool_limits({0, limits.idle_timeout});
    EXPECT_TRUE(wait_until_parked(0));
    iso::set_thread_pool_limits(limits);
  }
  ~PoolLimits() { iso::set_thread_pool_limits(saved); }
};

struct Seen {
  long thread = 0;
  std::string name;
  int local = 0;
  std::int64_t live_bytes = 0;
};
ISO_SENDABLE(Seen, thread, name, local, live_bytes);

iso::IsolateLocal<int> g_local(0);
iso::IsolateLocal<std::vector<char>> g_ballast;

Seen look_around(int set_local) {
  Seen seen{thread_id(), thread_name(), *g_local, 0};
  *g_local = set_local;
  if (set_local != 0) g_ballast->assign(1 << 20, 'x');  // left behind for the next isolate
  seen.live_bytes = iso::Isolate::current().heap_stats().live_bytes;
  return seen;
}

}  // namespace

TEST(ThreadPool, AnEndedIsolatesThreadRunsTheNextIsolate) {
  PoolLimits limits({4, 60s});
  auto seen = iso::run_main([]() -> iso::Future<std::vector<Seen>> {
    std::vector<Seen> all;
    all.push_back(co_await iso::Isolate::run(iso::RunOptions{"first-isolate"}, &look_around, 5));
    EXPECT_TRUE(wait_until_parked(1));
    const auto before = iso::thread_pool_stats();
    all.push_back(co_await iso::Isolate::run(iso::RunOptions{"second-one"}, &look_around, 0));
    const auto after = iso::thread_pool_stats();
    EXPECT_EQ(after.threads_started, before.threads_started);
    EXPECT_EQ(after.reused, before.reused + 1);
    co_return all;
  });
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].thread, seen[1].thread);  // the same OS thread...
  EXPECT_EQ(seen[0].name, "first-isolate");   // ...named after each isolate in turn,
  EXPECT_EQ(seen[1].name, "second-one");
  EXPECT_EQ(seen[1].local, 0);  // with fresh IsolateLocal values
  if (iso::heap_accounting_enabled()) {
    EXPECT_LT(seen[1].live_bytes, 1 << 20);  // and its own heap account
  }
}

TEST(ThreadPool, ParkedThreadsAreNamedSo) {
  PoolLimits limits({4, 60s});
  const bool found = iso::run_main([]() -> iso::Future<bool> {
    (void)co_await iso::Isolate::run([] { return 0; });
    EXPECT_TRUE(wait_until_parked(1));
    bool seen = false;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/task")) {
      std::ifstream comm(entry.path() / "comm");
      std::string name;
      std::getline(comm, name);
      seen = seen || name == "iso-parked";
    }
    co_return seen;
  });
  EXPECT_TRUE(found);
}

TEST(ThreadPool, IdleThreadsExitAfterTheTimeout) {
  PoolLimits limits({4, 60s});
  iso::run_main([]() -> iso::Future<void> {
    (void)co_await iso::Isolate::run([] { return 0; });
    EXPECT_TRUE(wait_until_parked(1));
    iso::set_thread_pool_limits({4, 1ms});
    EXPECT_TRUE(wait_until_parked(0));
  });
}

// A thread outliving the main isolate would run its libraries' thread-exit clean-up after they
// were torn down at exit: run_main returns with no thread parked.
TEST(ThreadPool, NoThreadStaysParkedAfterRunMain) {
  PoolLimits limits({4, 60s});
  iso::run_main([]() -> iso::Future<void> {
    (void)co_await iso::Isolate::run([] { return 0; });
    EXPECT_TRUE(wait_until_parked(1));
  });
  const auto stats = iso::thread_pool_stats();
  EXPECT_EQ(stats.parked, 0u);
  EXPECT_EQ(stats.running, 0u);
}

TEST(ThreadPool, NoMoreThanTheBoundStayParked) {
  PoolLimits limits({2, 60s});
  iso::run_main([]() -> iso::Future<void> {
    // Six isolates alive at once need six threads; when they end, two park and four exit.
    iso::ReceivePort ready;
    std::vector<iso::SendPort> stops;
    for (int i = 0; i < 6; ++i) {
      co_await iso::Isolate::spawn(
          [](iso::SendPort to) {
            auto port = std::make_shared<iso::RawReceivePort>();
            port->set_handler([port](iso::Message) { port->close(); });
            to.send(port->send_port());
          },
          ready.send_port());
      stops.push_back((co_await ready.next()).take<iso::SendPort>());
    }
    EXPECT_GE(iso::thread_pool_stats().running, 6u);
    for (auto& stop : stops) stop.send(0);
    EXPECT_TRUE(wait_until_parked(2));
    std::this_thread::sleep_for(20ms);  // room for a thread that would wrongly park late
    EXPECT_EQ(iso::thread_pool_stats().parked, 2u);
    EXPECT_EQ(iso::thread_pool_stats().running, 0u);
  });
}

TEST(ThreadPool, NegativeTimeoutIsRefused) {
  EXPECT_THROW(iso::set_thread_pool_limits({4, -1ms}), std::invalid_argument);
}
