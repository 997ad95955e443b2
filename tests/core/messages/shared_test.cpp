// Share: Shared<T> crosses as one more reference to the same immutable object.

#include <gtest/gtest.h>

#include "message_fixtures.hpp"

using fixtures::address_of;
using fixtures::on_main;

namespace {

constexpr std::size_t kMiB = 1 << 20;

struct ScratchAccount {
  iso::HeapAccount* account = iso::detail::new_heap_account();
  ~ScratchAccount() { iso::detail::release(account); }
  iso::HeapStats stats() const { return iso::detail::stats_of(account); }
};

}  // namespace

static_assert(
    std::is_same_v<decltype(*std::declval<iso::Shared<std::string>&>()), const std::string&>,
    "Shared<T> gives const access only");

TEST(Share, SendingDoesNotCopy) {
  ScratchAccount receiver;
  auto catalog = iso::Shared<std::vector<std::uint8_t>>::make(2 * kMiB, std::uint8_t{3});
  iso::Message message = iso::Message::copy_of(catalog, receiver.account);
  EXPECT_LT(message.cost().bytes, 1024u);
  EXPECT_LT(receiver.stats().live_bytes, 1024);

  auto received = message.take<iso::Shared<std::vector<std::uint8_t>>>();
  EXPECT_TRUE(received.same_as(catalog));
  EXPECT_EQ(address_of(received->data()), address_of(catalog->data()));
  EXPECT_EQ(catalog.use_count(), 2);
}

TEST(Share, ChargedToTheSharedHeapNotTheCreator) {
  if (!iso::heap_accounting_enabled()) GTEST_SKIP() << "no heap accounting in this build";
  ScratchAccount creator;
  const auto shared_before = iso::shared_heap_stats().live_bytes;
  iso::Shared<std::string> text;
  {
    iso::AllocationScope as_creator(creator.account);
    text = iso::Shared<std::string>(std::string(kMiB, 'x'));
  }
  EXPECT_GE(iso::shared_heap_stats().live_bytes - shared_before, static_cast<std::int64_t>(kMiB));
  // The creator paid only for its temporary, which is gone.
  EXPECT_LT(creator.stats().live_bytes, 1024);
  text = {};
  EXPECT_LT(iso::shared_heap_stats().live_bytes - shared_before, 1024);
}

TEST(Share, EmptyHandleIsAClearError) {
  iso::Shared<int> empty;
  EXPECT_FALSE(empty);
  EXPECT_THROW((void)*empty, iso::IsolateError);
  EXPECT_EQ(iso::Shared<int>(4), iso::Shared<int>(4));
}

// Another isolate reads the same object; its heap does not grow by the object's size.
void read_shared(iso::SendPort to_main) {
  auto inbox = std::make_shared<iso::ReceivePort>();
  const auto before = iso::Isolate::current().heap_stats().live_bytes;
  to_main.send(inbox->send_port());
  inbox->listen([inbox, to_main, before](iso::Message message) {
    const auto& list = message.get<iso::Shared<std::vector<fixtures::Product>>>();
    const auto growth = iso::Isolate::current().heap_stats().live_bytes - before;
    to_main.send(std::tuple<std::uint64_t, std::int64_t, std::string>{address_of(list->data()),
                                                                      growth, list->back().name});
    inbox->close();
  });
}

TEST(Share, AcrossIsolatesSameAddress) {
  auto catalog = on_main([]() -> iso::Future<std::tuple<bool, std::int64_t, std::string>> {
    std::vector<fixtures::Product> products;
    for (int i = 0; i < 10'000; ++i) products.push_back(fixtures::sample_product(i));
    const iso::Shared<std::vector<fixtures::Product>> shared(products);
    iso::ReceivePort replies;
    co_await iso::Isolate::spawn(&read_shared, replies.send_port());
    auto worker = (co_await replies.next()).take<iso::SendPort>();
    worker.send(shared);
    auto [address, growth, last] =
        (co_await replies.next()).take<std::tuple<std::uint64_t, std::int64_t, std::string>>();
    replies.close();
    co_return std::tuple{address == address_of(shared->data()), growth, last};
  });
  EXPECT_TRUE(std::get<0>(catalog));
  EXPECT_LT(std::get<1>(catalog), 64 * 1024);  // 10,000 products would be ~1 MB
  EXPECT_EQ(std::get<2>(catalog), "product 9999");
}
