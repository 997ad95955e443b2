// Futures, completers, microtasks and timers on one isolate.

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "iso/iso.hpp"

using namespace std::chrono_literals;

TEST(RunMain, ReturnsPlainValue) {
  EXPECT_EQ(iso::run_main([] { return 42; }), 42);
}

TEST(RunMain, ReturnsResultOfCoroutine) {
  auto result = iso::run_main([]() -> iso::Future<std::string> {
    co_await iso::delay(1ms);
    co_return "done";
  });
  EXPECT_EQ(result, "done");
}

TEST(RunMain, RethrowsErrorOfMainFuture) {
  EXPECT_THROW(iso::run_main([]() -> iso::Future<int> {
                 co_await iso::delay(0ms);
                 throw std::out_of_range("no such product");
               }),
               std::out_of_range);
}

TEST(RunMain, FailsWhenMainFutureCanNeverComplete) {
  // The completer is dropped: nothing can complete the future, the loop runs empty.
  EXPECT_THROW(iso::run_main([]() -> iso::Future<int> {
                 iso::Completer<int> never;
                 co_return co_await never.future();
               }),
               iso::RemoteError);
}

TEST(RunMain, RefusesNesting) {
  EXPECT_THROW(iso::run_main([] { iso::run_main([] {}); }), iso::IsolateError);
}

TEST(Future, CompleterResumesAwaiterAsMicrotask) {
  std::vector<std::string> order;
  iso::run_main([&]() -> iso::Future<void> {
    iso::Completer<int> completer;
    auto future = completer.future();
    iso::schedule_microtask([&] {
      order.push_back("complete");
      completer.complete(5);
      order.push_back("after complete");
    });
    int v = co_await future;
    order.push_back("resumed with " + std::to_string(v));
  });
  EXPECT_EQ(order, (std::vector<std::string>{"complete", "after complete", "resumed with 5"}));
}

TEST(Future, AwaitingTwiceIsAnError) {
  iso::run_main([]() -> iso::Future<void> {
    iso::Completer<int> completer;
    completer.complete(1);
    auto future = completer.future();
    (void)co_await future;
    bool threw = false;
    try {
      (void)co_await future;
    } catch (const iso::IsolateError&) {
      threw = true;
    }
    EXPECT_TRUE(threw);
  });
}

TEST(Future, CompletingTwiceIsAnError) {
  iso::run_main([] {
    iso::Completer<int> completer;
    completer.complete(1);
    EXPECT_THROW(completer.complete(2), iso::IsolateError);
  });
}

TEST(Future, AwaitingAFutureOfAnotherIsolateIsAnError) {
  // A completer created on the main isolate must not be awaited elsewhere. The future cannot be
  // sent (it is not copyable), so the test smuggles a pointer to it through a plain global.
  static iso::Future<int>* foreign = nullptr;
  auto message = iso::run_main([]() -> iso::Future<std::string> {
    iso::Completer<int> completer;
    auto future = completer.future();
    foreign = &future;
    std::string result = co_await iso::Isolate::run([]() -> iso::Future<std::string> {
      try {
        (void)co_await *foreign;
      } catch (const iso::IsolateError& e) {
        co_return std::string(e.what());
      }
      co_return std::string("no error");
    });
    completer.complete(1);
    co_await future;
    co_return result;
  });
  EXPECT_NE(message.find("belongs to isolate 'main'"), std::string::npos) << message;
}

TEST(Future, UnawaitedErrorIsUncaughtAndFatalOnMain) {
  EXPECT_THROW(iso::run_main([] {
                 [[maybe_unused]] auto dropped = []() -> iso::Future<void> {
                   co_await iso::delay(0ms);
                   throw std::runtime_error("nobody listens");
                 }();
               }),
               std::runtime_error);
}

TEST(Future, CoroutineOnPlainThreadIsAnError) {
  auto make = []() -> iso::Future<int> { co_return 1; };
  EXPECT_THROW((void)make(), iso::IsolateError);
}

TEST(EventLoop, MicrotasksDrainBeforeNextEvent) {
  std::vector<std::string> order;
  iso::run_main([&] {
    iso::Timer::once(0ms, [&] { order.push_back("timer"); });
    iso::schedule_microtask([&] {
      order.push_back("microtask 1");
      iso::schedule_microtask([&] { order.push_back("microtask 2 (queued by 1)"); });
    });
    order.push_back("entry");
  });
  EXPECT_EQ(order, (std::vector<std::string>{"entry", "microtask 1", "microtask 2 (queued by 1)",
                                             "timer"}));
}

TEST(EventLoop, TimersFireInDeadlineOrder) {
  std::vector<int> order;
  iso::run_main([&] {
    iso::Timer::once(6ms, [&] { order.push_back(3); });
    iso::Timer::once(2ms, [&] { order.push_back(1); });
    iso::Timer::once(4ms, [&] { order.push_back(2); });
  });
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
}

TEST(EventLoop, CancelledTimerNeverFires) {
  bool fired = false;
  iso::run_main([&] {
    auto timer = iso::Timer::once(1ms, [&] { fired = true; });
    EXPECT_TRUE(timer.is_active());
    timer.cancel();
    EXPECT_FALSE(timer.is_active());
  });
  EXPECT_FALSE(fired);
}

TEST(EventLoop, PeriodicTimerTicksUntilCancelledFromItsOwnCallback) {
  int ticks = 0;
  iso::run_main([&] {
    auto timer = std::make_shared<iso::Timer>();
    *timer = iso::Timer::periodic(1ms, [&ticks, timer] {
      if (++ticks == 5) timer->cancel();
    });
  });
  EXPECT_EQ(ticks, 5);
}

TEST(EventLoop, DelayWaitsAtLeastItsDuration) {
  iso::run_main([]() -> iso::Future<void> {
    const auto start = std::chrono::steady_clock::now();
    co_await iso::delay(5ms);
    EXPECT_GE(std::chrono::steady_clock::now() - start, 5ms);
  });
}

TEST(EventLoop, ErrorInTimerIsFatalOnMain) {
  EXPECT_THROW(
      iso::run_main([] { iso::Timer::once(0ms, [] { throw std::logic_error("timer failed"); }); }),
      std::logic_error);
}

TEST(EventLoop, LoopStatsSeeTheLongestEvent) {
  iso::run_main([]() -> iso::Future<void> {
    auto self = iso::Isolate::current();
    self.reset_loop_stats();
    iso::Timer::once(0ms, [] {
      const auto until = std::chrono::steady_clock::now() + 3ms;
      while (std::chrono::steady_clock::now() < until) {
      }
    });
    co_await iso::delay(5ms);
    const auto stats = self.loop_stats();
    EXPECT_GE(stats.longest_event, 3ms);
    EXPECT_GE(stats.events, 2u);
  });
}

TEST(ApisOnPlainThread, ThrowClearErrors) {
  EXPECT_THROW(iso::Isolate::current(), iso::IsolateError);
  EXPECT_THROW(iso::schedule_microtask([] {}), iso::IsolateError);
  EXPECT_THROW(iso::ReceivePort(), iso::IsolateError);
  try {
    iso::Timer::once(1ms, [] {});
    FAIL() << "expected IsolateError";
  } catch (const iso::IsolateError& e) {
    EXPECT_NE(std::string(e.what()).find("plain thread"), std::string::npos);
  }
}
