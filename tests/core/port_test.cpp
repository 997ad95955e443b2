// Ports: the document's worker pattern, ordering, buffering, closing.

#include <gtest/gtest.h>

#include <string>
#include <unordered_set>
#include <vector>

#include "iso/iso.hpp"

using namespace std::chrono_literals;

namespace {

// The document's worker: replies to every request on the reply port the request carries.
void echo_worker(iso::SendPort main_port) {
  auto inbox = std::make_shared<iso::ReceivePort>("worker inbox");
  main_port.send(inbox->send_port());
  inbox->listen([inbox](iso::Message message) {
    if (message.is_null()) {  // shutdown request
      inbox->close();
      return;
    }
    auto request = message.take<std::pair<std::string, iso::SendPort>>();
    request.second.send("echo: " + request.first);
  });
}

}  // namespace

TEST(Ports, WorkerHandshakeAndRequestReply) {
  auto replies = iso::run_main([]() -> iso::Future<std::vector<std::string>> {
    iso::ReceivePort handshake;
    co_await iso::Isolate::spawn(echo_worker, handshake.send_port());
    auto worker = (co_await handshake.first()).take<iso::SendPort>();
    std::vector<std::string> out;
    // A named vector, not a braced list: g++ 12 loses an initializer_list's backing array across
    // a co_await in the loop body.
    const std::vector<std::string> requests{"a", "b", "c"};
    for (const std::string& text : requests) {
      iso::ReceivePort reply;
      worker.send(std::pair{text, reply.send_port()});
      out.push_back((co_await reply.first()).take<std::string>());
    }
    worker.deliver(iso::Message());  // null: stop
    co_return out;
  });
  EXPECT_EQ(replies, (std::vector<std::string>{"echo: a", "echo: b", "echo: c"}));
}

TEST(Ports, MessagesFromOneSenderArriveInOrder) {
  auto received = iso::run_main([]() -> iso::Future<std::vector<int>> {
    iso::ReceivePort inbox;
    co_await iso::Isolate::spawn(
        [](iso::SendPort out) {
          for (int i = 0; i < 1000; ++i) out.send(i);
        },
        inbox.send_port());
    std::vector<int> values;
    for (int i = 0; i < 1000; ++i) values.push_back((co_await inbox.next()).take<int>());
    co_return values;
  });
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(received[i], i);
}

TEST(Ports, MessagesBufferedUntilListenedThenDeliveredInOrder) {
  std::vector<int> seen;
  iso::run_main([&]() -> iso::Future<void> {
    auto port = std::make_shared<iso::ReceivePort>();
    for (int i = 0; i < 3; ++i) port->send_port().send(i);
    // The loop moves each message into the port's buffer as it handles it; a timer can come due
    // between them on a slow machine, so wait for the three (up to a second), not a fixed time.
    for (int waited = 0; port->buffered() < 3u && waited < 1000; ++waited) {
      co_await iso::delay(1ms);
    }
    EXPECT_EQ(port->buffered(), 3u);
    port->listen([&, port](iso::Message m) {
      seen.push_back(m.take<int>());
      if (seen.size() == 4) port->close();
    });
    port->send_port().send(3);
  });
  EXPECT_EQ(seen, (std::vector<int>{0, 1, 2, 3}));
}

TEST(Ports, MessageToClosedPortIsDropped) {
  int delivered = 0;
  iso::run_main([&] {
    iso::RawReceivePort port([&](iso::Message) { ++delivered; });
    auto send_port = port.send_port();
    port.close();
    send_port.send(1);  // no error, no delivery
  });
  EXPECT_EQ(delivered, 0);
}

TEST(Ports, FirstOnClosedPortFailsWithStateError) {
  iso::run_main([]() -> iso::Future<void> {
    iso::ReceivePort port;
    auto pending = port.first();
    port.close();
    bool failed = false;
    try {
      co_await pending;
    } catch (const iso::StateError&) {
      failed = true;
    }
    EXPECT_TRUE(failed);
  });
}

TEST(Ports, OpenPortKeepsIsolateAliveUntilClosed) {
  bool closed_by_timer = false;
  iso::run_main([&] {
    auto port = std::make_shared<iso::RawReceivePort>();
    iso::Timer::once(2ms, [&, port] {
      closed_by_timer = true;
      port->close();
    });
  });
  EXPECT_TRUE(closed_by_timer);
}

TEST(Ports, SendPortsAreComparableAndHashable) {
  iso::run_main([] {
    iso::ReceivePort a, b;
    EXPECT_EQ(a.send_port(), a.send_port());
    EXPECT_NE(a.send_port(), b.send_port());
    std::unordered_set<iso::SendPort> set{a.send_port(), a.send_port(), b.send_port()};
    EXPECT_EQ(set.size(), 2u);
  });
}

TEST(Ports, WrongTypeNamesBothTypes) {
  iso::run_main([]() -> iso::Future<void> {
    iso::ReceivePort port;
    port.send_port().send(std::string("catalog"));
    auto message = co_await port.first();
    try {
      (void)message.take<int>();
      ADD_FAILURE() << "expected MessageTypeError";
    } catch (const iso::MessageTypeError& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find("expected int"), std::string::npos) << what;
      EXPECT_NE(what.find("string"), std::string::npos) << what;
    }
  });
}

TEST(Ports, PlainThreadCanSendToAnIsolate) {
  auto got = iso::run_main([]() -> iso::Future<int> {
    iso::ReceivePort port;
    std::thread embedder([to = port.send_port()] { to.send(99); });
    auto message = co_await port.first();
    embedder.join();
    co_return message.take<int>();
  });
  EXPECT_EQ(got, 99);
}
