// Transfer: TransferableTypedData moves its buffer in O(1) and empties the sender.

#include <gtest/gtest.h>

#include <array>
#include <deque>
#include <list>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <variant>

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

template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const iso::IsolateError& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST(Transfer, FromListGathersPartsInOrder) {
  const std::vector<std::uint8_t> head{1, 2};
  const std::string middle = "ab";
  const std::array<std::uint16_t, 1> tail{0x0303};
  auto data = iso::TransferableTypedData::from_list(head, middle, tail);
  EXPECT_EQ(data.size(), 6u);
  EXPECT_EQ(data.materialize(), (std::vector<std::uint8_t>{1, 2, 'a', 'b', 3, 3}));

  const std::vector<std::vector<std::uint8_t>> list{{9}, {}, {8, 7}};
  EXPECT_EQ(iso::TransferableTypedData::from_list(list).materialize(),
            (std::vector<std::uint8_t>{9, 8, 7}));
}

TEST(Transfer, SendingEmptiesTheSenderAndKeepsTheBuffer) {
  std::vector<std::uint8_t> bytes(kMiB, 5);
  const auto buffer = address_of(bytes.data());
  auto data = iso::TransferableTypedData::from_bytes(std::move(bytes));
  auto alias = data;  // another handle to the same data

  iso::Message message = iso::Message::copy_of(data, nullptr);
  EXPECT_TRUE(data.is_empty());
  EXPECT_TRUE(alias.is_empty());
  EXPECT_LT(message.cost().bytes, 1024u);  // nothing proportional to the size was allocated

  auto received = message.take<iso::TransferableTypedData>();
  EXPECT_EQ(received.size(), kMiB);
  const auto materialized = received.materialize();
  EXPECT_EQ(address_of(materialized.data()), buffer);
  EXPECT_EQ(materialized.size(), kMiB);
  EXPECT_EQ(materialized[kMiB - 1], 5);
}

TEST(Transfer, TouchingAnEmptiedOneIsAClearError) {
  auto data = iso::TransferableTypedData::from_list(std::string("abc"));
  iso::Message message = iso::Message::copy_of(data, nullptr);
  EXPECT_NE(error_of([&] { (void)data.size(); }).find("already sent to another isolate"),
            std::string::npos);
  EXPECT_NE(error_of([&] { (void)data.materialize(); }).find("already sent"), std::string::npos);
  EXPECT_THROW((void)iso::Message::copy_of(data, nullptr), iso::IsolateError);

  auto received = message.take<iso::TransferableTypedData>();
  (void)received.materialize();
  EXPECT_NE(error_of([&] { (void)received.materialize(); }).find("materialize() works once"),
            std::string::npos);
  iso::TransferableTypedData none;
  EXPECT_TRUE(none.is_empty());
  EXPECT_NE(error_of([&] { (void)none.size(); }).find("default-constructed"), std::string::npos);
}

TEST(Transfer, BufferMovesToTheReceiverHeap) {
  if (!iso::heap_accounting_enabled()) GTEST_SKIP() << "no heap accounting in this build";
  ScratchAccount sender;
  ScratchAccount receiver;
  iso::TransferableTypedData data;
  {
    iso::AllocationScope as_sender(sender.account);
    data = iso::TransferableTypedData::from_list(std::vector<std::uint8_t>(4 * kMiB, 1));
  }
  EXPECT_GE(sender.stats().live_bytes, static_cast<std::int64_t>(4 * kMiB));
  iso::Message message;
  {
    iso::AllocationScope as_sender(sender.account);
    message = iso::Message::copy_of(data, receiver.account);
  }
  EXPECT_LT(sender.stats().live_bytes, static_cast<std::int64_t>(kMiB));
  EXPECT_GE(receiver.stats().live_bytes, static_cast<std::int64_t>(4 * kMiB));
}

TEST(Transfer, StructFieldsAndElementsAreTransferredNotShared) {
  auto data = iso::TransferableTypedData::from_list(std::string("payload"));
  fixtures::Upload upload{"file", data};
  std::vector<iso::TransferableTypedData> many{
      iso::TransferableTypedData::from_list(std::string("x"))};
  iso::Message first = iso::Message::copy_of(upload, nullptr);
  iso::Message second = iso::Message::copy_of(many, nullptr);
  EXPECT_TRUE(upload.data.is_empty());
  EXPECT_TRUE(data.is_empty());
  EXPECT_TRUE(many[0].is_empty());
  EXPECT_EQ(first.get<fixtures::Upload>().data.size(), 7u);
  EXPECT_EQ(second.get<std::vector<iso::TransferableTypedData>>()[0].size(), 1u);
}

// Every standard template that can hold one crosses part by part: each buffer is moved.
TEST(Transfer, EveryContainerShapeMovesItsBuffers) {
  using Bytes = iso::TransferableTypedData;
  const auto bytes = [](const char* text) { return Bytes::from_list(std::string(text)); };
  std::deque<Bytes> deque{bytes("a")};
  std::list<Bytes> list{bytes("bb")};
  std::map<int, Bytes> map{{1, bytes("ccc")}};
  std::unordered_map<std::string, Bytes> unordered{{"k", bytes("dddd")}};
  std::optional<Bytes> optional{bytes("eeeee")};
  std::variant<int, Bytes> variant{bytes("ffffff")};
  std::tuple<int, Bytes> tuple{7, bytes("ggggggg")};
  std::array<Bytes, 2> array{bytes("h"), bytes("ii")};
  const auto all = std::tuple{deque, list, map, unordered, optional, variant, tuple, array};
  iso::Message message = iso::Message::copy_of(all, nullptr);

  for (const Bytes* sent : {&deque.front(), &list.front(), &map.at(1), &unordered.at("k"),
                            &*optional, &std::get<Bytes>(variant), &std::get<1>(tuple), &array[0],
                            &array[1]}) {
    EXPECT_TRUE(sent->is_empty());
  }
  const auto& got = message.get<std::remove_const_t<decltype(all)>>();
  EXPECT_EQ(std::get<0>(got).front().size(), 1u);
  EXPECT_EQ(std::get<1>(got).front().size(), 2u);
  EXPECT_EQ(std::get<2>(got).at(1).size(), 3u);
  EXPECT_EQ(std::get<3>(got).at("k").size(), 4u);
  EXPECT_EQ(std::get<4>(got)->size(), 5u);
  EXPECT_EQ(std::get<Bytes>(std::get<5>(got)).size(), 6u);
  EXPECT_EQ(std::get<1>(std::get<6>(got)).size(), 7u);
  EXPECT_EQ(std::get<7>(got)[1].size(), 2u);
}

// Across isolates: the worker materializes and reports where the bytes are; a second transfer
// is never materialized and must still be freed (LeakSanitizer checks it in the ASan build).
void materialize_and_report(iso::SendPort to_main) {
  auto inbox = std::make_shared<iso::ReceivePort>();
  to_main.send(inbox->send_port());
  auto seen = std::make_shared<int>(0);
  inbox->listen([inbox, to_main, seen](iso::Message message) {
    if (++*seen == 1) {
      auto bytes = message.take<iso::TransferableTypedData>().materialize();
      to_main.send(std::pair<std::uint64_t, std::size_t>{address_of(bytes.data()), bytes.size()});
    } else {
      inbox->close();  // the second transfer is dropped unopened
    }
  });
}

TEST(Transfer, AcrossIsolatesWithoutCopy) {
  std::uint64_t sent_address = 0;
  auto report = on_main([&]() -> iso::Future<std::pair<std::uint64_t, std::size_t>> {
    iso::ReceivePort replies;
    co_await iso::Isolate::spawn(&materialize_and_report, replies.send_port());
    auto worker = (co_await replies.next()).take<iso::SendPort>();
    std::vector<std::uint8_t> bytes(3 * kMiB, 9);
    sent_address = address_of(bytes.data());
    auto data = iso::TransferableTypedData::from_bytes(std::move(bytes));
    worker.send(data);
    EXPECT_TRUE(data.is_empty());
    worker.send(iso::TransferableTypedData::from_list(std::vector<std::uint8_t>(kMiB, 1)));
    auto result = (co_await replies.next()).take<std::pair<std::uint64_t, std::size_t>>();
    replies.close();
    co_return result;
  });
  EXPECT_EQ(report.first, sent_address);
  EXPECT_EQ(report.second, 3 * kMiB);
}
