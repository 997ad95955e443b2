// Copy, the default crossing: the receiver gets its own object graph on its own heap.

#include <gtest/gtest.h>

#include "message_fixtures.hpp"

using fixtures::address_of;
using fixtures::on_main;

namespace {

constexpr std::size_t kMiB = 1 << 20;

// A fresh heap account standing in for a receiving isolate.
struct ScratchAccount {
  iso::HeapAccount* account = iso::detail::new_heap_account();
  ~ScratchAccount() { iso::detail::release(account); }
  iso::HeapStats stats() const { return iso::detail::stats_of(account); }
};

}  // namespace

TEST(CopyCrossing, MutationAfterSendIsInvisible) {
  auto received = on_main([]() -> iso::Future<std::vector<std::string>> {
    iso::ReceivePort port;
    std::vector<std::string> names{"ada", "grace"};
    port.send_port().send(names);
    names[0] = "changed";
    names.push_back("later");
    co_return (co_await port.first()).take<std::vector<std::string>>();
  });
  EXPECT_EQ(received, (std::vector<std::string>{"ada", "grace"}));
}

TEST(CopyCrossing, ReceiverGetsDistinctAddresses) {
  const fixtures::Order order{"ada", {fixtures::sample_product(1)}, std::nullopt};
  iso::Message copy = iso::Message::copy_of(order, nullptr);
  const auto& received = copy.get<fixtures::Order>();
  EXPECT_EQ(received, order);
  EXPECT_NE(&received, &order);
  EXPECT_NE(address_of(received.lines.data()), address_of(order.lines.data()));
  EXPECT_NE(address_of(received.lines[0].name.data()), address_of(order.lines[0].name.data()));
}

TEST(CopyCrossing, CopyIsChargedToTheReceiverHeap) {
  if (!iso::heap_accounting_enabled()) GTEST_SKIP() << "no heap accounting in this build";
  ScratchAccount receiver;
  ScratchAccount sender;
  std::vector<std::uint8_t> bytes;
  {
    iso::AllocationScope as_sender(sender.account);
    bytes.assign(kMiB, 7);
  }
  const auto sender_before = sender.stats().live_bytes;
  iso::Message copy;
  {
    iso::AllocationScope as_sender(sender.account);
    copy = iso::Message::copy_of(bytes, receiver.account);
  }
  EXPECT_GE(receiver.stats().live_bytes, static_cast<std::int64_t>(kMiB));
  EXPECT_LT(sender.stats().live_bytes - sender_before, static_cast<std::int64_t>(kMiB / 2));
  EXPECT_GE(copy.cost().bytes, kMiB);
  copy = iso::Message();  // freed: credited back to the receiver
  EXPECT_LT(receiver.stats().live_bytes, static_cast<std::int64_t>(kMiB / 2));
}

// The same through a real isolate: its heap grows by the copy it received.
void hold_and_report(iso::SendPort to_main) {
  auto inbox = std::make_shared<iso::ReceivePort>();
  const auto before = iso::Isolate::current().heap_stats().live_bytes;
  to_main.send(inbox->send_port());
  inbox->listen([inbox, to_main, before](iso::Message message) {
    const auto& bytes = message.get<std::vector<std::uint8_t>>();
    const auto growth = iso::Isolate::current().heap_stats().live_bytes - before;
    to_main.send(std::pair<std::int64_t, std::size_t>{growth, bytes.size()});
    inbox->close();
  });
}

TEST(CopyCrossing, ReceivingIsolateIsCharged) {
  if (!iso::heap_accounting_enabled()) GTEST_SKIP() << "no heap accounting in this build";
  auto report = on_main([]() -> iso::Future<std::pair<std::int64_t, std::size_t>> {
    iso::ReceivePort replies;
    co_await iso::Isolate::spawn(&hold_and_report, replies.send_port());
    auto worker = (co_await replies.next()).take<iso::SendPort>();
    const std::vector<std::uint8_t> payload(2 * kMiB, 1);
    const iso::SendCost cost = worker.send(payload);
    EXPECT_GE(cost.bytes, payload.size());
    auto growth = (co_await replies.next()).take<std::pair<std::int64_t, std::size_t>>();
    replies.close();
    co_return growth;
  });
  EXPECT_EQ(report.second, 2 * kMiB);
  EXPECT_GE(report.first, static_cast<std::int64_t>(2 * kMiB));
}

TEST(CopyCrossing, WrongTypeNamesBothTypes) {
  iso::Message message = iso::Message::copy_of(42, nullptr);
  EXPECT_TRUE(message.is<int>());
  EXPECT_FALSE(message.is<std::string>());
  try {
    (void)message.take<std::string>();
    FAIL() << "take<std::string> of an int message did not throw";
  } catch (const iso::MessageTypeError& error) {
    const std::string what = error.what();
    EXPECT_NE(what.find(iso::type_name<std::string>()), std::string::npos) << what;
    EXPECT_NE(what.find("got int"), std::string::npos) << what;
  }
  EXPECT_EQ(message.take<int>(), 42);  // the right type still works after a mismatch
  iso::Message null;
  EXPECT_THROW((void)null.get<int>(), iso::MessageTypeError);
}
