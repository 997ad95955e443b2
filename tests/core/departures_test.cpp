// Where the core once departed from Dart's isolate semantics; each test pins one of them.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "iso/iso.hpp"

using namespace std::chrono_literals;

namespace {

// Collects every message a port gets until the null exit notification, as strings.
iso::Future<std::vector<std::string>> collect_until_exit(iso::ReceivePort& port) {
  std::vector<std::string> seen;
  for (;;) {
    iso::Message message = co_await port.next();
    if (message.is_null()) co_return seen;
    seen.push_back(message.is<std::string>() ? message.take<std::string>() : message.type_name());
  }
}

}  // namespace

// Dart's Isolate.exit never returns: what the computation returns afterwards is no result.
TEST(Departures, ValueReturnedAfterExitIsNotTheResult) {
  auto outcome = iso::run_main([]() -> iso::Future<std::string> {
    try {
      int value = co_await iso::Isolate::run([] {
        iso::exit();
        return 42;
      });
      co_return "completed with " + std::to_string(value);
    } catch (const iso::RemoteError& e) {
      co_return std::string(e.what());
    }
  });
  EXPECT_NE(outcome.find("ended without result"), std::string::npos) << outcome;
}

TEST(Departures, FutureValueAfterExitIsNotTheResult) {
  auto outcome = iso::run_main([]() -> iso::Future<std::string> {
    try {
      int value = co_await iso::Isolate::run([]() -> iso::Future<int> {
        co_await iso::delay(0ms);
        iso::exit();
        co_return 42;
      });
      co_return "completed with " + std::to_string(value);
    } catch (const iso::RemoteError& e) {
      co_return std::string(e.what());
    }
  });
  EXPECT_NE(outcome.find("ended without result"), std::string::npos) << outcome;
}

// After the first exit nothing the isolate sends is delivered: neither a second exit's message
// nor a plain send made by the handler that called exit.
TEST(Departures, NothingIsDeliveredAfterTheFirstExit) {
  auto seen = iso::run_main([]() -> iso::Future<std::vector<std::string>> {
    iso::ReceivePort inbox;
    iso::SpawnOptions options;
    options.on_exit = inbox.send_port();
    co_await iso::Isolate::spawn(
        [](iso::SendPort out) {
          iso::exit(out, std::string("first exit"));
          out.send(std::string("send after exit"));
          iso::exit(out, std::string("second exit"));
        },
        inbox.send_port(), options);
    co_return co_await collect_until_exit(inbox);
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"first exit"}));
}

// Dart: adding the same port as an exit listener again replaces its response.
TEST(Departures, SamePortAddedTwiceAsExitListenerGetsOneMessageTheLastResponse) {
  auto seen = iso::run_main([]() -> iso::Future<std::vector<std::string>> {
    iso::ReceivePort exits;
    iso::ReceivePort gate;
    auto isolate = co_await iso::Isolate::spawn(
        [](iso::SendPort ready) {
          // Lives until told to end, so both listeners are added while it is alive.
          auto port = std::make_shared<iso::RawReceivePort>();
          port->set_handler([port](iso::Message) { port->close(); });
          ready.send(port->send_port());
        },
        gate.send_port());
    auto stop = (co_await gate.next()).take<iso::SendPort>();
    isolate.add_on_exit_listener(exits.send_port(), std::string("first"));
    isolate.add_on_exit_listener(exits.send_port(), std::string("second"));
    stop.send(0);
    std::vector<std::string> got;
    got.push_back((co_await exits.next()).take<std::string>());
    // Anything else would arrive before this marker, sent to the same port afterwards.
    exits.send_port().send(std::string("marker"));
    got.push_back((co_await exits.next()).take<std::string>());
    co_return got;
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"second", "marker"}));
}

// Dart: listening for errors with the same port more than once does nothing.
TEST(Departures, SamePortAddedTwiceAsErrorListenerGetsEachErrorOnce) {
  auto seen = iso::run_main([]() -> iso::Future<std::vector<std::string>> {
    iso::ReceivePort errors;
    iso::ReceivePort gate;
    auto isolate = co_await iso::Isolate::spawn(
        [](iso::SendPort ready) {
          auto port = std::make_shared<iso::RawReceivePort>();
          port->set_handler([port](iso::Message) {
            port->close();
            throw std::runtime_error("once");
          });
          ready.send(port->send_port());
        },
        gate.send_port());
    auto trigger = (co_await gate.next()).take<iso::SendPort>();
    isolate.add_error_listener(errors.send_port());
    isolate.add_error_listener(errors.send_port());
    isolate.add_on_exit_listener(errors.send_port());
    trigger.send(0);
    co_return co_await collect_until_exit(errors);
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"iso::UncaughtError"}));
}

// Dart delivers a message holding one TransferableTypedData twice; the second materialize throws.
TEST(Departures, OneTransferableTwiceInAMessageIsDeliveredAndMaterializesOnce) {
  auto result = iso::run_main([]() -> iso::Future<std::vector<std::string>> {
    iso::ReceivePort inbox;
    auto data = iso::TransferableTypedData::from_bytes(std::vector<std::uint8_t>{1, 2, 3});
    inbox.send_port().send(std::vector<iso::TransferableTypedData>{data, data});
    std::vector<std::string> log;
    log.push_back(data.is_empty() ? "sender empty" : "sender holds");
    auto both = (co_await inbox.next()).take<std::vector<iso::TransferableTypedData>>();
    log.push_back(std::to_string(both.at(0).materialize().size()));
    try {
      (void)both.at(1).materialize();
      log.push_back("second materialized");
    } catch (const iso::IsolateError&) {
      log.push_back("second throws");
    }
    co_return log;
  });
  EXPECT_EQ(result, (std::vector<std::string>{"sender empty", "3", "second throws"}));
}

// A send that fails part-way leaves every transferable of the message with the sender.
TEST(Departures, FailedSendLeavesTheSendersTransferablesAsTheyWere) {
  auto result = iso::run_main([]() -> iso::Future<std::vector<std::string>> {
    iso::ReceivePort inbox;
    auto kept = iso::TransferableTypedData::from_bytes(std::vector<std::uint8_t>{1, 2, 3, 4});
    iso::TransferableTypedData gone;  // default-constructed: sending it throws
    std::vector<std::string> log;
    try {
      inbox.send_port().send(std::vector<iso::TransferableTypedData>{kept, gone});
      log.push_back("sent");
    } catch (const iso::IsolateError&) {
      log.push_back("refused");
    }
    log.push_back(kept.is_empty() ? "lost" : std::to_string(kept.size()));
    log.push_back(std::to_string(inbox.buffered()));
    co_return log;
  });
  EXPECT_EQ(result, (std::vector<std::string>{"refused", "4", "0"}));
}

// Dart's null: sending nullptr arrives as the null message.
TEST(Departures, NullptrArrivesAsTheNullMessage) {
  auto is_null = iso::run_main([]() -> iso::Future<bool> {
    iso::ReceivePort inbox;
    inbox.send_port().send(nullptr);
    co_return (co_await inbox.next()).is_null();
  });
  EXPECT_TRUE(is_null);
}

// Everything an ended isolate owned is released, to the byte, ports and timers included.
TEST(Departures, AnEndedIsolateHoldsNoMemory) {
  if (!iso::heap_accounting_enabled()) GTEST_SKIP() << "no heap accounting in this build";
  auto left = iso::run_main([]() -> iso::Future<iso::HeapStats> {
    iso::ReceivePort exits;
    iso::SpawnOptions options;
    options.on_exit = exits.send_port();
    auto isolate = co_await iso::Isolate::spawn(
        [](int) -> iso::Future<void> {
          iso::ReceivePort port;
          iso::RawReceivePort raw;
          iso::schedule_microtask([] {});
          co_await iso::delay(1ms);
          port.close();
        },
        0, options);
    (void)co_await exits.next();
    co_return isolate.heap_stats();
  });
  EXPECT_EQ(left.live_bytes, 0);
  EXPECT_EQ(left.live_allocations, 0);
}

// The same to the byte for an isolate that ends by an uncaught error, after using timers,
// many microtasks, an IsolateLocal and listeners.
TEST(Departures, AnIsolateEndedByAnErrorHoldsNoMemory) {
  if (!iso::heap_accounting_enabled()) GTEST_SKIP() << "no heap accounting in this build";
  static iso::IsolateLocal<std::vector<int>> local;
  auto left = iso::run_main([]() -> iso::Future<iso::HeapStats> {
    iso::ReceivePort exits;
    iso::ReceivePort errors;
    iso::SpawnOptions options;
    options.on_exit = exits.send_port();
    options.on_error = errors.send_port();
    auto isolate = co_await iso::Isolate::spawn(
        [](int) -> iso::Future<void> {
          local->assign(1000, 7);
          for (int i = 0; i < 2000; ++i) iso::schedule_microtask([] {});
          [[maybe_unused]] auto timer = iso::Timer::periodic(1ms, [] {});
          co_await iso::delay(2ms);
          throw std::runtime_error("the end");
        },
        0, options);
    (void)co_await errors.next();
    (void)co_await exits.next();
    co_return isolate.heap_stats();
  });
  EXPECT_EQ(left.live_bytes, 0);
  EXPECT_EQ(left.live_allocations, 0);
}
