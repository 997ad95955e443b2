// What happens to messages nobody takes: a closed port frees them, an ended isolate frees
// everything it held. LeakSanitizer (the ASan build) proves nothing is left behind.

#include <gtest/gtest.h>

#include "message_fixtures.hpp"

using fixtures::on_main;

namespace {
constexpr std::size_t kMiB = 1 << 20;
}  // namespace

TEST(MessageLifetime, ClosingAPortFreesQueuedMessages) {
  if (!iso::heap_accounting_enabled()) GTEST_SKIP() << "no heap accounting in this build";
  auto live = on_main([]() -> iso::Future<std::pair<std::int64_t, std::int64_t>> {
    iso::ReceivePort port;
    const auto before = iso::Isolate::current().heap_stats().live_bytes;
    for (int i = 0; i < 4; ++i) port.send_port().send(std::vector<std::uint8_t>(kMiB, 1));
    port.send_port().send(iso::TransferableTypedData::from_list(std::string(kMiB, 'x')));
    port.send_port().send(fixtures::sample_value_tree());
    const auto queued = iso::Isolate::current().heap_stats().live_bytes - before;
    // Let the loop move them from the isolate's mailbox into the port's buffer, unread.
    for (int turn = 0; turn < 1000 && port.buffered() < 6; ++turn) {
      co_await iso::delay(std::chrono::milliseconds(1));
    }
    EXPECT_EQ(port.buffered(), 6u);
    port.close();
    const auto after = iso::Isolate::current().heap_stats().live_bytes - before;
    co_return std::pair{queued, after};
  });
  EXPECT_GE(live.first, static_cast<std::int64_t>(5 * kMiB));
  EXPECT_LT(live.second, static_cast<std::int64_t>(kMiB / 2));
}

// A worker that never reads its inbox: messages pile up, then it is killed.
void never_reads(iso::SendPort to_main) {
  auto inbox = std::make_shared<iso::ReceivePort>();
  to_main.send(inbox->send_port());
  iso::Isolate::current().add_on_exit_listener(to_main, std::string("ended"));
  // Keep the inbox open (and this isolate alive) without listening.
  static iso::IsolateLocal<std::shared_ptr<iso::ReceivePort>> keep;
  keep.get() = inbox;
}

TEST(MessageLifetime, EndedIsolateFreesWhatWasQueuedForIt) {
  auto ended = on_main([]() -> iso::Future<std::string> {
    iso::ReceivePort replies;
    auto worker = co_await iso::Isolate::spawn(&never_reads, replies.send_port());
    auto inbox = (co_await replies.next()).take<iso::SendPort>();
    for (int i = 0; i < 8; ++i) inbox.send(std::vector<std::uint8_t>(kMiB / 4, 2));
    inbox.send(iso::TransferableTypedData::from_list(std::string(kMiB, 'y')));
    inbox.send(iso::Shared<std::string>(std::string(1000, 's')));
    worker.kill(iso::KillPriority::immediate);
    auto done = (co_await replies.next()).take<std::string>();
    replies.close();
    co_return done;
  });
  EXPECT_EQ(ended, "ended");
}
