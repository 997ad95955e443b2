// Stress: many isolates, many messages, repeated kills. Clean under both sanitizers.

#include <gtest/gtest.h>

#include <atomic>

#include "iso/iso.hpp"

using namespace std::chrono_literals;

TEST(Stress, TenThousandSequentialRuns) {
  auto sum = iso::run_main([]() -> iso::Future<long> {
    long total = 0;
    for (int i = 0; i < 10'000; ++i)
      total += co_await iso::Isolate::run([](int n) { return n; }, i);
    co_return total;
  });
  EXPECT_EQ(sum, 10'000L * 9'999 / 2);
}

TEST(Stress, ThousandIsolatesAliveAtOnce) {
  constexpr int kIsolates = 1000;
  auto answered = iso::run_main([]() -> iso::Future<int> {
    iso::ReceivePort replies;
    std::vector<iso::SendPort> workers;
    for (int i = 0; i < kIsolates; ++i) {
      co_await iso::Isolate::spawn(
          [](iso::SendPort main_port) {
            auto inbox = std::make_shared<iso::ReceivePort>();
            main_port.send(inbox->send_port());
            inbox->listen([inbox, main_port](iso::Message m) {
              main_port.send(m.take<int>());
              inbox->close();
            });
          },
          replies.send_port());
    }
    for (int i = 0; i < kIsolates; ++i) {
      workers.push_back((co_await replies.next()).take<iso::SendPort>());
    }
    // All of them are alive now, each waiting on its port.
    for (int i = 0; i < kIsolates; ++i) workers[i].send(i);
    long sum = 0;
    for (int i = 0; i < kIsolates; ++i) sum += (co_await replies.next()).take<int>();
    replies.close();
    co_return sum == long(kIsolates) * (kIsolates - 1) / 2 ? kIsolates : -1;
  });
  EXPECT_EQ(answered, kIsolates);
}

TEST(Stress, MillionMessagesNoneLostOrderKeptPerSender) {
  constexpr int kPerSender = 500'000;
  auto ok = iso::run_main([]() -> iso::Future<bool> {
    iso::ReceivePort inbox;
    for (int sender = 0; sender < 2; ++sender) {
      co_await iso::Isolate::spawn(
          [](std::pair<iso::SendPort, int> args) {
            for (int i = 0; i < kPerSender; ++i) args.first.send(std::pair{args.second, i});
          },
          std::pair{inbox.send_port(), sender});
    }
    int next_expected[2] = {0, 0};
    bool in_order = true;
    for (int n = 0; n < 2 * kPerSender; ++n) {
      auto [sender, i] = (co_await inbox.next()).take<std::pair<int, int>>();
      in_order = in_order && i == next_expected[sender];
      next_expected[sender] = i + 1;
    }
    co_return in_order&& next_expected[0] == kPerSender&& next_expected[1] == kPerSender;
  });
  EXPECT_TRUE(ok);
}

// Busy forever: every microtask queues the next one.
void spin_in_microtasks() {
  iso::schedule_microtask(spin_in_microtasks);
}

TEST(Stress, RepeatedKillDuringWork) {
  auto exits = iso::run_main([]() -> iso::Future<int> {
    int exited = 0;
    for (int round = 0; round < 200; ++round) {
      iso::ReceivePort started, on_exit;
      iso::SpawnOptions options;
      options.on_exit = on_exit.send_port();
      auto worker = co_await iso::Isolate::spawn(
          [](iso::SendPort out) {
            out.send(1);
            spin_in_microtasks();
          },
          started.send_port(), options);
      if (round % 2 == 0) (void)co_await started.next();  // sometimes kill mid-work
      worker.kill(round % 3 == 0 ? iso::KillPriority::before_next_event
                                 : iso::KillPriority::immediate);
      if (round % 3 == 0) worker.kill(iso::KillPriority::immediate);  // microtasks never end
      co_await on_exit.first();
      started.close();
      ++exited;
    }
    co_return exited;
  });
  EXPECT_EQ(exits, 200);
}
