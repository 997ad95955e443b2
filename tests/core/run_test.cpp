// Isolate::run and compute: what the document's "the fix was one line" promises, and every way
// it can fail without leaving the caller hanging.

#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "iso/iso.hpp"

using namespace std::chrono_literals;

namespace {

struct CatalogError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
ISO_SENDABLE_EXCEPTION(CatalogError);

struct UnregisteredError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

template <class T, class F>
T run_on_main(F body) {
  return iso::run_main(std::move(body));
}

int square(int x) {
  return x * x;
}
std::size_t count_words(std::string text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool letter = c != ' ';
    words += letter && !in_word;
    in_word = letter;
  }
  return words;
}

}  // namespace

TEST(IsolateRun, ReturnsValueOfPlainFunction) {
  auto result = run_on_main<int>(
      []() -> iso::Future<int> { co_return co_await iso::Isolate::run([] { return 6 * 7; }); });
  EXPECT_EQ(result, 42);
}

TEST(IsolateRun, ReturnsValueOfCoroutine) {
  auto result = run_on_main<std::string>([]() -> iso::Future<std::string> {
    co_return co_await iso::Isolate::run([]() -> iso::Future<std::string> {
      co_await iso::delay(1ms);
      co_return "parsed";
    });
  });
  EXPECT_EQ(result, "parsed");
}

TEST(IsolateRun, RunsOnAnotherThread) {
  auto same = run_on_main<bool>([]() -> iso::Future<bool> {
    const auto caller = std::this_thread::get_id();
    auto worker = co_await iso::Isolate::run([] {
      std::ostringstream id;
      id << std::this_thread::get_id();
      return id.str();
    });
    std::ostringstream here;
    here << caller;
    co_return worker == here.str();
  });
  EXPECT_FALSE(same);
}

TEST(IsolateRun, VoidComputation) {
  run_on_main<void>([]() -> iso::Future<void> { co_await iso::Isolate::run([] {}); });
}

TEST(IsolateRun, ArgumentsAreCopiedIn) {
  auto result = run_on_main<std::size_t>([]() -> iso::Future<std::size_t> {
    std::string body(1000, 'x');
    auto length =
        co_await iso::Isolate::run([](const std::string& text) { return text.size(); }, body);
    co_return length;
  });
  EXPECT_EQ(result, 1000u);
}

TEST(IsolateRun, RegisteredExceptionKeepsItsType) {
  auto message = run_on_main<std::string>([]() -> iso::Future<std::string> {
    try {
      co_await iso::Isolate::run([]() -> int { throw CatalogError("bad catalog"); });
    } catch (const CatalogError& e) {
      co_return std::string(e.what());
    }
    co_return std::string("not caught as CatalogError");
  });
  EXPECT_EQ(message, "bad catalog");
}

TEST(IsolateRun, StandardExceptionKeepsItsType) {
  EXPECT_THROW(run_on_main<void>([]() -> iso::Future<void> {
                 co_await iso::Isolate::run([] { return std::string().at(3); });
               }),
               std::out_of_range);
}

TEST(IsolateRun, UnregisteredExceptionArrivesAsRemoteErrorWithTypeAndMessage) {
  try {
    run_on_main<void>([]() -> iso::Future<void> {
      co_await iso::Isolate::run([] { throw UnregisteredError("disk on fire"); });
    });
    FAIL() << "expected RemoteError";
  } catch (const iso::RemoteError& e) {
    EXPECT_NE(e.type_name().find("UnregisteredError"), std::string::npos) << e.type_name();
    EXPECT_EQ(e.message(), "disk on fire");
  }
}

TEST(IsolateRun, ExceptionFromCoroutineComputationIsRethrown) {
  EXPECT_THROW(run_on_main<void>([]() -> iso::Future<void> {
                 co_await iso::Isolate::run([]() -> iso::Future<int> {
                   co_await iso::delay(1ms);
                   throw std::invalid_argument("late failure");
                 });
               }),
               std::invalid_argument);
}

TEST(IsolateRun, UncaughtErrorInItsLoopSurfacesAsRemoteError) {
  try {
    run_on_main<void>([]() -> iso::Future<void> {
      co_await iso::Isolate::run([]() -> iso::Future<int> {
        iso::Timer::once(0ms, [] { throw std::runtime_error("stray timer"); });
        co_await iso::delay(1h);
        co_return 1;
      });
    });
    FAIL() << "expected RemoteError";
  } catch (const iso::RemoteError& e) {
    EXPECT_EQ(e.message(), "stray timer");
  }
}

TEST(IsolateRun, ComputationWaitingForeverEndsWithoutResult) {
  try {
    run_on_main<void>([]() -> iso::Future<void> {
      co_await iso::Isolate::run([]() -> iso::Future<int> {
        iso::Completer<int> never;
        co_return co_await never.future();
      });
    });
    FAIL() << "expected RemoteError";
  } catch (const iso::RemoteError& e) {
    EXPECT_EQ(e.message(), "Computation ended without result");
  }
}

TEST(IsolateRun, ComputationThatExitsWithoutResultEndsWithoutResult) {
  try {
    run_on_main<void>([]() -> iso::Future<void> {
      co_await iso::Isolate::run([]() -> iso::Future<int> {
        iso::exit();
        co_await iso::delay(1h);
        co_return 1;
      });
    });
    FAIL() << "expected RemoteError";
  } catch (const iso::RemoteError& e) {
    EXPECT_EQ(e.message(), "Computation ended without result");
  }
}

TEST(IsolateRun, KilledComputationEndsWithoutResult) {
  try {
    run_on_main<void>([]() -> iso::Future<void> {
      // The computation sends its own isolate handle, then waits forever; main kills it.
      iso::ReceivePort inbox;
      auto result = iso::Isolate::run(
          [](iso::SendPort reply) -> iso::Future<int> {
            reply.send(iso::Isolate::current());
            co_await iso::delay(1h);
            co_return 1;
          },
          inbox.send_port());
      auto worker = (co_await inbox.first()).take<iso::Isolate>();
      worker.kill(iso::KillPriority::immediate);
      co_await result;
    });
    FAIL() << "expected RemoteError";
  } catch (const iso::RemoteError& e) {
    EXPECT_EQ(e.message(), "Computation ended without result");
  }
}

TEST(IsolateRun, WritesToIsolateLocalAreInvisibleToTheCaller) {
  static iso::IsolateLocal<int> counter(10);
  auto values = run_on_main<std::pair<int, int>>([]() -> iso::Future<std::pair<int, int>> {
    int inside = co_await iso::Isolate::run([] {
      counter.get() += 5;
      return counter.get();
    });
    co_return std::pair{inside, counter.get()};
  });
  EXPECT_EQ(values.first, 15);
  EXPECT_EQ(values.second, 10);
}

TEST(IsolateRun, NestedRun) {
  auto result = run_on_main<int>([]() -> iso::Future<int> {
    co_return co_await iso::Isolate::run([]() -> iso::Future<int> {
      int inner = co_await iso::Isolate::run([] { return 20; });
      co_return inner + 1;
    });
  });
  EXPECT_EQ(result, 21);
}

TEST(Compute, PlainFunctionAndOneArgument) {
  auto results =
      run_on_main<std::pair<int, std::size_t>>([]() -> iso::Future<std::pair<int, std::size_t>> {
        int s = co_await iso::compute(square, 12);
        std::size_t w = co_await iso::compute(count_words, std::string("two words"));
        co_return std::pair{s, w};
      });
  EXPECT_EQ(results.first, 144);
  EXPECT_EQ(results.second, 2u);
}

TEST(IsolateRun, ComputationSeesWhatCopyingItInCost) {
  if (!iso::heap_accounting_enabled()) GTEST_SKIP() << "no heap accounting in this build";
  auto bytes = run_on_main<std::uint64_t>([]() -> iso::Future<std::uint64_t> {
    std::string body(100'000, 'x');
    auto copied = co_await iso::Isolate::run(
        [](const std::string&) { return iso::Isolate::current().spawn_cost().bytes; }, body);
    co_return copied;
  });
  EXPECT_GE(bytes, 100'000u);
}
