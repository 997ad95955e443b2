// Isolate::pause / resume and Isolate::ping, after Dart's pause_test, ping_test and
// ping_pause_test.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "iso/iso.hpp"

using namespace std::chrono_literals;

namespace {

// Echoes every int it gets to `reply`; ends after echoing 0. First sends its own port.
void echo(iso::SendPort reply) {
  auto port = std::make_shared<iso::RawReceivePort>();
  port->set_handler([port, reply](iso::Message message) {
    const int value = message.take<int>();
    reply.send(value);
    if (value == 0) port->close();
  });
  reply.send(port->send_port());
}

struct Echo {
  iso::Isolate isolate;
  iso::SendPort port;
};

iso::Future<Echo> start_echo(iso::ReceivePort& replies) {
  auto isolate = co_await iso::Isolate::spawn(&echo, replies.send_port());
  auto port = (co_await replies.next()).take<iso::SendPort>();
  co_return Echo{isolate, port};
}

// The messages that have arrived so far, without waiting for more.
iso::Future<std::vector<int>> drain(iso::ReceivePort& replies) {
  std::vector<int> seen;
  while (replies.buffered() > 0) seen.push_back((co_await replies.next()).take<int>());
  co_return seen;
}

iso::Future<std::vector<int>> receive(iso::ReceivePort& replies, std::size_t count) {
  std::vector<int> seen;
  while (seen.size() < count) seen.push_back((co_await replies.next()).take<int>());
  co_return seen;
}

}  // namespace

// ping_pause_test: a paused isolate answers a ping but handles no message until resumed; then
// every message arrives, in order.
TEST(Pause, PausedIsolateQueuesMessagesAndStillAnswersPings) {
  struct Log {
    std::vector<int> before_ping, while_paused, after_resume;
  };
  auto log = iso::run_main([]() -> iso::Future<Log> {
    iso::ReceivePort replies;
    iso::ReceivePort pings;
    Echo echo = co_await start_echo(replies);
    echo.port.send(4);
    echo.port.send(3);
    auto resume = echo.isolate.pause();
    echo.isolate.ping(pings.send_port(), std::string("paused"), iso::Priority::before_next_event);
    echo.port.send(2);
    echo.port.send(1);
    EXPECT_EQ((co_await pings.next()).take<std::string>(), "paused");
    Log result;
    result.before_ping = co_await drain(replies);
    co_await iso::delay(20ms);  // room for a broken pause to let 2 and 1 through
    result.while_paused = co_await drain(replies);
    echo.port.send(0);
    echo.isolate.resume(resume);
    result.after_resume = co_await receive(replies, 5 - result.before_ping.size());
    co_return result;
  });
  EXPECT_LE(log.before_ping.size(), 2u);
  EXPECT_TRUE(log.while_paused.empty());
  std::vector<int> all = log.before_ping;
  all.insert(all.end(), log.after_resume.begin(), log.after_resume.end());
  EXPECT_EQ(all, (std::vector<int>{4, 3, 2, 1, 0}));
}

// Every distinct capability must be resumed; the same one twice is one pause; an unknown one
// resumes nothing.
TEST(Pause, ResumesOnlyWhenEveryCapabilityIsResumed) {
  auto seen = iso::run_main([]() -> iso::Future<std::vector<std::string>> {
    iso::ReceivePort replies;
    iso::ReceivePort pings;
    Echo echo = co_await start_echo(replies);
    std::vector<std::string> log;
    iso::Capability first, second;
    echo.isolate.pause(first);
    echo.isolate.pause(first);
    echo.isolate.pause(second);
    echo.port.send(7);
    auto check = [&](const char* step) -> iso::Future<void> {
      echo.isolate.ping(pings.send_port());
      (void)co_await pings.next();  // every earlier request has been handled
      co_await iso::delay(10ms);
      log.push_back(std::string(step) + (replies.buffered() > 0 ? " running" : " paused"));
    };
    co_await check("start");
    echo.isolate.resume(iso::Capability());
    co_await check("unknown");
    echo.isolate.resume(first);
    co_await check("first");
    echo.isolate.resume(second);
    log.push_back(std::to_string((co_await replies.next()).take<int>()));
    echo.port.send(0);
    (void)co_await replies.next();
    co_return log;
  });
  EXPECT_EQ(seen,
            (std::vector<std::string>{"start paused", "unknown paused", "first paused", "7"}));
}

TEST(Pause, TimersWaitWhilePaused) {
  auto seen = iso::run_main([]() -> iso::Future<std::vector<std::string>> {
    iso::ReceivePort out;
    iso::ReceivePort pings;
    auto isolate = co_await iso::Isolate::spawn(
        [](iso::SendPort to) {
          iso::Timer::once(5ms, [to] { to.send(std::string("fired")); });
          to.send(std::string("armed"));
        },
        out.send_port());
    std::vector<std::string> log{(co_await out.next()).take<std::string>()};
    auto resume = isolate.pause();
    isolate.ping(pings.send_port());
    (void)co_await pings.next();
    co_await iso::delay(30ms);
    log.push_back(std::to_string(out.buffered()));
    isolate.resume(resume);
    log.push_back((co_await out.next()).take<std::string>());
    co_return log;
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"armed", "0", "fired"}));
}

TEST(Pause, KillEndsAPausedIsolate) {
  auto ended = iso::run_main([]() -> iso::Future<bool> {
    iso::ReceivePort replies;
    iso::ReceivePort exits;
    Echo echo = co_await start_echo(replies);
    echo.isolate.add_on_exit_listener(exits.send_port());
    echo.isolate.pause();
    echo.port.send(1);
    echo.isolate.kill(iso::KillPriority::before_next_event);
    co_return (co_await exits.next()).is_null() && replies.buffered() == 0;
  });
  EXPECT_TRUE(ended);
}

// ping_test: an immediate ping is answered before the events queued after it, a
// before_next_event ping before the next event; data keeps its order.
TEST(Ping, ResponsesComeBeforeLaterEventsAndDataKeepsItsOrder) {
  auto log = iso::run_main([]() -> iso::Future<std::vector<std::string>> {
    iso::ReceivePort replies;
    Echo echo = co_await start_echo(replies);
    // Both kinds of answer arrive on one port, so their order with the data is the order sent.
    echo.port.send(3);
    echo.isolate.ping(replies.send_port(), std::string("alive"), iso::Priority::immediate);
    echo.port.send(2);
    echo.isolate.ping(replies.send_port(), std::string("control"),
                      iso::Priority::before_next_event);
    echo.port.send(1);
    echo.port.send(0);
    std::vector<std::string> seen;
    for (;;) {
      auto message = co_await replies.next();
      if (message.is<std::string>()) {
        seen.push_back(message.take<std::string>());
      } else {
        const int value = message.take<int>();
        seen.push_back(std::to_string(value));
        if (value == 0) co_return seen;
      }
    }
  });
  auto at = [&](const std::string& item) {
    return std::find(log.begin(), log.end(), item) - log.begin();
  };
  EXPECT_LT(at("alive"), at("2"));
  EXPECT_LT(at("control"), at("1"));
  std::vector<std::string> data;
  for (const auto& item : log) {
    if (item != "alive" && item != "control") data.push_back(item);
  }
  EXPECT_EQ(data, (std::vector<std::string>{"3", "2", "1", "0"}));
  EXPECT_EQ(log.size(), 6u);
}

TEST(Ping, DefaultResponseIsNull) {
  auto is_null = iso::run_main([]() -> iso::Future<bool> {
    iso::ReceivePort replies;
    Echo echo = co_await start_echo(replies);
    echo.isolate.ping(replies.send_port());
    auto answer = co_await replies.next();
    echo.port.send(0);
    (void)co_await replies.next();
    co_return answer.is_null();
  });
  EXPECT_TRUE(is_null);
}
