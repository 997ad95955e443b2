#include <gtest/gtest.h>

#include "iso/iso.hpp"

using namespace std::chrono_literals;

TEST(RunMain, ReturnsPlainValue) { EXPECT_EQ(iso::run_main([] { return 42; }), 42); }

TEST(RunMain, AwaitsCoroutine) {
  auto result = iso::run_main([]() -> iso::Future<int> {
    co_await iso::delay(1ms);
    co_return 7;
  });
  EXPECT_EQ(result, 7);
}

TEST(IsolateRun, ReturnsValueOfPlainFunction) {
  auto result = iso::run_main([]() -> iso::Future<int> {
    int v = co_await iso::Isolate::run([] { return 6 * 7; });
    co_return v;
  });
  EXPECT_EQ(result, 42);
}
