// Exit: the dying isolate's result is handed over, not copied, whatever its size.

#include <gtest/gtest.h>

#include <atomic>

#include "message_fixtures.hpp"

using fixtures::address_of;
using fixtures::on_main;

namespace {

constexpr std::size_t kMiB = 1 << 20;

// Plain globals are shared by every isolate: the test's way to see where a buffer was made.
std::atomic<std::uint64_t> g_made_at{0};

void build_and_exit(iso::SendPort to_main) {
  std::vector<std::uint8_t> result(8 * kMiB, 4);
  g_made_at = address_of(result.data());
  iso::exit(to_main, std::move(result));
}

}  // namespace

TEST(ExitCrossing, HandsOverWithoutCopy) {
  if (!iso::heap_accounting_enabled()) GTEST_SKIP() << "no heap accounting in this build";
  auto outcome = on_main([]() -> iso::Future<std::tuple<std::uint64_t, std::size_t, std::int64_t>> {
    iso::ReceivePort port;
    const auto before = iso::Isolate::current().heap_stats().live_bytes;
    co_await iso::Isolate::spawn(&build_and_exit, port.send_port());
    iso::Message message = co_await port.first();
    const auto adopted = iso::Isolate::current().heap_stats().live_bytes - before;
    const auto& result = message.get<std::vector<std::uint8_t>>();
    co_return std::tuple{address_of(result.data()), result.size(), adopted};
  });
  EXPECT_EQ(std::get<0>(outcome), g_made_at.load());
  EXPECT_EQ(std::get<1>(outcome), 8 * kMiB);
  // The receiver now counts the dead isolate's remaining heap (the result) as its own.
  EXPECT_GE(std::get<2>(outcome), static_cast<std::int64_t>(8 * kMiB));
}

TEST(ExitCrossing, RunResultIsNotCopied) {
  auto same = on_main([]() -> iso::Future<bool> {
    std::vector<fixtures::Product> result = co_await iso::Isolate::run([] {
      std::vector<fixtures::Product> products;
      for (int i = 0; i < 1000; ++i) products.push_back(fixtures::sample_product(i));
      g_made_at = address_of(products.data());
      return products;
    });
    co_return address_of(result.data()) == g_made_at.load() && result.size() == 1000 &&
        result[999] == fixtures::sample_product(999);
  });
  EXPECT_TRUE(same);
}

TEST(ExitCrossing, HandOverIsAMove) {
  std::string text(kMiB, 'z');
  const auto buffer = address_of(text.data());
  iso::Message message = iso::Message::hand_over(std::move(text));
  EXPECT_EQ(address_of(message.get<std::string>().data()), buffer);
  EXPECT_EQ(message.cost().bytes, 0u);
}
