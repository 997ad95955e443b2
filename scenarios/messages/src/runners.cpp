// How one message is sent and timed in each way. Every runner checks that the receiver holds
// the data that was sent (by checksum) and fails the run otherwise.
//
// Every way is timed at the same receiving isolate, which runs no UI frames, and every timed
// message starts from the same state whatever the size (see settle): so the figures of 1 KB
// and 64 MB differ only by what crossing them costs.

#include "runners.hpp"

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

namespace messages {
namespace {

namespace k = metric_keys;

std::int64_t now_ns() noexcept {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

/// An isolate waiting for mail spins for up to 100 µs before it parks (the core's mailbox).
/// Waiting this long before each timed message lets the receiver park every time, as an idle
/// worker is; without it a small message would meet a receiver still spinning from the
/// previous one, while a big one, preceded by milliseconds of preparation, would wake it.
constexpr auto kLetTheReceiverPark = std::chrono::milliseconds(1);

/// Sent, untimed, to the receiver just before it is let park for a timed message: it wakes,
/// ignores it and parks again, so every timed message finds it parked for about
/// kLetTheReceiverPark, not for as long as the sender took to prepare the data.
struct Ready {
  bool unused = false;
};
ISO_SENDABLE(Ready, unused);

/// Brings the sending side to the same state before every timed message, whatever the size:
/// rests as long as the data's preparation took (`prepared_ns`), then twice wakes the receiver
/// with a Ready and lets it park. These steps are outside the timed window and change nothing
/// in it; they undo what the preparation left behind, which a program sending a buffer it made
/// long before would not have either. Data made in setup (copy, share) or in microseconds
/// (1 KB) rests 0.
///
/// Why rest: on the 2-core virtual machine this was measured on, the receiver runs either at
/// once on the sender's core (about 5 µs) or 20-110 µs later: on the other, idle core (the
/// hypervisor wakes a halted core) or on the sender's once the sender's thread lets go of it.
/// The kernel picks the slow ways more often right after the sender computed for tens of ms. A
/// 1 KB hand-over made right after 40 ms of busy spinning took 20-70 µs instead of 10-20 µs, as
/// much as a 64 MB one: a cost of what came before the message, not of its size, and one a long
/// computation still leaves behind after this rest (1 KB after 250 ms of spinning: 30-44 µs).
///
/// Why twice: making 64 MB evicts the caches. The first Ready runs both sides' message paths
/// cold, the second finds them as a message sent in a quiet moment does. The hand-over of a
/// 64 MB string by exit took 10.8-11.3 µs after one Ready, 7.3-8.0 µs after two (1 KB: 6.0-6.5
/// µs either way).
iso::Future<void> settle(std::int64_t prepared_ns, const iso::SendPort& receiver) {
  co_await iso::delay(std::chrono::nanoseconds(prepared_ns));
  for (int round = 0; round < 2; ++round) {
    receiver.send(Ready{});
    co_await iso::delay(kLetTheReceiverPark);
  }
}

/// What the receiver reports back: when the data was usable there, and its checksum; for exit
/// also when the ending isolate handed it over.
struct Arrival {
  std::int64_t usable_ns = 0;
  std::uint64_t checksum = 0;
  std::int64_t handed_over_ns = 0;
};
ISO_SENDABLE(Arrival, usable_ns, checksum, handed_over_ns);

/// A string's bytes in a TransferableTypedData: the receiver makes a string of them again.
struct TransferredText {
  iso::TransferableTypedData bytes;
};
ISO_SENDABLE(TransferredText, bytes);

/// Asks the receiver to spawn an ending isolate that hands this data over: bytes come with it,
/// made by the main isolate, a string's characters are shared for it to copy, and objects and
/// value are made from the seed.
struct ExitOrder {
  int kind = 0;
  std::uint64_t size = 0;
  std::uint64_t seed = 0;
  std::optional<iso::TransferableTypedData> bytes;  ///< for Kind::bytes
  std::optional<iso::Shared<std::string>> text;     ///< for Kind::string
};
ISO_SENDABLE(ExitOrder, kind, size, seed, bytes, text);

/// What the ending isolate of mode `exit` is given: the order and where to hand the data.
struct ExitJob {
  iso::SendPort reply;
  ExitOrder order;
};
ISO_SENDABLE(ExitJob, reply, order);

template <class T>
using Stamped = std::pair<std::int64_t, T>;  // (exit called, data)

/// The checksum of data as received: plain, or behind a Shared.
template <class T>
std::uint64_t checksum_of(const T& data) {
  return checksum(data);
}
template <class T>
std::uint64_t checksum_of(const iso::Shared<T>& shared) {
  return checksum(*shared);
}

/// Stamps `data` usable now, checksums it, then frees it: the receiver frees before it
/// acknowledges, so freeing a big block (an munmap of milliseconds) never runs on while the
/// sender goes on, stalling the sender's own page faults.
template <class T>
Arrival arrived(T data) {
  Arrival arrival;
  arrival.usable_ns = now_ns();
  arrival.checksum = checksum_of(data);
  return arrival;
}

/// Says that the next data message is to be sent straight back, the same way (a round trip),
/// rather than acknowledged with an Arrival.
struct EchoNext {
  bool transfer = false;  ///< the data comes, and goes back, as a TransferableTypedData
};
ISO_SENDABLE(EchoNext, transfer);

/// Takes the data out of `message` in the form a program uses it (a transfer materialized, a
/// transferred string made a string again) and calls `use` with it; false when the message holds
/// no data of a known kind.
template <class Use>
bool take_data(iso::Message& message, Use&& use) {
  auto plain = [&]<class T>(std::type_identity<T>) {
    if (!message.is<T>()) return false;
    use(message.take<T>());
    return true;
  };
  if (plain(std::type_identity<std::vector<std::uint8_t>>{}) ||
      plain(std::type_identity<std::string>{}) ||
      plain(std::type_identity<std::vector<Product>>{}) ||
      plain(std::type_identity<iso::Value>{}) ||
      plain(std::type_identity<iso::Shared<std::vector<std::uint8_t>>>{}) ||
      plain(std::type_identity<iso::Shared<std::string>>{}) ||
      plain(std::type_identity<iso::Shared<std::vector<Product>>>{}) ||
      plain(std::type_identity<iso::Shared<iso::Value>>{})) {
    return true;
  }
  if (message.is<iso::TransferableTypedData>()) {
    use(message.take<iso::TransferableTypedData>().materialize());
    return true;
  }
  if (message.is<TransferredText>()) {
    const auto bytes = message.take<TransferredText>().bytes.materialize();
    use(std::string(bytes.begin(), bytes.end()));
    return true;
  }
  return false;
}

/// Sends `data` to `port` the way it came: copied, shared, or (with `transfer`) moved.
template <class T>
void send_back(const iso::SendPort& port, T data, bool transfer) {
  if constexpr (std::is_same_v<T, std::vector<std::uint8_t>>) {
    if (transfer) {
      port.send(iso::TransferableTypedData::from_bytes(std::move(data)));
      return;
    }
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (transfer) {  // a string crosses by transfer as its bytes: a copy into them first
      port.send(TransferredText{iso::TransferableTypedData::from_bytes(
          std::vector<std::uint8_t>(data.begin(), data.end()))});
      return;
    }
  }
  port.send(data);
}

/// Takes the (hand-over time, data) pair of an ending isolate out of `message`, stamps the data
/// usable and frees it; nullopt when the message holds no such pair.
std::optional<Arrival> take_handed_over(iso::Message& message) {
  auto stamped = [&]<class T>(std::type_identity<T>) -> std::optional<Arrival> {
    if (!message.is<Stamped<T>>()) return std::nullopt;
    auto [handed_over_ns, data] = message.take<Stamped<T>>();
    Arrival arrival = arrived(std::move(data));
    arrival.handed_over_ns = handed_over_ns;
    return arrival;
  };
  if (auto got = stamped(std::type_identity<std::vector<std::uint8_t>>{})) return got;
  if (auto got = stamped(std::type_identity<std::string>{})) return got;
  if (auto got = stamped(std::type_identity<std::vector<Product>>{})) return got;
  return stamped(std::type_identity<iso::Value>{});
}

iso::Future<void> ending_isolate_entry(ExitJob job);

/// Spawns an ending isolate for `order` and waits for its hand-over.
iso::Future<Arrival> receive_exit(ExitOrder order) {
  iso::ReceivePort handed("messages exit");
  iso::SpawnOptions options;
  options.debug_name = "messages exit";
  options.on_error = handed.send_port();
  (void)co_await iso::Isolate::spawn(&ending_isolate_entry,
                                     ExitJob{handed.send_port(), std::move(order)}, options);
  iso::Message message = co_await handed.next();
  while (message.is<Ready>()) message = co_await handed.next();
  if (auto arrival = take_handed_over(message)) co_return *arrival;
  if (message.is<iso::UncaughtError>()) {
    throw std::runtime_error("the ending isolate failed: " +
                             message.get<iso::UncaughtError>().message);
  }
  throw std::logic_error("messages: the ending isolate sent a " + message.type_name());
}

/// The receiving isolate: hands its port over on `main_port`, then answers every message with
/// an Arrival, sends it straight back after an EchoNext, or (ExitOrder) receives it from an
/// ending isolate, until it is killed.
iso::Future<void> receiver_entry(iso::SendPort main_port) {
  iso::ReceivePort inbox("messages receiver");
  main_port.send(inbox.send_port());
  std::optional<EchoNext> echo;
  while (true) {
    iso::Message message = co_await inbox.next();
    if (message.is<Ready>()) continue;
    if (message.is<EchoNext>()) {
      echo = message.take<EchoNext>();
      continue;
    }
    if (message.is<ExitOrder>()) {
      main_port.send(co_await receive_exit(message.take<ExitOrder>()));
      continue;
    }
    const bool known = take_data(message, [&](auto data) {
      if (echo) {
        send_back(main_port, std::move(data), echo->transfer);
        echo.reset();
      } else {
        main_port.send(arrived(std::move(data)));
      }
    });
    if (!known) throw std::logic_error("messages: the receiver got a " + message.type_name());
  }
}

/// The data an ending isolate hands over, made there as cheaply as its kind allows. Bytes arrive
/// already written, moved in by transfer, as a file read or a download would have left them. A
/// string is copied from shared characters (a memcpy): generating 64 MB of text there took
/// 60-100 ms, and after that much work the kernel woke the receiver on the other core, which on
/// a 2-core virtual machine took 80 µs against 6 µs on this one: a cost of the making, timed as
/// the hand-over of the big data (see settle). Objects and value are made from the seed.
Payload data_to_hand_over(ExitOrder& order) {
  const auto kind = static_cast<Kind>(order.kind);
  Payload payload;
  payload.kind = kind;
  switch (kind) {
    case Kind::bytes:
      payload.bytes = order.bytes.value().materialize();
      return payload;
    case Kind::string:
      payload.text = *order.text.value();
      return payload;
    case Kind::objects:
    case Kind::value:
      return make_payload(kind, order.size, order.seed);
  }
  throw std::logic_error("messages: an exit order of unknown kind");
}

/// The ending isolate of mode `exit`: takes its data, settles, then hands the data over with
/// the time.
iso::Future<void> ending_isolate_entry(ExitJob job) {
  const auto started = now_ns();
  Payload payload = data_to_hand_over(job.order);
  co_await settle(now_ns() - started, job.reply);
  switch (payload.kind) {
    case Kind::bytes:
      iso::exit(job.reply, Stamped<std::vector<std::uint8_t>>{now_ns(), std::move(payload.bytes)});
      co_return;
    case Kind::string:
      iso::exit(job.reply, Stamped<std::string>{now_ns(), std::move(payload.text)});
      co_return;
    case Kind::objects:
      iso::exit(job.reply, Stamped<std::vector<Product>>{now_ns(), std::move(payload.products)});
      co_return;
    case Kind::value:
      iso::exit(job.reply, Stamped<iso::Value>{now_ns(), std::move(payload.tree)});
      co_return;
  }
}

[[noreturn]] void fail_on(const iso::Message& message) {
  if (message.is<iso::UncaughtError>()) {
    throw std::runtime_error("messages: the receiving isolate failed: " +
                             message.get<iso::UncaughtError>().message);
  }
  throw std::runtime_error("messages: unexpected reply of type " + message.type_name());
}

void check_same(const Point& point, std::uint64_t received, const char* way) {
  if (received != point.expected) {
    throw std::runtime_error(std::string("messages: by ") + way +
                             ", the receiver does not hold the data that was sent (" +
                             point.label() + ")");
  }
}

bench::Measurements measured(const Point& point, double one_way, double round_trip, double busy,
                             double copied) {
  const double throughput =
      one_way > 0 ? static_cast<double>(point.data_bytes) / one_way * 1000.0 : 0.0;
  return {{k::latency, one_way},
          {k::round_trip, round_trip},
          {k::busy, busy},
          {k::copied, copied},
          {k::throughput, throughput}};
}

/// A plain copy of `data` on this thread, timed; its checksum and allocation counted untimed.
template <class T>
void plain_copy(const T& data, double& elapsed, std::uint64_t& sum, double& copied) {
  const auto before = iso::thread_allocated_bytes();
  const auto started = now_ns();
  const T copy(data);
  elapsed = static_cast<double>(now_ns() - started);
  // Allocation counting is not timed: it is read after the clock stopped, and the copy's bytes
  // are still allocated (the checksum runs before it is freed).
  copied = static_cast<double>(iso::thread_allocated_bytes() - before);
  sum = checksum(copy);
}

/// There and back by plain copies: the floor of a round trip.
template <class T>
double two_copies(const T& data) {
  const auto started = now_ns();
  const T there(data);
  const T back(there);
  const auto elapsed = static_cast<double>(now_ns() - started);
  if (checksum(back) != checksum(data)) throw std::logic_error("messages: a copy differs");
  return elapsed;
}

class FloorRunner final : public bench::ModeRunner {
 public:
  explicit FloorRunner(const Point& point) : point_(point) {}

  iso::Future<bench::Measurements> run_once() override {
    const Payload& data = *point_.payload;
    std::uint64_t sum = 0;
    double elapsed = 0, copied = 0, round_trip = 0;
    auto floor_of = [&](const auto& value) {
      plain_copy(value, elapsed, sum, copied);
      round_trip = two_copies(value);
    };
    switch (data.kind) {
      case Kind::bytes:
        floor_of(data.bytes);
        break;
      case Kind::string:
        floor_of(data.text);
        break;
      case Kind::objects:
        floor_of(data.products);
        break;
      case Kind::value:
        floor_of(data.tree);
        break;
    }
    check_same(point_, sum, "floor");
    co_return measured(point_, elapsed, round_trip, elapsed, copied);
  }

 private:
  const Point& point_;
};

enum class Way { copy, transfer, share, exit };

/// copy, transfer, share and exit: a receiving isolate spawned once in setup, one message per
/// run.
class ReceiverRunner final : public bench::ModeRunner {
 public:
  ReceiverRunner(const Point& point, Way way, std::string way_name)
      : point_(point), way_(way), way_name_(std::move(way_name)) {}

  iso::Future<bench::Measurements> setup() override {
    replies_.emplace("messages replies");
    iso::SpawnOptions options;
    options.debug_name = "messages receiver";
    options.on_error = replies_->send_port();
    isolate_ = co_await iso::Isolate::spawn(&receiver_entry, replies_->send_port(), options);
    iso::Message first = co_await replies_->next();
    if (!first.is<iso::SendPort>()) fail_on(first);
    inbox_ = first.take<iso::SendPort>();
    const Payload& data = *point_.payload;
    // A string is shared to be sent (share) or for ending isolates to copy (exit, see
    // data_to_hand_over).
    if (data.kind == Kind::string && (way_ == Way::share || way_ == Way::exit)) {
      shared_text_ = iso::Shared<std::string>(data.text);
    }
    if (way_ == Way::share) {
      // Shared data is built once and kept: sharing is for data that does not change.
      if (data.kind == Kind::bytes)
        shared_bytes_ = iso::Shared<std::vector<std::uint8_t>>(data.bytes);
      if (data.kind == Kind::objects)
        shared_products_ = iso::Shared<std::vector<Product>>(data.products);
      if (data.kind == Kind::value) shared_tree_ = iso::Shared<iso::Value>(data.tree);
    }
    co_return bench::Measurements{};
  }

  iso::Future<bench::Measurements> run_once() override {
    if (way_ == Way::exit) co_return co_await exit_once();
    // One way: the receiver acknowledges with when the data was usable there.
    auto preparing = now_ns();
    std::optional<iso::TransferableTypedData> transferable;
    if (way_ == Way::transfer) transferable = pages();
    co_await settle(now_ns() - preparing, inbox_);
    const auto started = now_ns();
    const iso::SendCost cost = send(*point_.payload, transferable);
    const auto busy = static_cast<double>(now_ns() - started);
    iso::Message reply = co_await replies_->next();
    if (!reply.is<Arrival>()) fail_on(reply);
    const Arrival arrival = reply.take<Arrival>();
    check_same(point_, arrival.checksum, way_name_.c_str());

    // Round trip: the receiver sends the data straight back the same way.
    inbox_.send(EchoNext{way_ == Way::transfer});
    preparing = now_ns();
    if (way_ == Way::transfer) transferable = pages();
    co_await settle(now_ns() - preparing, inbox_);
    const auto round_started = now_ns();
    (void)send(*point_.payload, transferable);
    iso::Message echoed = co_await replies_->next();
    std::int64_t back_ns = 0;
    std::uint64_t back_sum = 0;
    const bool known = take_data(echoed, [&](const auto& data) {
      back_ns = now_ns();
      back_sum = checksum_of(data);
    });
    if (!known) fail_on(echoed);
    check_same(point_, back_sum, way_name_.c_str());
    co_return measured(point_, static_cast<double>(arrival.usable_ns - started),
                       static_cast<double>(back_ns - round_started), busy,
                       static_cast<double>(cost.bytes));
  }

  iso::Future<void> teardown() override {
    if (!isolate_) co_return;
    iso::ReceivePort exited("messages receiver exit");
    isolate_->add_on_exit_listener(exited.send_port());
    isolate_->kill(iso::KillPriority::immediate);
    (void)co_await exited.first();
    isolate_.reset();
    replies_.reset();
  }

 private:
  /// The data's bytes (a string's characters) in a new TransferableTypedData: a transfer
  /// empties its handle, so each send gets a new one, made before the clock starts (as a Dart
  /// program fills its TransferableTypedData before sending it). For bytes and strings only.
  iso::TransferableTypedData pages() const {
    const Payload& data = *point_.payload;
    std::vector<std::uint8_t> bytes =
        data.kind == Kind::bytes ? data.bytes
                                 : std::vector<std::uint8_t>(data.text.begin(), data.text.end());
    return iso::TransferableTypedData::from_bytes(std::move(bytes));
  }

  iso::SendCost send(const Payload& data, std::optional<iso::TransferableTypedData>& transferable) {
    switch (way_) {
      case Way::copy:
        if (data.kind == Kind::bytes) return inbox_.send(data.bytes);
        if (data.kind == Kind::string) return inbox_.send(data.text);
        if (data.kind == Kind::value) return inbox_.send(data.tree);
        return inbox_.send(data.products);
      case Way::transfer:
        if (data.kind == Kind::bytes) return inbox_.send(*transferable);
        return inbox_.send(TransferredText{std::move(*transferable)});
      case Way::share:
        if (data.kind == Kind::bytes) return inbox_.send(shared_bytes_);
        if (data.kind == Kind::string) return inbox_.send(shared_text_);
        if (data.kind == Kind::value) return inbox_.send(shared_tree_);
        return inbox_.send(shared_products_);
      case Way::exit:  // exit sends an ExitOrder instead: see exit_once
        break;
    }
    throw std::logic_error("messages: no data is sent this way");
  }

  /// exit: the receiver spawns an ending isolate that is given or makes the data and hands it
  /// over.
  iso::Future<bench::Measurements> exit_once() {
    const auto preparing = now_ns();
    ExitOrder order{static_cast<int>(point_.kind), point_.size, point_.seed, std::nullopt,
                    std::nullopt};
    if (point_.kind == Kind::bytes) order.bytes = pages();
    if (point_.kind == Kind::string) order.text = shared_text_;
    co_await settle(now_ns() - preparing, inbox_);
    inbox_.send(order);
    iso::Message reply = co_await replies_->next();
    if (!reply.is<Arrival>()) fail_on(reply);
    const Arrival arrival = reply.take<Arrival>();
    check_same(point_, arrival.checksum, way_name_.c_str());
    // The ending isolate's exit call is not timed (it cannot report after it), a hand-over
    // copies nothing, and an ended isolate cannot be answered: all 0 by construction.
    co_return measured(point_, static_cast<double>(arrival.usable_ns - arrival.handed_over_ns),
                       0.0, 0.0, 0.0);
  }

  const Point& point_;
  Way way_;
  std::string way_name_;  ///< the mode's name, for messages
  std::optional<iso::ReceivePort> replies_;  // the receiver's port, arrivals and errors
  std::optional<iso::Isolate> isolate_;
  iso::SendPort inbox_;
  iso::Shared<std::vector<std::uint8_t>> shared_bytes_;
  iso::Shared<std::string> shared_text_;
  iso::Shared<std::vector<Product>> shared_products_;
  iso::Shared<iso::Value> shared_tree_;
};

}  // namespace

std::unique_ptr<bench::ModeRunner> make_runner(const std::string& mode, const Point& point) {
  if (mode == "floor") return std::make_unique<FloorRunner>(point);
  if (mode == "copy") return std::make_unique<ReceiverRunner>(point, Way::copy, mode);
  if (mode == "transfer") return std::make_unique<ReceiverRunner>(point, Way::transfer, mode);
  if (mode == "share") return std::make_unique<ReceiverRunner>(point, Way::share, mode);
  if (mode == "exit") return std::make_unique<ReceiverRunner>(point, Way::exit, mode);
  throw std::logic_error("messages: unknown mode " + mode);
}

}  // namespace messages
